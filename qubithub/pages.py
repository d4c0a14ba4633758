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


def page_errors(view):
    """Domain errors from services become the friendly pages: not found / not yours → 404, not allowed → 403,
    not signed in → the log-in page, any other (a usage limit, a conflict) → its status with its detail."""
    from functools import wraps

    from django.contrib.auth.views import redirect_to_login
    from django.http import Http404

    from qubithub.errors import DomainError, NotAuthenticated, NotFound

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NotFound as exc:
            raise Http404(exc.detail) from None
        except NotAuthenticated:
            return redirect_to_login(request.get_full_path())
        except DomainError as exc:  # any other refusal (a limit, a conflict, bad input): say why, never a 500
            titles = {403: "Forbidden", 409: "Conflict", 413: "Too large", 429: "Slow down"}
            title = titles.get(exc.status_code, "Not possible")
            context = {"status": exc.status_code, "title": title, "message": exc.detail}
            response = render(request, "error.html", context, status=exc.status_code)
            for name, value in exc.headers.items():
                response[name] = value
            return response

    return wrapped


def owner_choices(user) -> list[str]:
    """Where a signed-in user may create things: their own namespace first, then their organizations."""
    from orgs.selectors import orgs_of

    personal = user.personal_org.slug
    return [personal, *[o.slug for o in orgs_of(user=user) if o.slug != personal]]


def throttled(throttle, *, action: str):
    """Page views that write (star, fork) share the API's per-user limit. Over it: a 429 page with
    Retry-After, or for an htmx request a flash message and a reload of the page it came from."""
    from functools import wraps

    from django.contrib import messages
    from django.http import HttpResponse
    from django.utils.http import url_has_allowed_host_and_scheme

    from qubithub.api.throttles import action_wait

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            wait = action_wait(request, throttle)
            if wait is None:
                return view(request, *args, **kwargs)
            message = f"Too many {action} requests: try again in {int(wait)} seconds."
            if request.headers.get("HX-Request"):
                messages.error(request, message)
                response = HttpResponse(status=429)
                back = request.headers.get("HX-Current-URL", "")
                safe = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()})
                response["HX-Redirect"] = back if safe else "/"
            else:
                context = {"status": 429, "title": "Slow down", "message": message}
                response = render(request, "error.html", context, status=429)
            response["Retry-After"] = str(int(wait))
            return response

        return wrapped

    return decorate


def form_add_domain_error(form, error) -> None:
    """A service's refusal next to the form field it names (DomainError.fields), else above the form."""
    named = [name for name in (error.fields or {}) if name in form.fields]
    form.add_error(named[0] if named else None, error.detail)
