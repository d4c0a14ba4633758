#!/usr/bin/env bash
# Idempotent sandbox setup for CI and fresh Debian 12 machines (run as root).
#   .ci/sandbox-setup.sh            bubblewrap, plus Docker (engine + runner image) when possible
#   QH_SANDBOX_SKIP_DOCKER=1 ...    bubblewrap only
# Docker: the engine is started only as `dockerd --bridge=none --iptables=false --ip-masq=false` (no bridge, no NAT);
# the runner image is built from a local root filesystem (sandbox/docker/image.py, then docker import), never pulled.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${QH_PYTHON:-$ROOT/.venv/bin/python}"
APT_UPDATED=0

need_apt() {
  local missing=()
  for package in "$@"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$APT_UPDATED" = 0 ]; then apt-get update -q; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

check_bubblewrap() {
  bwrap --unshare-all --die-with-parent --ro-bind /usr /usr --symlink usr/lib /lib --symlink usr/lib64 /lib64 \
    --symlink usr/bin /bin --dev /dev /bin/true || { echo "bubblewrap cannot create namespaces here" >&2; exit 1; }
}

start_dockerd() {
  if docker info >/dev/null 2>&1; then return 0; fi
  nohup dockerd --bridge=none --iptables=false --ip-masq=false >/var/log/qh-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "dockerd did not start; see /var/log/qh-dockerd.log" >&2
  return 1
}

build_runner_image() {
  (cd "$ROOT" && "$PYTHON" -c 'import docker; from sandbox.docker.image import build_image; print("built", build_image(docker.from_env()))')
}

need_apt bubblewrap
check_bubblewrap
echo "bubblewrap ready: $(bwrap --version)"

if [ "${QH_SANDBOX_SKIP_DOCKER:-0}" != 1 ]; then
  need_apt docker.io
  start_dockerd
  build_runner_image
fi
