"""Friendly error pages for browsers; API paths get the JSON envelope instead."""

from django.http import JsonResponse
from django.shortcuts import render

from qubithub.api.middleware import is_api_path


def _error(request, status: int, title: str, message: str):
    if is_api_path(request.path):
        return JsonResponse({"detail": title if status != 404 else "Not found."}, status=status)
    return render(request, "error.html", {"status": status, "title": title, "message": message}, status=status)


def not_found(request, exception=None):
    return _error(request, 404, "Page not found", "There is nothing here. It may be private or may have moved.")


def forbidden(request, exception=None):
    return _error(request, 403, "Forbidden", "You do not have permission to see this page.")


def server_error(request):
    return _error(request, 500, "Internal server error", "Something went wrong on our side. Please try again.")
