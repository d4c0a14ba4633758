"""How API callers prove who they are: JWT bearer tokens, then the browser session (with CSRF)."""

from rest_framework.authentication import SessionAuthentication
from rest_framework_simplejwt.authentication import JWTAuthentication

API_KEY_PREFIX = "qh_"


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
