"""One error shape for the whole API: {"detail": "<readable sentence>"} (+ optional field map)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from qubithub.errors import (  # noqa: F401  (re-exported for views and services)
    Conflict,
    DomainError,
    Forbidden,
    InvalidInput,
    NotAuthenticated,
    NotFound,
)


def _flatten(detail, prefix: str = "") -> list[str]:
    """Turn DRF's nested error structures into 'field: message' sentences."""
    if isinstance(detail, dict):
        out: list[str] = []
        for key, value in detail.items():
            name = key if key != "non_field_errors" else ""
            out.extend(_flatten(value, f"{prefix}{name}" if not prefix else f"{prefix}.{name}"))
        return out
    if isinstance(detail, list):
        out = []
        for item in detail:
            out.extend(_flatten(item, prefix))
        return out
    text = str(detail)
    return [f"{prefix}: {text}" if prefix else text]


def _validation_response(exc: exceptions.ValidationError) -> Response:
    messages = _flatten(exc.detail)
    body: dict = {"detail": "; ".join(messages) or "Invalid input."}
    if isinstance(exc.detail, dict):
        body["errors"] = exc.detail
    return Response(body, status=400)


def _client_fault(exc):
    """Django's SuspiciousOperation (a body over DATA_UPLOAD_MAX_MEMORY_SIZE, a bad header) is the client's fault;
    an IntegrityError that reaches a view is a race with another request (e.g. a star added to a resource being
    deleted): the database refused it and nothing changed, so the client may retry."""
    if isinstance(exc, IntegrityError):
        return Conflict("The resource changed while this request was processed; nothing was changed. Retry.")
    if not isinstance(exc, SuspiciousOperation):
        return exc
    error = InvalidInput("The request body is too large." if isinstance(exc, RequestDataTooBig) else "Bad request.")
    error.status_code = 413 if isinstance(exc, RequestDataTooBig) else 400
    return error


def api_exception_handler(exc, context):
    exc = _client_fault(exc)
    if isinstance(exc, DomainError):
        body: dict = {"detail": exc.detail}
        if exc.fields:
            body["errors"] = exc.fields
        return Response(body, status=exc.status_code, headers=exc.headers)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    if isinstance(exc, exceptions.ValidationError):
        return _validation_response(exc)
    if isinstance(exc, Http404):
        return Response({"detail": "Not found."}, status=404)
    if isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.Throttled):
        wait = int(exc.wait or 1) if exc.wait is not None else 1
        response.data = {"detail": f"Rate limit exceeded. Retry in {max(wait, 1)} seconds."}
        response["Retry-After"] = str(max(wait, 1))
    elif not isinstance(response.data, dict) or "detail" not in response.data:
        response.data = {"detail": "; ".join(_flatten(response.data))}
    else:
        response.data = {"detail": str(response.data["detail"])}
    return response
