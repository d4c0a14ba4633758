# QubitHub images. Targets:
#   web     uvicorn (HTTP + WebSockets), static files collected      docker build --target web -t qubithub/web .
#   worker  Celery worker with the quantum libraries                docker build --target worker -t qubithub/worker .
#   runner  self-contained sandbox runner (quantum + sandbox packages only, runs as nobody)
# BASE_IMAGE is the official Python image by default; machines that cannot pull build from a local one
# (.ci/image-base.sh makes qubithub-base:local with the packages preinstalled; .ci/images.sh passes
# PIP_INSTALL_ARGS=--no-index so pip only checks that requirements.txt is satisfied).
ARG BASE_IMAGE=python:3.11-slim

FROM ${BASE_IMAGE} AS python-deps
ARG PIP_INSTALL_ARGS=""
ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONUNBUFFERED=1
COPY requirements.txt /tmp/requirements.txt
RUN ([ -x /opt/venv/bin/python ] || python -m venv /opt/venv) \
 && /opt/venv/bin/python -m pip install --no-cache-dir ${PIP_INSTALL_ARGS} -r /tmp/requirements.txt \
 && (command -v bwrap >/dev/null || (apt-get update && apt-get install -y --no-install-recommends bubblewrap \
     && rm -rf /var/lib/apt/lists/*))

FROM python-deps AS runner
COPY quantum /opt/qubithub/quantum
COPY sandbox /opt/qubithub/sandbox
ENV PYTHONPATH=/opt/qubithub PYTHONDONTWRITEBYTECODE=1
WORKDIR /job
USER 65534:65534
CMD ["python", "-m", "sandbox.inside.boot", "--help"]

FROM python-deps AS app
ENV DJANGO_SETTINGS_MODULE=qubithub.settings QH_VAR_DIR=/var/lib/qubithub PYTHONDONTWRITEBYTECODE=1
RUN (getent passwd qubithub >/dev/null || useradd --system --uid 10001 --home-dir /var/lib/qubithub --shell /usr/sbin/nologin qubithub) \
 && mkdir -p /var/lib/qubithub/media /var/lib/qubithub/git && chown -R qubithub /var/lib/qubithub
WORKDIR /app
COPY --chown=root:root . /app

FROM app AS web
# Static files are collected at build time (no variables: embedded settings, nothing else is touched).
RUN python manage.py collectstatic --noinput -v 0 && chown -R qubithub /var/lib/qubithub
USER qubithub
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]
# uvicorn serves the Channels ASGI app (HTTP + WebSockets); QH_WEB_PROCESSES > 1 needs PROMETHEUS_MULTIPROC_DIR
CMD ["sh", "-c", "exec python -m uvicorn qubithub.asgi:application --host 0.0.0.0 --port \"${PORT:-8000}\" --http httptools --ws websockets --proxy-headers --forwarded-allow-ips \"${QH_FORWARDED_ALLOW_IPS:-127.0.0.1}\" --workers \"${QH_WEB_PROCESSES:-1}\""]

FROM app AS worker
USER qubithub
# One worker process group per queue group; run more containers to scale a group.
ENV QH_WORKER_QUEUES=default,processing QH_WORKER_CONCURRENCY=2 QH_WORKER_NAME=worker
HEALTHCHECK --interval=60s --timeout=20s --start-period=60s \
  CMD ["sh", "-c", "python -m celery -A qubithub inspect ping -d \"$QH_WORKER_NAME@$(hostname)\" -t 10 >/dev/null"]
CMD ["sh", "-c", "exec python -m celery -A qubithub worker -Q \"$QH_WORKER_QUEUES\" -c \"$QH_WORKER_CONCURRENCY\" -n \"$QH_WORKER_NAME@%h\" --without-gossip -l INFO"]
