"""Writes on a space's own row: create, update, delete."""

from django.db import IntegrityError, transaction

from accounts.usage import usage_check
from circuits.services import forks_count_drop, owner_organization
from qubithub.errors import InvalidInput
from spaces.models import Space

UPDATABLE_FIELDS = ("title", "description", "sdk", "space_type", "is_public")


def space_save_new(space: Space, *, taken_error: Exception) -> Space:
    """Validate and insert; a name clash (even a concurrent one) raises `taken_error`."""
    if Space.objects.filter(organization=space.organization, name=space.name).exists():
        raise taken_error
    space.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            space.save()
    except IntegrityError:
        raise taken_error from None
    return space


def space_create(
    *,
    creator,
    name: str,
    title: str,
    description: str = "",
    sdk: str = "qiskit",
    space_type: str = "notebook",
    is_public: bool = True,
    organization_name: str | None = None,
) -> Space:
    organization = owner_organization(user=creator, organization_name=organization_name)
    usage_check(user=creator, kind="storage", amount=0)
    space = Space(
        organization=organization,
        created_by=creator,
        name=name,
        title=title,
        description=description or "",
        sdk=sdk,
        space_type=space_type,
        is_public=is_public,
    )
    return space_save_new(
        space,
        taken_error=InvalidInput(
            f"A space named '{name}' already exists for '{organization.slug}'.",
            fields={"name": ["This name is taken."]},
        ),
    )


@transaction.atomic
def space_update(*, space: Space, changes: dict) -> Space:
    """Partial update of the editable fields; the name and the owner never change."""
    unknown = sorted(set(changes) - set(UPDATABLE_FIELDS))
    if unknown:
        raise InvalidInput(f"These fields cannot be changed: {', '.join(unknown)}.")
    space = Space.objects.select_for_update().get(pk=space.pk)
    for field, value in changes.items():
        setattr(space, field, value if value is not None or field != "description" else "")
    space.full_clean(validate_constraints=False)
    space.save(update_fields=[*changes, "updated_at"])
    return space


@transaction.atomic
def space_delete(*, space: Space) -> None:
    source_id = space.forked_from_id
    space.delete()
    forks_count_drop(Space, source_id)
