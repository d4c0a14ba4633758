"""Reads on organizations: lookups, profiles, members, keys, and the resources an organization owns."""

from django.utils.module_loading import import_string

from orgs.access import owned_resource_models, roles_of, visible_count
from orgs.models import Membership, Organization, Role
from qubithub.api.exceptions import InvalidInput, NotFound

RESOURCE_KINDS = ("circuits", "datasets", "spaces")
SORTABLE = {"created_at", "updated_at", "name", "stars_count", "downloads_count", "runs_count", "views_count"}
NATURAL_ASCENDING = {"name"}


def org_get(*, org_id) -> Organization:
    organization = Organization.objects.filter(pk=org_id).first()
    if organization is None:
        raise NotFound("Organization not found.")
    return organization


def org_get_by_slug(*, slug: str) -> Organization:
    organization = Organization.objects.filter(slug__iexact=slug).first()
    if organization is None:
        raise NotFound("Organization not found.")
    return organization


def orgs_of(*, user):
    return Organization.objects.filter(pk__in=roles_of(user).keys()).order_by("slug")


def org_profile(*, user, organization: Organization) -> dict:
    """Counts only what the caller may see (private resources count for members only)."""
    counts = {f"{kind[:-1]}_count": visible_count(user, organization, kind) for kind in RESOURCE_KINDS}
    return {"organization": organization, "member_count": organization.memberships.count(), **counts}


def org_owned_counts(*, organization: Organization) -> dict[str, int]:
    """Everything the organization owns, private included, by kind: what deleting it would delete."""
    return {
        kind: sum(m.objects.owned_by(organization).count() for m in owned_resource_models(kind))
        for kind in RESOURCE_KINDS
    }


def org_members(*, organization: Organization):
    return Membership.objects.filter(organization=organization).select_related("user").order_by("created_at")


def org_keys(*, organization: Organization):
    return organization.api_keys.filter(revoked_at__isnull=True)


def _resource_model(kind: str):
    return next((m for m in owned_resource_models(kind) if f"{m._meta.model_name}s" == kind), None)


def _order_by(model, sort: str) -> list[str]:
    field = sort.lstrip("-")
    names = {f.name for f in model._meta.get_fields()}
    if field not in SORTABLE or field not in names:
        allowed = ", ".join(sorted(SORTABLE & names))
        raise InvalidInput(f"sort must be one of {allowed}, optionally prefixed with '-'.")
    descending = sort.startswith("-") or field not in NATURAL_ASCENDING
    return [f"-{field}" if descending else field, "-id" if descending else "id"]


def org_resources(*, user, organization: Organization, kind: str, sort: str | None):
    """(queryset, card serializer) for an organization's circuits, datasets or spaces the caller may see.

    The model is the app's OwnedResource subclass; each app supplies `<app>.querysets.<app>_for_listing(user)`
    and `<app>.api.serializers.<Model>Card` by convention. An app that is not installed lists nothing.
    """
    model = _resource_model(kind)
    if model is None:
        return None, None
    try:
        base = import_string(f"{kind}.querysets.{kind}_for_listing")(user)
    except ImportError:
        base = model.objects.visible_to(user)
    queryset = base.filter(organization=organization).order_by(*_order_by(model, sort or "created_at"))
    return queryset, import_string(f"{kind}.api.serializers.{model.__name__}Card")


def org_membership(*, organization: Organization, user) -> Membership:
    membership = (
        Membership.objects.filter(organization=organization, user_id=user.pk).select_related("organization").first()
    )
    if membership is None:
        raise NotFound("You are not a member of this organization.")
    return membership


def org_leave_refusal(*, membership: Membership) -> str | None:
    """Why this member cannot leave (the last owner, a personal namespace), in words for them; None if they can."""
    organization = membership.organization
    if organization.is_personal:
        return "This is your personal namespace: it cannot be left, it is deleted with your account."
    others = Membership.objects.filter(organization=organization, role=Role.OWNER).exclude(pk=membership.pk)
    if membership.role == Role.OWNER and not others.exists():
        return (
            f"You are the last owner of {organization.slug}, so you cannot leave it. "
            "Make another member an owner first, or delete the organization."
        )
    return None
