from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.avatars import avatar_url_clean
from accounts.keys import IssuedKey, api_key_create, api_key_revoke, api_key_revoke_all
from orgs.access import acting_organization_id, forget_roles, owned_resource_count, require_org_role
from orgs.deletion import org_resources_delete
from orgs.models import Membership, Organization, Role
from qubithub.api.exceptions import Conflict, Forbidden, InvalidInput, NotFound


def slug_reserved(slug: str) -> bool:
    """Names the site itself uses (settings, api, orgs, ...): no user or organization may take them."""
    from accounts.models import RESERVED_SLUGS

    return slug.lower() in RESERVED_SLUGS


def slug_taken(slug: str) -> bool:
    from accounts.models import User

    return (
        slug_reserved(slug)
        or Organization.objects.filter(slug__iexact=slug).exists()
        or User.objects.filter(username__iexact=slug).exists()
    )


def org_create_personal(*, user) -> Organization:
    """Every user's own namespace: slug = username, the user is its owner."""
    org = Organization(name=user.display_name, slug=user.username, personal_for=user)
    org.full_clean()
    org.save()
    Membership.objects.create(organization=org, user=user, role=Role.OWNER)
    forget_roles(user)
    return org


@transaction.atomic
def org_create(*, creator, name: str, slug: str, description: str = "", avatar_url: str = "") -> Organization:
    if acting_organization_id(creator) is not None:
        raise Forbidden("An organization API key cannot create organizations.")
    slug = slug.strip().lower()
    if slug_reserved(slug):
        raise InvalidInput(f"The name '{slug}' is reserved by QubitHub; choose another.")
    if slug_taken(slug):
        raise InvalidInput(f"The name '{slug}' is already taken by a user or an organization.")
    org = Organization(
        name=name, slug=slug, description=description, avatar_url=avatar_url_clean(avatar_url, field="avatar_url")
    )
    org.full_clean()
    org.save()
    Membership.objects.create(organization=org, user=creator, role=Role.OWNER)
    forget_roles(creator)
    return org


def org_get_by_slug(slug: str) -> Organization | None:
    return Organization.objects.filter(slug__iexact=slug).first()


ORG_FIELDS = ("name", "description", "avatar_url")


def org_update(*, organization: Organization, **changes) -> Organization:
    for field, value in changes.items():
        if field not in ORG_FIELDS:
            raise InvalidInput(f"'{field}' cannot be changed.")
        setattr(organization, field, avatar_url_clean(value, field="avatar_url") if field == "avatar_url" else value)
    organization.full_clean()
    organization.save()
    return organization


@transaction.atomic
def org_delete(*, organization: Organization, force: bool = False) -> None:
    """Deletes the organization and everything it owns; refused while it owns resources unless forced.

    Forced, each resource goes through its app's delete service (see orgs.deletion), so its stored files
    and repositories are removed after the commit too.
    """
    if organization.is_personal:
        raise InvalidInput("A personal organization is deleted with its user account, not on its own.")
    owned = owned_resource_count(organization)
    if owned and not force:
        raise Conflict(
            f"The organization '{organization.slug}' still owns {owned} resource(s); "
            "delete or move them first, or pass ?force=true to delete them with it."
        )
    if owned:
        org_resources_delete(organization=organization)
    organization.delete()


def _membership(organization: Organization, user_id) -> Membership:
    membership = Membership.objects.select_related("user").filter(organization=organization, user_id=user_id).first()
    if membership is None:
        raise NotFound("This user is not a member of the organization.")
    return membership


def _require_may_grant(actor, organization: Organization, role: str) -> None:
    if role == Role.OWNER:
        require_org_role(actor, organization, Role.OWNER, action="make someone an owner")


def _require_another_owner(membership: Membership) -> None:
    if membership.role != Role.OWNER:
        return
    owners = Membership.objects.select_for_update().filter(organization_id=membership.organization_id, role=Role.OWNER)
    if not [owner for owner in owners if owner.pk != membership.pk]:
        raise InvalidInput("The last owner of an organization cannot be removed or demoted; make another owner first.")


@transaction.atomic
def org_member_add(*, actor, organization: Organization, email: str, role: str = Role.MEMBER) -> Membership:
    require_org_role(actor, organization, Role.ADMIN, action="add members")
    _require_may_grant(actor, organization, role)
    if organization.is_personal:
        raise InvalidInput("A personal organization has no other members; create an organization to share work.")
    user = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise NotFound(f"Could not add '{email}'. Check the address: people need a QubitHub account with it first.")
    if Membership.objects.filter(organization=organization, user=user).exists():
        raise Conflict(f"{user.username} is already a member of '{organization.slug}'.")
    membership = Membership(organization=organization, user=user, role=role)
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def org_member_role_set(*, actor, organization: Organization, user_id, role: str) -> Membership:
    require_org_role(actor, organization, Role.OWNER, action="change roles")
    membership = _membership(organization, user_id)
    if role != Role.OWNER:
        _require_another_owner(membership)
    membership.role = role
    membership.full_clean()
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def org_member_remove(*, actor, organization: Organization, user_id) -> None:
    """Admins remove members and admins, owners anyone; everyone may leave. Their org keys are revoked."""
    membership = _membership(organization, user_id)
    if membership.user_id != actor.pk or acting_organization_id(actor) is not None:
        require_org_role(actor, organization, Role.ADMIN, action="remove members")
        _require_may_grant(actor, organization, membership.role)
    _require_another_owner(membership)
    membership.delete()
    api_key_revoke_all(user=membership.user, organization=organization)


def org_key_create(*, actor, organization: Organization, **key_fields) -> IssuedKey:
    require_org_role(actor, organization, Role.ADMIN, action="create organization API keys")
    return api_key_create(user=actor, organization=organization, **key_fields)


def org_key_revoke(*, actor, organization: Organization, key_id) -> None:
    require_org_role(actor, organization, Role.ADMIN, action="revoke organization API keys")
    api_key = organization.api_keys.filter(pk=key_id, revoked_at__isnull=True).first()
    if api_key is None:
        raise NotFound("API key not found.")
    api_key_revoke(api_key=api_key)
