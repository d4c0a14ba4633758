"""GET /metrics: Prometheus text format, behind a bearer token when QH_METRICS_TOKEN is set."""

import hmac

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST

from qubithub.observability.metrics import exposition


def _authorized(request) -> bool:
    token = settings.QH_METRICS_TOKEN
    if not token:
        return True
    supplied = request.headers.get("Authorization", "")
    return hmac.compare_digest(supplied.encode(), f"Bearer {token}".encode())


@require_GET
def metrics(request):
    if not _authorized(request):
        response = JsonResponse({"detail": "A valid metrics bearer token is required."}, status=401)
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
