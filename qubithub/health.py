"""Liveness (/healthz) and readiness (/readyz: database, broker, channel layer)."""

import uuid

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection
from django.http import JsonResponse


def healthz(request):
    return JsonResponse({"status": "ok"})


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _check_broker() -> None:
    if not settings.CELERY_BROKER_URL:
        return  # embedded mode: the in-process executor is the broker
    from qubithub.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


def _check_channel_layer() -> None:
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    marker = uuid.uuid4().hex
    async_to_sync(layer.send)(channel, {"type": "health.check", "marker": marker})
    message = async_to_sync(layer.receive)(channel)
    if message.get("marker") != marker:
        raise RuntimeError("channel layer returned a different message")


CHECKS = {"database": _check_database, "broker": _check_broker, "channel_layer": _check_channel_layer}


def readyz(request):
    failing = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as exc:  # every failure is reported, never raised
            failing[name] = f"{exc.__class__.__name__}: {exc}"
    if failing:
        detail = "Not ready: " + "; ".join(f"{k} ({v})" for k, v in failing.items())
        return JsonResponse({"status": "unavailable", "detail": detail, "failing": failing}, status=503)
    return JsonResponse({"status": "ready", "checks": sorted(CHECKS)})
