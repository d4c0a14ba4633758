"""The one permission layer: who may see, change and delete anything owned by an organization.

Every owned model (circuits, datasets, spaces, ...) inherits `OwnedResource` and is fetched for a
user through `visible_to` / `get_visible_or_404`, and checked with `require_editable`. A private
resource someone may not see is answered exactly like a missing one.
"""

import uuid

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Q

from orgs.models import ROLE_RANK, Membership, Organization, Role
from qubithub.errors import Forbidden, NotFound


def roles_of(user) -> dict[uuid.UUID, str]:
    """Map organization id -> the user's role there (cached on the user object for the request).

    An organization key's actor has one entry: its organization, with its creator's role capped at admin.
    """
    if user is None or not user.is_authenticated:
        return {}
    cached = getattr(user, "_qh_org_roles", None)
    if cached is None:
        memberships = Membership.objects.filter(user=user)
        acting = acting_organization_id(user)
        if acting is not None:
            memberships = memberships.filter(organization_id=acting)
        cached = {org: _capped(role, acting) for org, role in memberships.values_list("organization_id", "role")}
        user._qh_org_roles = cached
    return cached


def _capped(role: str, acting: uuid.UUID | None) -> str:
    return Role.ADMIN if acting is not None and role == Role.OWNER else role


def is_unrestricted(user) -> bool:
    """Superusers see and change everything, except through an organization key."""
    return user is not None and user.is_authenticated and user.is_superuser and acting_organization_id(user) is None


def actor_for_key(api_key):
    """The user an API key authenticates as: its owner; for an org key, its creator acting for the org.

    The acting user's roles are confined to the organization (never above admin), superuser rights do
    not apply, and `personal_org` (where new resources go by default) is the organization. None if the
    creator is no longer a member. The user object is the key's own, loaded for this request only.
    """
    actor = api_key.user
    if api_key.organization_id is None:
        return actor
    actor.acting_org_id = api_key.organization_id
    type(actor)._meta.get_field("personal_org").set_cached_value(actor, api_key.organization)
    return actor if roles_of(actor) else None


def forget_roles(user) -> None:
    if user is not None and hasattr(user, "_qh_org_roles"):
        del user._qh_org_roles


def role_in(user, organization: Organization | uuid.UUID) -> str | None:
    org_id = organization.id if isinstance(organization, Organization) else organization
    return roles_of(user).get(org_id)


def has_role(user, organization, minimum: str) -> bool:
    role = role_in(user, organization)
    return role is not None and ROLE_RANK[Role(role)] >= ROLE_RANK[Role(minimum)]


def acting_organization_id(user) -> uuid.UUID | None:
    """An organization API key acts for its organization only, with the rights the org has."""
    return getattr(user, "acting_org_id", None)


class OwnedQuerySet(models.QuerySet):
    def visible_to(self, user):
        if is_unrestricted(user):
            return self
        org_ids = list(roles_of(user).keys())
        if not org_ids:
            return self.filter(is_public=True)
        return self.filter(Q(is_public=True) | Q(organization_id__in=org_ids))

    def editable_by(self, user):
        if user is None or not user.is_authenticated:
            return self.none()
        if is_unrestricted(user):
            return self
        roles = roles_of(user)
        admin_orgs = [org for org, role in roles.items() if role in (Role.ADMIN, Role.OWNER)]
        member_orgs = list(roles.keys())
        return self.filter(Q(organization_id__in=admin_orgs) | Q(organization_id__in=member_orgs, created_by=user))

    def owned_by(self, organization: Organization):
        return self.filter(organization=organization)


class OwnedResource(models.Model):
    """Fields every organization-owned, possibly private resource has."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    is_public = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True


def can_view(user, resource: OwnedResource) -> bool:
    if resource.is_public or is_unrestricted(user):
        return True
    return role_in(user, resource.organization_id) is not None


def can_edit(user, resource: OwnedResource) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if is_unrestricted(user):
        return True
    role = role_in(user, resource.organization_id)
    if role in (Role.ADMIN, Role.OWNER):
        return True
    return role == Role.MEMBER and resource.created_by_id == user.id


def get_visible_or_404(queryset: OwnedQuerySet, user, *, what: str = "Resource", **lookup):
    try:
        resource = queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, models.ObjectDoesNotExist):
        raise NotFound(f"{what} not found.") from None
    except Exception as exc:  # malformed ids (e.g. not a UUID) answer like a missing object
        if exc.__class__.__name__ == "ValidationError":
            raise NotFound(f"{what} not found.") from None
        raise
    if not can_view(user, resource):
        raise NotFound(f"{what} not found.")
    return resource


def require_editable(user, resource: OwnedResource, *, what: str = "resource") -> None:
    if not can_edit(user, resource):
        raise Forbidden(f"You do not have permission to change this {what}.")


def require_org_role(user, organization: Organization, minimum: str, *, action: str) -> None:
    if not has_role(user, organization, minimum):
        raise Forbidden(f"You must be an organization {minimum} or higher to {action}.")


def owned_resource_models(app_label: str | None = None) -> list[type[OwnedResource]]:
    """Every installed model that is an OwnedResource (circuits, datasets, spaces, ... as apps appear)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, OwnedResource) and app_label in (None, model._meta.app_label)
    ]


def owned_resource_count(organization: Organization) -> int:
    return sum(model.objects.owned_by(organization).count() for model in owned_resource_models())


def visible_count(user, organization: Organization, app_label: str) -> int:
    models_ = owned_resource_models(app_label)
    return sum(model.objects.visible_to(user).owned_by(organization).count() for model in models_)
