"""Rate limits: fixed one-minute windows counted in the Django cache.

The window number is part of the cache key, and counting is `add` (SET NX with expiry) then `incr`
(atomic INCR), so several web processes sharing Redis count together and a counter never outlives its
window. In embedded mode the local-memory cache does the same inside the one process.

Defaults (settings.REST_FRAMEWORK): ApiRateThrottle and AuthThrottle. A view adds a throttle with
`throttle_classes = with_default_throttles(StarThrottle)`; plain `throttle_classes = [StarThrottle]`
would drop the per-plan API limit.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from rest_framework.permissions import SAFE_METHODS
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from qubithub.api.permissions import request_api_key

Bucket = tuple[str, int]  # (identity, allowed requests per period)


def window_hit(bucket: str, *, limit: int, period: int = 60) -> float | None:
    """Count one request in `bucket`; seconds until the window ends if it is now over `limit`, else None."""
    now = time.time()
    window = int(now // period)
    key = f"qh:rl:{bucket}:{period}:{window}"
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this request opens the window
        cache.add(key, 1, timeout=period + 1)
        count = 1
    if count <= limit:
        return None
    return max(1.0, math.ceil((window + 1) * period - now))


def plan_rate(user) -> int:
    plan = getattr(user, "plan", None) or "free"
    return settings.QH_PLAN_LIMITS.get(plan, settings.QH_PLAN_LIMITS["free"])["requests_per_minute"]


class WindowThrottle(BaseThrottle):
    """Allows a request when every bucket it falls into is under its limit."""

    scope = "api"
    period = 60

    def buckets(self, request, view) -> list[Bucket]:
        raise NotImplementedError

    def allow_request(self, request, view) -> bool:
        waits = [
            window_hit(f"{self.scope}:{identity}", limit=limit, period=self.period)
            for identity, limit in self.buckets(request, view)
        ]
        self._wait = max((w for w in waits if w is not None), default=None)
        return self._wait is None

    def wait(self) -> float | None:
        return getattr(self, "_wait", None)


class ApiRateThrottle(WindowThrottle):
    """Per plan (60/min free, 600/min pro) per user; a key also has its own, possibly lower, limit."""

    def buckets(self, request, view) -> list[Bucket]:
        user = request.user
        api_key = request_api_key(request)
        if api_key is not None:
            return [(f"key:{api_key.pk}", api_key.rate_limit_per_minute), (f"user:{user.pk}", plan_rate(user))]
        if user is not None and user.is_authenticated:
            return [(f"user:{user.pk}", plan_rate(user))]
        return [(f"ip:{self.get_ident(request)}", settings.QH_ANON_REQUESTS_PER_MINUTE)]


class AuthThrottle(WindowThrottle):
    """Brute-force guard on views with `throttle_scope = "auth"` (login, register): per client IP."""

    scope = "auth"

    def buckets(self, request, view) -> list[Bucket]:
        if getattr(view, "throttle_scope", None) != "auth":
            return []
        return [(f"ip:{self.get_ident(request)}", settings.QH_AUTH_ATTEMPTS_PER_MINUTE)]


def auth_attempt_wait(request) -> float | None:
    """For log-in forms outside DRF: count the attempt in the same bucket as AuthThrottle."""
    identity = f"ip:{AuthThrottle().get_ident(request)}"
    return window_hit(f"{AuthThrottle.scope}:{identity}", limit=settings.QH_AUTH_ATTEMPTS_PER_MINUTE)


class ActionThrottle(WindowThrottle):
    """Per-user limit on a write action (star, fork); reads on the same view are not counted."""

    setting = ""

    def buckets(self, request, view) -> list[Bucket]:
        if request.method in SAFE_METHODS:
            return []
        user = request.user
        identity = f"user:{user.pk}" if user.is_authenticated else f"ip:{self.get_ident(request)}"
        return [(identity, getattr(settings, self.setting))]


class StarThrottle(ActionThrottle):
    scope = "star"
    setting = "QH_STAR_PER_MINUTE"


class ForkThrottle(ActionThrottle):
    scope = "fork"
    setting = "QH_FORK_PER_MINUTE"


def action_wait(request, throttle: type[ActionThrottle]) -> float | None:
    """For page forms outside DRF: count one write in the same bucket as `throttle` (so pages and the API
    share one limit); seconds to wait if it is now over the limit, else None."""
    identity = f"user:{request.user.pk}" if request.user.is_authenticated else f"ip:{throttle().get_ident(request)}"
    return window_hit(f"{throttle.scope}:{identity}", limit=getattr(settings, throttle.setting))


def with_default_throttles(*extra) -> list:
    return [*api_settings.DEFAULT_THROTTLE_CLASSES, *extra]
