from rest_framework import serializers

from accounts.models import SLUG_MESSAGE, SLUG_PATTERN
from orgs.models import Membership, Organization, Role


class OrganizationRef(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "name", "slug"]


class OrgCreateInput(serializers.Serializer):
    name = serializers.CharField(max_length=150)
    slug = serializers.RegexField(SLUG_PATTERN, max_length=39, error_messages={"invalid": f"Slug {SLUG_MESSAGE}."})
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    avatar_url = serializers.URLField(required=False, allow_blank=True, default="")


class OrgUpdateInput(serializers.Serializer):
    name = serializers.CharField(max_length=150, required=False)
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    avatar_url = serializers.URLField(required=False, allow_blank=True)


class OrgOutput(serializers.ModelSerializer):
    avatar_url = serializers.SerializerMethodField()
    role = serializers.SerializerMethodField()

    class Meta:
        model = Organization
        fields = ["id", "name", "slug", "description", "avatar_url", "is_personal", "role", "created_at"]

    def get_avatar_url(self, org) -> str | None:
        return org.avatar_url or None

    def get_role(self, org) -> str | None:
        return self.context.get("roles", {}).get(org.id)


class OrgProfileOutput(serializers.Serializer):
    id = serializers.UUIDField(source="organization.id")
    name = serializers.CharField(source="organization.name")
    slug = serializers.CharField(source="organization.slug")
    description = serializers.CharField(source="organization.description")
    avatar_url = serializers.SerializerMethodField()
    is_personal = serializers.BooleanField(source="organization.is_personal")
    created_at = serializers.DateTimeField(source="organization.created_at")
    circuit_count = serializers.IntegerField()
    dataset_count = serializers.IntegerField()
    space_count = serializers.IntegerField()
    member_count = serializers.IntegerField()

    def get_avatar_url(self, profile) -> str | None:
        return profile["organization"].avatar_url or None


class PublicMemberOutput(serializers.ModelSerializer):
    """A member as anyone may see them: never the email."""

    user_id = serializers.UUIDField(source="user.id")
    username = serializers.CharField(source="user.username")
    full_name = serializers.CharField(source="user.name")
    avatar = serializers.SerializerMethodField()

    class Meta:
        model = Membership
        fields = ["user_id", "username", "full_name", "avatar", "role"]

    def get_avatar(self, membership) -> str | None:
        return membership.user.avatar or None


class MemberOutput(PublicMemberOutput):
    email = serializers.EmailField(source="user.email")
    joined_at = serializers.DateTimeField(source="created_at")

    class Meta(PublicMemberOutput.Meta):
        fields = [*PublicMemberOutput.Meta.fields, "email", "joined_at"]


class MemberAddInput(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    role = serializers.ChoiceField(choices=Role.choices, default=Role.MEMBER)


class MemberRoleInput(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices)
