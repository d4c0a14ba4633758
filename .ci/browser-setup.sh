#!/usr/bin/env bash
# Idempotent: Debian's Chromium for the Playwright browser tests (tests_browser/). Never downloads a browser build:
# Playwright drives /usr/bin/chromium through `executable_path`.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q chromium
/usr/bin/chromium --version
