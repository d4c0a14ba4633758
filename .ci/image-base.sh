#!/usr/bin/env bash
# Build qubithub-base:local, a stand-in for python:3.11-slim on machines that cannot pull images:
# a Debian bookworm minbase root filesystem (debootstrap from the Debian archive), this machine's CPython 3.11
# at /usr/local (as in the official image), and /opt/venv holding the production packages (requirements.txt)
# copied from .venv, so that the Dockerfile's `pip install --no-index -r requirements.txt` finds them satisfied.
# Idempotent: the rootfs is cached under $QH_IMAGE_CACHE and the image is rebuilt only when requirements change.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${QH_IMAGE_CACHE:-/var/tmp/qh-images}"
TAG="${QH_BASE_IMAGE:-qubithub-base:local}"
PYHOME="$("$ROOT/.venv/bin/python" -c 'import sys; print(sys.base_prefix)')"
SITE="$("$ROOT/.venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
STAMP="$(cat "$ROOT/requirements.txt" "$0" | sha256sum | cut -c1-16)"

if [ "$(docker image inspect -f '{{ index .Config.Labels "qubithub.base" }}' "$TAG" 2>/dev/null)" = "$STAMP" ]; then
  echo "$TAG is up to date ($STAMP)"; exit 0
fi
mkdir -p "$CACHE"
# what python:3.11-slim has for CPython's extension modules, plus bubblewrap for the sandbox
PACKAGES="bubblewrap ca-certificates libexpat1 libncursesw6 libreadline8 libsqlite3-0 libnsl2 libtirpc3 libbz2-1.0 \
liblzma5 libffi8 libssl3 libgdbm6 libuuid1 tzdata"
if [ ! -x "$CACHE/rootfs/usr/bin/apt-get" ]; then
  command -v debootstrap >/dev/null || apt-get install -y -q --no-install-recommends debootstrap
  rm -rf "$CACHE/rootfs"
  debootstrap --variant=minbase --include="${PACKAGES// /,}" bookworm "$CACHE/rootfs" http://deb.debian.org/debian
  echo "$PACKAGES" >"$CACHE/rootfs.packages"
fi
if [ "$(cat "$CACHE/rootfs.packages" 2>/dev/null)" != "$PACKAGES" ]; then  # package list changed: add to the rootfs
  cp /etc/resolv.conf "$CACHE/rootfs/etc/resolv.conf"
  chroot "$CACHE/rootfs" sh -c "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $PACKAGES && apt-get clean"
  echo "$PACKAGES" >"$CACHE/rootfs.packages"
fi

STAGE="$CACHE/stage"
rm -rf "$STAGE"
cp -a "$CACHE/rootfs" "$STAGE"
rm -rf "$STAGE"/var/cache/apt/archives/*.deb "$STAGE"/var/lib/apt/lists/*
# CPython at /usr/local, like the official image (no test suite, no static library)
tar -C "$PYHOME" --exclude='lib/python3.11/test' --exclude='*.a' --exclude='__pycache__' -cf - . | tar -C "$STAGE/usr/local" -xf -
ln -sf python3.11 "$STAGE/usr/local/bin/python"
chroot "$STAGE" /sbin/ldconfig
# /opt/venv with exactly the distributions named in requirements.txt (and pip)
VENV_SITE="$STAGE/opt/venv/lib/python3.11/site-packages"
mkdir -p "$VENV_SITE" "$STAGE/opt/venv/bin"
printf 'home = /usr/local/bin\ninclude-system-site-packages = false\nversion = 3.11\n' >"$STAGE/opt/venv/pyvenv.cfg"
ln -s /usr/local/bin/python3.11 "$STAGE/opt/venv/bin/python"
ln -s python "$STAGE/opt/venv/bin/python3"
"$ROOT/.venv/bin/python" "$ROOT/.ci/image_files.py" "$ROOT/requirements.txt" >"$CACHE/files.txt"
tar -C "$SITE" --exclude='__pycache__' -cf - -T "$CACHE/files.txt" | tar -C "$VENV_SITE" -xf -
echo "importing $(du -sh "$STAGE" | cut -f1) as $TAG"
tar -C "$STAGE" -cf - . | docker import --change "LABEL qubithub.base=$STAMP" \
  --change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8' \
  --change 'CMD ["python3"]' - "$TAG"
rm -rf "$STAGE"
