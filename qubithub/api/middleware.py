"""Django's own 404/405/500 answers on /api/ paths become the JSON error envelope."""

import logging
from urllib.parse import unquote

from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpResponseBadRequest, JsonResponse

logger = logging.getLogger("qubithub.api")


def is_api_path(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def _has_nul(request) -> bool:
    return "\x00" in request.path or "\x00" in unquote(request.META.get("QUERY_STRING", ""))


def _bad_request(request, detail: str):
    if is_api_path(request.path):
        return JsonResponse({"detail": detail}, status=400)
    return _bad_request_page(request, detail)


def _bad_request_page(request, detail: str):
    """The friendly error page; nothing in it may look the address up (no view, no database lookup by it)."""
    from django.shortcuts import render

    try:
        context = {"status": 400, "title": "Bad request", "message": detail}
        return render(request, "error.html", context, status=400)
    except Exception:  # the page itself failed: a plain answer is still better than a 500
        logger.exception("Could not render the bad-request page for %s", request.path.replace("\x00", "\\0"))
        return HttpResponseBadRequest(detail, content_type="text/plain; charset=utf-8")


class ApiErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):  # no database can store it and no name contains it: refuse before any lookup
            return _bad_request(request, "The URL contains a NUL character.")
        response = self.get_response(request)
        if not is_api_path(request.path) or response.get("Content-Type", "").startswith("application/json"):
            return response
        if response.status_code == 404:
            return JsonResponse({"detail": "Not found."}, status=404)
        if response.status_code == 405:
            return JsonResponse({"detail": f'Method "{request.method}" not allowed.'}, status=405)
        return response

    def process_exception(self, request, exception):
        if not is_api_path(request.path) or isinstance(exception, (Http404, PermissionDenied)):
            return None
        if isinstance(exception, SuspiciousOperation):  # Django answers 400 for these: keep the envelope
            too_big = isinstance(exception, RequestDataTooBig)
            detail = "The request body is too large." if too_big else "Bad request."
            return JsonResponse({"detail": detail}, status=413 if too_big else 400)
        if _backing_service_down(exception):  # Redis or PostgreSQL restarting: the client should retry
            logger.warning("Backing service unavailable on %s %s: %s", request.method, request.path, exception)
            response = JsonResponse({"detail": "A backing service is briefly unavailable; retry shortly."}, status=503)
            response["Retry-After"] = "5"
            return response
        logger.exception("Unhandled error on %s %s", request.method, request.path)
        return JsonResponse({"detail": "Internal server error."}, status=500)


def _backing_service_down(exception: Exception) -> bool:
    from django.db import InterfaceError, OperationalError
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    return isinstance(exception, (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError))
