from django.db import transaction

from orgs.access import forget_roles
from orgs.models import Membership, Organization, Role
from qubithub.api.exceptions import InvalidInput


def slug_taken(slug: str) -> bool:
    from accounts.models import RESERVED_SLUGS, User

    return (
        slug.lower() in RESERVED_SLUGS
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
    slug = slug.strip().lower()
    if slug_taken(slug):
        raise InvalidInput(f"The name '{slug}' is already taken by a user or an organization.")
    org = Organization(name=name, slug=slug, description=description, avatar_url=avatar_url)
    org.full_clean()
    org.save()
    Membership.objects.create(organization=org, user=creator, role=Role.OWNER)
    forget_roles(creator)
    return org


def org_get_by_slug(slug: str) -> Organization | None:
    return Organization.objects.filter(slug__iexact=slug).first()
