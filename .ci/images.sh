#!/usr/bin/env bash
# Build the web, worker and runner images from a local base (no image can be pulled here), then check them
# without any network: the web image's health check against uvicorn inside its own container, the worker image's
# imports and Django set-up, the runner image's packages. Prints how long each step took.
#   QH_IMAGE_BASE=python:3.11-slim .ci/images.sh     build from the official image instead (needs a registry)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
started=$(date +%s)
stamp() { echo "[images +$(( $(date +%s) - started ))s] $*"; }

docker info >/dev/null 2>&1 || { echo "the Docker engine is not running (see .ci/sandbox-setup.sh)"; exit 1; }
BASE="${QH_IMAGE_BASE:-}"
BUILD_ARGS=()
if [ -z "$BASE" ]; then
  stamp "local base image"
  bash .ci/image-base.sh
  BASE=qubithub-base:local
  BUILD_ARGS+=(--build-arg PIP_INSTALL_ARGS=--no-index --network none)
fi
for target in web worker runner; do
  stamp "build qubithub-$target from $BASE"
  docker build -q --target "$target" --build-arg "BASE_IMAGE=$BASE" "${BUILD_ARGS[@]}" -t "qubithub/$target:latest" . >/dev/null
done

stamp "web image: uvicorn answers its health check (network none)"
name="qh-images-check-$$"
trap 'docker rm -f "$name" >/dev/null 2>&1 || true' EXIT
docker run -d --network none --name "$name" qubithub/web:latest >/dev/null
# the image's own HEALTHCHECK command (["CMD", "python", "-c", CODE]), run inside the container
healthcheck="$(docker image inspect -f '{{ json .Config.Healthcheck.Test }}' qubithub/web:latest | python3 -c 'import json, sys; print(json.load(sys.stdin)[-1])')"
ok=0
for _ in $(seq 1 60); do
  if docker exec "$name" python -c "$healthcheck" 2>/dev/null; then ok=1; break; fi
  sleep 1
done
if [ "$ok" != 1 ]; then docker logs "$name" | tail -40; echo "web health check failed"; exit 1; fi
docker exec "$name" python -c "import urllib.request as u; r = u.urlopen('http://127.0.0.1:8000/static/js/site.js', timeout=4); assert r.status == 200"
docker exec "$name" sh -c 'test "$(id -un)" = qubithub'
echo "web: /healthz 200, static files served, runs as qubithub"

stamp "worker image: quantum libraries, Celery app and Django load"
docker run --rm --network none qubithub/worker:latest python -c "
import django, qiskit, qiskit_aer
from importlib.metadata import version
django.setup()
from qubithub.celery import app
app.loader.import_default_modules()
assert 'runs.execute' in app.tasks, sorted(app.tasks)
print('worker: qiskit', qiskit.__version__, 'aer', qiskit_aer.__version__, 'cirq', version('cirq-core'), 'pennylane', version('pennylane'))"

stamp "runner image: sandbox and quantum packages, unprivileged"
docker run --rm --network none --read-only --tmpfs /tmp qubithub/runner:latest python -c "
import os, sandbox, quantum, qiskit
assert os.getuid() == 65534
print('runner: uid', os.getuid(), 'qiskit', qiskit.__version__)"
docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E "^qubithub(/web|/worker|/runner|-base):"
stamp "images ok"
