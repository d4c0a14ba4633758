"""API key scopes, enforced. JWT and session callers are not limited by scopes; API key callers are.

A view declares `scopes = Scopes(read=..., write=...)` (qubithub.api.scopes): safe methods need
`read`, other methods `write` (None: any key may). A view without `scopes` refuses API keys.
The check runs in ApiKeyAuthentication (so a view that replaces `permission_classes` cannot drop it)
and again in ApiKeyScopePermission, the default permission class.
"""

from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission

from qubithub.api.scopes import Scopes

KEYS_REFUSED = "API keys cannot be used on this endpoint; sign in with a token instead."


def required_scope(view, method: str) -> str | None:
    """The scope a key needs for this method on this view; PermissionDenied if keys are refused."""
    scopes = getattr(view, "scopes", None)
    if not isinstance(scopes, Scopes):
        raise PermissionDenied(KEYS_REFUSED)
    return scopes.read if method in SAFE_METHODS else scopes.write


def require_key_scope(view, method: str, granted: list[str]) -> None:
    needed = required_scope(view, method)
    if needed is not None and needed not in granted:
        raise PermissionDenied(f"This API key lacks the '{needed}' scope required for this request.")


def request_api_key(request):
    """The ApiKey that authenticated this request, or None for JWT, session and anonymous callers."""
    from accounts.models import ApiKey

    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, ApiKey) else None


class ApiKeyScopePermission(BasePermission):
    def has_permission(self, request, view) -> bool:
        api_key = request_api_key(request)
        if api_key is not None:
            require_key_scope(view, request.method, api_key.scopes)
        return True
