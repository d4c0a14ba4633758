"""API key services: issue, revoke, authenticate. Plaintext keys exist only in the create response."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from accounts.models import ApiKey, User
from qubithub.api.exceptions import InvalidInput, NotAuthenticated, NotFound
from qubithub.api.scopes import ALL_SCOPES

KEY_PREFIX = "qh_"
PREFIX_LENGTH = len(KEY_PREFIX) + 8
TOUCH_INTERVAL = timedelta(minutes=1)


@dataclass(frozen=True)
class IssuedKey:
    api_key: ApiKey
    plaintext: str


def key_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _clean_scopes(scopes: list[str]) -> list[str]:
    unknown = sorted(set(scopes) - set(ALL_SCOPES))
    if unknown:
        raise InvalidInput(f"Unknown scope(s): {', '.join(unknown)}. Valid scopes: {', '.join(ALL_SCOPES)}.")
    if not scopes:
        raise InvalidInput("An API key needs at least one scope.")
    return [scope for scope in ALL_SCOPES if scope in scopes]


def api_key_create(
    *,
    user: User,
    name: str,
    scopes: list[str],
    expires_in_days: int | None = None,
    rate_limit_per_minute: int = 60,
    organization=None,
) -> IssuedKey:
    plaintext = KEY_PREFIX + secrets.token_urlsafe(32)
    expires_at = timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None
    api_key = ApiKey(
        user=user,
        organization=organization,
        name=name.strip(),
        key_prefix=plaintext[:PREFIX_LENGTH],
        key_hash=key_hash(plaintext),
        scopes=_clean_scopes(scopes),
        rate_limit_per_minute=rate_limit_per_minute,
        expires_at=expires_at,
    )
    api_key.full_clean()
    api_key.save()
    return IssuedKey(api_key=api_key, plaintext=plaintext)


def api_key_revoke(*, api_key: ApiKey) -> None:
    ApiKey.objects.filter(pk=api_key.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())


def api_key_revoke_all(*, user: User, organization) -> int:
    """Keys a user created for an organization stop working when they leave it."""
    keys = ApiKey.objects.filter(user=user, organization=organization, revoked_at__isnull=True)
    return keys.update(revoked_at=timezone.now())


def user_keys(user: User):
    return ApiKey.objects.filter(user=user, organization__isnull=True, revoked_at__isnull=True)


def user_key_get(*, user: User, key_id) -> ApiKey:
    api_key = user_keys(user).filter(pk=key_id).first()
    if api_key is None:
        raise NotFound("API key not found.")
    return api_key


def _find(raw: str) -> ApiKey | None:
    digest = key_hash(raw)
    candidates = ApiKey.objects.select_related("user", "organization").filter(key_prefix=raw[:PREFIX_LENGTH])
    return next((key for key in candidates if hmac.compare_digest(key.key_hash, digest)), None)


def api_key_authenticate(*, raw: str) -> ApiKey:
    """The active key for this plaintext, or NotAuthenticated (401) saying why not."""
    api_key = _find(raw) if raw.startswith(KEY_PREFIX) else None
    if api_key is None:
        raise NotAuthenticated("Invalid API key.")
    if api_key.revoked_at is not None:
        raise NotAuthenticated("This API key has been revoked.")
    if api_key.is_expired:
        raise NotAuthenticated(f"This API key expired at {api_key.expires_at.isoformat()}.")
    if not api_key.user.is_active:
        raise NotAuthenticated("The account of this API key is disabled.")
    api_key_touch(api_key=api_key)
    return api_key


def api_key_actor(*, raw: str) -> tuple[User, ApiKey]:
    """Who a presented key acts as (see orgs.access.actor_for_key) and the key; NotAuthenticated if nobody."""
    from orgs.access import actor_for_key

    api_key = api_key_authenticate(raw=raw)
    actor = actor_for_key(api_key)
    if actor is None:
        raise NotAuthenticated("The creator of this organization key is no longer a member of it.")
    return actor, api_key


def api_key_touch(*, api_key: ApiKey) -> None:
    """Record use at most once a minute; the conditional UPDATE keeps concurrent requests to one write."""
    now = timezone.now()
    if api_key.last_used_at is not None and now - api_key.last_used_at < TOUCH_INTERVAL:
        return
    stale = Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - TOUCH_INTERVAL)
    ApiKey.objects.filter(stale, pk=api_key.pk).update(last_used_at=now)
    api_key.last_used_at = now
