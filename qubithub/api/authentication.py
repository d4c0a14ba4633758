"""How API callers prove who they are: API keys, JWT bearer tokens, then the browser session (with CSRF)."""

import copy

from django.conf import settings
from rest_framework.authentication import BaseAuthentication, SessionAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt.authentication import JWTAuthentication

from qubithub.api.permissions import require_key_scope

API_KEY_PREFIX = "qh_"
API_KEY_HEADER = "HTTP_X_API_KEY"


class ApiKeyAuthentication(BaseAuthentication):
    """`X-API-Key: qh_...` or `Authorization: Bearer qh_...`; request.auth is the ApiKey.

    Scopes are checked here, against the view being called, as soon as the key is known.
    """

    def authenticate(self, request):
        raw = self.presented_key(request)
        if raw is None:
            return None
        from accounts.keys import api_key_actor  # lazy: DRF imports this module while apps load
        from qubithub.api.exceptions import DomainError

        try:
            actor, api_key = api_key_actor(raw=raw)
        except DomainError as exc:
            raise AuthenticationFailed(exc.detail) from None
        view = (request.parser_context or {}).get("view")
        require_key_scope(view, request.method, api_key.scopes)
        return actor, api_key

    def presented_key(self, request) -> str | None:
        header = request.META.get(API_KEY_HEADER)
        if header:
            return header.strip()
        parts = get_authorization_header(request).split()
        if len(parts) == 2 and parts[0].lower() == b"bearer" and parts[1].startswith(API_KEY_PREFIX.encode()):
            return parts[1].decode(errors="replace")
        return None

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="api"'


class BearerJWTAuthentication(JWTAuthentication):
    """`Authorization: Bearer <jwt>`. A bearer value that is an API key is left to the key authenticator."""

    def authenticate(self, request):
        header = self.get_header(request)
        if header is None:
            return None
        raw = self.get_raw_token(header)
        if raw is None or raw.decode(errors="replace").startswith(API_KEY_PREFIX):
            return None
        return super().authenticate(request)


class CsrfSessionAuthentication(SessionAuthentication):
    """Same-origin page scripts use the Django session; unsafe methods need the CSRF token."""

    def enforce_csrf(self, request):
        """A multipart upload that carries the X-CSRFToken header is checked without reading its body: Django's
        check reads request.POST first, which would parse the files before the upload view installs its
        size-limited streaming handlers."""
        django_request = request._request
        if django_request.content_type == "multipart/form-data" and settings.CSRF_HEADER_NAME in django_request.META:
            probe = copy.copy(django_request)
            probe.method = "PUT"  # for methods other than POST, Django takes the token from the header only
            return super().enforce_csrf(probe)
        return super().enforce_csrf(request)
