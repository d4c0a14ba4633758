from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import SLUG_MESSAGE, SLUG_PATTERN, ApiKey, User
from orgs.access import roles_of
from orgs.models import Organization


class RegisterInput(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    username = serializers.RegexField(
        SLUG_PATTERN, max_length=39, error_messages={"invalid": f"Username {SLUG_MESSAGE}."}
    )
    password = serializers.CharField(min_length=8, max_length=256, trim_whitespace=False)
    name = serializers.CharField(max_length=150)


class LoginInput(serializers.Serializer):
    identifier = serializers.CharField(required=False, max_length=254)
    email = serializers.CharField(required=False, max_length=254)
    username = serializers.CharField(required=False, max_length=254)
    password = serializers.CharField(max_length=256, trim_whitespace=False)

    def validate(self, attrs):
        identifier = attrs.get("identifier") or attrs.get("email") or attrs.get("username")
        if not identifier:
            raise serializers.ValidationError("Provide 'identifier' (an email or a username) and 'password'.")
        attrs["identifier"] = identifier
        return attrs


class RefreshInput(serializers.Serializer):
    refresh_token = serializers.CharField(max_length=2048)


class LogoutInput(serializers.Serializer):
    refresh_token = serializers.CharField(max_length=2048, required=False)


class UserOrganization(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    slug = serializers.CharField()
    role = serializers.CharField()


class UserOutput(serializers.ModelSerializer):
    avatar = serializers.SerializerMethodField()
    organizations = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "email", "username", "name", "avatar", "plan", "organizations", "created_at"]

    def get_avatar(self, user) -> str | None:
        return user.avatar or None

    @extend_schema_field(UserOrganization(many=True))
    def get_organizations(self, user) -> list[dict]:
        roles = roles_of(user)
        orgs = Organization.objects.filter(id__in=roles.keys()).order_by("slug")
        return [{"id": o.id, "name": o.name, "slug": o.slug, "role": roles[o.id]} for o in orgs]


class PublicUser(serializers.ModelSerializer):
    """A user as shown next to things they own: never the email."""

    avatar = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "username", "name", "avatar"]

    def get_avatar(self, user) -> str | None:
        return user.avatar or None


class AuthOutput(serializers.Serializer):
    access_token = serializers.CharField()
    refresh_token = serializers.CharField(allow_null=True)
    token_type = serializers.CharField(default="bearer")
    expires_in = serializers.IntegerField()
    user = UserOutput()


class TokenPairOutput(serializers.Serializer):
    access_token = serializers.CharField()
    refresh_token = serializers.CharField()
    token_type = serializers.CharField()
    expires_in = serializers.IntegerField()


def auth_payload(user: User, tokens: dict) -> dict:
    return {
        **tokens,
        "token_type": "bearer",
        "expires_in": settings.ACCESS_TOKEN_SECONDS,
        "user": UserOutput(user).data,
    }


class ApiKeyCreateInput(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    scopes = serializers.ListField(child=serializers.CharField(max_length=32), default=["circuit:read"], max_length=20)
    expires_in_days = serializers.IntegerField(min_value=1, max_value=3650, required=False, allow_null=True)
    rate_limit_per_minute = serializers.IntegerField(min_value=1, max_value=100_000, required=False, allow_null=True)

    def validate_rate_limit_per_minute(self, value):
        return 60 if value is None else value


class ApiKeyOutput(serializers.ModelSerializer):
    organization_id = serializers.UUIDField(allow_null=True, read_only=True)

    class Meta:
        model = ApiKey
        fields = [
            "id",
            "name",
            "key_prefix",
            "scopes",
            "rate_limit_per_minute",
            "is_active",
            "last_used_at",
            "created_at",
            "expires_at",
            "organization_id",
        ]


class ApiKeyCreatedOutput(ApiKeyOutput):
    key = serializers.SerializerMethodField()

    class Meta(ApiKeyOutput.Meta):
        fields = ["key", *ApiKeyOutput.Meta.fields]

    def get_key(self, api_key) -> str:
        return self.context["plaintext"]


def issued_key_payload(issued) -> dict:
    return ApiKeyCreatedOutput(issued.api_key, context={"plaintext": issued.plaintext}).data


class UsageItem(serializers.Serializer):
    used = serializers.IntegerField(allow_null=True)
    limit = serializers.IntegerField()
    period = serializers.CharField(allow_null=True)
    resets_at = serializers.DateTimeField(allow_null=True)


class UsageOutput(serializers.Serializer):
    """Plan, request rate, and one UsageItem per usage kind (accounts.usage.KINDS)."""

    plan = serializers.CharField()
    requests_per_minute = serializers.IntegerField()
    runs = UsageItem()
    shots = UsageItem()
    storage = UsageItem()


def usage_payload(user, summary: dict, requests_per_minute: int) -> dict:
    kinds = {kind: UsageItem(item).data for kind, item in summary.items()}
    return {"plan": user.plan, "requests_per_minute": requests_per_minute, **kinds}
