"""Who is calling a git endpoint: anonymous, or a user proven by a JWT or an API key.

Git sends HTTP Basic; the user name is ignored (the official client uses `x-access-token`) and the
password is a JWT access token or an API key (`qh_...`). API keys are resolved by accounts.keys, the
same code the REST API's key authenticator uses, and keep their scopes.
"""

import base64
import binascii
from dataclasses import dataclass

from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken, TokenError

from qubithub.api.exceptions import DomainError

API_KEY_PREFIX = "qh_"


class GitCredentialsError(Exception):
    pass


@dataclass(frozen=True)
class GitCaller:
    user: object | None  # None: anonymous
    scopes: tuple[str, ...] | None = None  # None: not limited (JWT); a tuple for API keys


def _secret(header: str) -> str | None:
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer":
        return value.strip() or None
    if scheme.lower() != "basic":
        raise GitCredentialsError("Use HTTP Basic with a JWT or an API key as the password.")
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise GitCredentialsError("Malformed Basic credentials.") from None
    _, _, password = decoded.partition(":")
    return password or None


def _from_api_key(raw: str) -> GitCaller:
    from accounts.keys import api_key_actor

    try:
        actor, api_key = api_key_actor(raw=raw)
    except DomainError as exc:
        raise GitCredentialsError(exc.detail) from None
    return GitCaller(user=actor, scopes=tuple(api_key.scopes))


def _from_jwt(raw: str) -> GitCaller:
    authenticator = JWTAuthentication()
    try:
        user = authenticator.get_user(authenticator.get_validated_token(raw.encode()))
    except (InvalidToken, TokenError, AuthenticationFailed):
        raise GitCredentialsError("The token is invalid or expired: run `qubithub login` again.") from None
    return GitCaller(user=user)


def git_caller(request) -> GitCaller:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    secret = _secret(header) if header else None
    if secret is None:
        return GitCaller(user=None)
    return _from_api_key(secret) if secret.startswith(API_KEY_PREFIX) else _from_jwt(secret)
