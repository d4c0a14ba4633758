"""Request id on every request and response; request latency and errors for /metrics."""

import logging
import time

from qubithub.observability import context, metrics

logger = logging.getLogger("qubithub.requests")
HEADER = "X-Request-ID"


class RequestIdMiddleware:
    """Keeps a client's X-Request-ID (or makes one), binds it for the request's logs and tasks, echoes it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = context.accept_or_new(request.headers.get(HEADER))
        token = context.bind(request.request_id)
        try:
            response = self.get_response(request)
            response[HEADER] = request.request_id
            return response
        finally:
            context.unbind(token)


class MetricsMiddleware:
    """Latency by method, route template and status; 5xx answers counted as errors."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = time.perf_counter() - started
        match = getattr(request, "resolver_match", None)
        route = f"/{match.route}" if match and match.route else "<unmatched>"
        metrics.observe_request(request.method, route, response.status_code, elapsed)
        return response
