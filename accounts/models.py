import uuid

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

SLUG_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{1,37}[a-z0-9])$"
SLUG_MESSAGE = (
    "must be 3-39 characters: lowercase letters, digits and hyphens, starting and ending with a letter or digit"
)
# Names that are paths of the site itself can't be users or organizations.
RESERVED_SLUGS = frozenset(
    [
        "api",
        "admin",
        "static",
        "media",
        "login",
        "logout",
        "signup",
        "settings",
        "healthz",
        "readyz",
        "metrics",
        "ws",
        "explore",
        "new",
        "orgs",
        "users",
        "circuits",
        "datasets",
        "spaces",
        "runs",
        "backends",
        "benchmarks",
        "docs",
        "search",
        "about",
        "help",
        "account",
        "password",
    ]
)
slug_validator = RegexValidator(SLUG_PATTERN, f"Username {SLUG_MESSAGE}.")


class Plan(models.TextChoices):
    FREE = "free", "Free"
    PRO = "pro", "Pro"


class User(AbstractUser):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    username = models.CharField(max_length=39, unique=True, validators=[slug_validator])
    email = models.EmailField(unique=True)
    name = models.CharField(max_length=150, blank=True)
    avatar = models.URLField(blank=True, default="")
    bio = models.TextField(blank=True, default="")
    plan = models.CharField(max_length=10, choices=Plan.choices, default=Plan.FREE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UserManager()

    REQUIRED_FIELDS = ["email"]

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.username

    @property
    def display_name(self) -> str:
        return self.name or self.username


class ApiKey(models.Model):
    """A `qh_` key for scripts and CI. Only its sha256 is stored; the plaintext is shown once.

    A user key acts as `user`. An organization key (`organization` set) acts for that organization;
    `user` is then the member who created it (see orgs.access.actor_for_key).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_keys")
    organization = models.ForeignKey(
        "orgs.Organization", null=True, blank=True, on_delete=models.CASCADE, related_name="api_keys"
    )
    name = models.CharField(max_length=100)
    key_prefix = models.CharField(max_length=16, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField(default=list)
    rate_limit_per_minute = models.PositiveIntegerField(default=60)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.name} ({self.key_prefix}…)"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired
