"""Account writes: registration and token issue/rotation/revocation."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.avatars import avatar_url_clean
from accounts.models import User
from orgs.services import org_create_personal, slug_reserved, slug_taken
from qubithub.api.exceptions import InvalidInput, NotAuthenticated

INVALID_CREDENTIALS = "Invalid credentials: check your email or username and password."


@transaction.atomic
def user_register(*, email: str, username: str, password: str, name: str) -> User:
    email = User.objects.normalize_email(email.strip())
    username = username.strip()
    if User.objects.filter(email__iexact=email).exists():
        raise InvalidInput("A user with this email already exists.")
    if slug_reserved(username):
        raise InvalidInput("This username is reserved by QubitHub; choose another.")
    if slug_taken(username):
        raise InvalidInput("This username is already taken.")
    user = User(email=email, username=username, name=name.strip())
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise InvalidInput("Password rejected: " + " ".join(exc.messages)) from None
    user.set_password(password)
    user.full_clean()
    user.save()
    org_create_personal(user=user)
    return user


def user_authenticate(*, identifier: str, password: str) -> User:
    """Email or username; the same error whether the user exists or not."""
    identifier = identifier.strip()
    user = User.objects.filter(Q(email__iexact=identifier) | Q(username__iexact=identifier)).first()
    if user is None:
        User().set_password(password)  # spend the same hashing time as a real check
        raise NotAuthenticated(INVALID_CREDENTIALS)
    if not user.check_password(password) or not user.is_active:
        raise NotAuthenticated(INVALID_CREDENTIALS)
    return user


def tokens_issue(*, user: User) -> dict:
    refresh = RefreshToken.for_user(user)
    return {"access_token": str(refresh.access_token), "refresh_token": str(refresh)}


def tokens_refresh(*, refresh_token: str) -> dict:
    """Rotate: the presented refresh token is blacklisted and a new pair is returned."""
    try:
        old = RefreshToken(refresh_token)
        old.check_blacklist()
        user = User.objects.filter(id=old["user_id"], is_active=True).first()
        if user is None:
            raise NotAuthenticated("The account of this token no longer exists or is disabled.")
        old.blacklist()
    except TokenError:
        raise NotAuthenticated("Refresh token is invalid, expired or already used.") from None
    return tokens_issue(user=user)


def tokens_revoke_any(*, refresh_tokens: list[str]) -> None:
    """Logout: revoke every valid token presented (cookie first, then body); none valid -> 401."""
    revoked = 0
    for raw in refresh_tokens:
        try:
            RefreshToken(raw).blacklist()
            revoked += 1
        except TokenError:
            continue
    if not revoked:
        raise NotAuthenticated("Refresh token is invalid, expired or already revoked.")


def user_profile_update(*, user: User, name: str, bio: str = "", avatar: str = "") -> User:
    """The profile fields a user edits themselves (settings page); username and email stay."""
    user.name, user.bio, user.avatar = name.strip(), bio.strip(), avatar_url_clean(avatar)
    try:
        user.full_clean(exclude=["password", "username", "email"])
    except ValidationError as exc:
        raise InvalidInput(" ".join(exc.messages)) from None
    user.save(update_fields=["name", "bio", "avatar", "updated_at"])
    return user
