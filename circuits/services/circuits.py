"""Writes on a circuit's own row: create, update, delete."""

from django.db import IntegrityError, transaction
from django.db.models import F

from accounts.usage import usage_check
from circuits.models import Circuit, CircuitFile, Tag
from circuits.storage import delete_paths_on_commit
from circuits.tags import tags_normalise
from orgs.access import has_role
from orgs.models import Organization, Role
from orgs.services import org_get_by_slug
from qubithub.api.exceptions import Forbidden, InvalidInput, NotFound

UPDATABLE_FIELDS = ("title", "description", "tags", "is_public", "extra_metadata")


def owner_organization(*, user, organization_name: str | None) -> Organization:
    """The namespace a new resource goes to: the named org (membership required) or the personal one."""
    if not organization_name:
        return user.personal_org
    org = org_get_by_slug(organization_name)
    if org is None:
        raise NotFound(f"Organization '{organization_name}' not found.")
    if not has_role(user, org, Role.MEMBER):
        raise Forbidden(f"You are not a member of the organization '{org.slug}'.")
    return org


def tags_set(circuit: Circuit, names: list[str]) -> None:
    """Replace the tags of a circuit or a dataset; an invalid tag raises InvalidInput (nothing is changed)."""
    cleaned = sorted(tags_normalise(names))
    existing = {t.name: t for t in Tag.objects.filter(name__in=cleaned)}
    missing = [Tag(name=n) for n in cleaned if n not in existing]
    if missing:
        Tag.objects.bulk_create(missing, ignore_conflicts=True)
    circuit.tags.set(Tag.objects.filter(name__in=cleaned))


def _name_taken(organization: Organization, name: str) -> InvalidInput:
    return InvalidInput(
        f"A circuit named '{name}' already exists for '{organization.slug}'.", fields={"name": ["This name is taken."]}
    )


def circuit_save_new(circuit: Circuit, *, tags: list[str], taken_error: Exception) -> Circuit:
    """Validate and insert a new circuit; a name clash (even a concurrent one) raises `taken_error`."""
    if Circuit.objects.filter(organization=circuit.organization, name=circuit.name).exists():
        raise taken_error
    circuit.full_clean()
    try:
        with transaction.atomic():
            circuit.save()
    except IntegrityError:
        raise taken_error from None
    tags_set(circuit, tags)
    return circuit


@transaction.atomic
def circuit_create(
    *,
    creator,
    name: str,
    title: str,
    framework: str,
    description: str = "",
    tags: list[str] | None = None,
    qubits: int = 0,
    gates: list[str] | None = None,
    depth: int | None = None,
    is_public: bool = True,
    organization_name: str | None = None,
    extra_metadata: dict | None = None,
) -> Circuit:
    tags = tags_normalise(tags)
    organization = owner_organization(user=creator, organization_name=organization_name)
    usage_check(user=creator, kind="storage", amount=0)
    circuit = Circuit(
        organization=organization,
        created_by=creator,
        name=name,
        title=title,
        framework=framework,
        description=description,
        qubits=qubits,
        gates=gates or [],
        depth=depth,
        is_public=is_public,
        extra_metadata=extra_metadata or {},
    )
    return circuit_save_new(circuit, tags=tags, taken_error=_name_taken(organization, name))


@transaction.atomic
def circuit_update(*, circuit: Circuit, changes: dict) -> Circuit:
    """Partial update of the editable metadata; unknown keys are refused by the caller's input schema."""
    unknown = set(changes) - set(UPDATABLE_FIELDS)
    if unknown:
        raise InvalidInput(f"These fields cannot be updated: {', '.join(sorted(unknown))}.")
    if "tags" in changes:
        changes = {**changes, "tags": tags_normalise(changes["tags"])}
    circuit = Circuit.objects.select_for_update().get(pk=circuit.pk)
    fields = [key for key in changes if key != "tags"]
    for key in fields:
        setattr(circuit, key, changes[key] if key != "extra_metadata" else (changes[key] or {}))
    circuit.full_clean(exclude=["organization", "created_by", "forked_from"])
    circuit.save(update_fields=[*fields, "updated_at"])
    if "tags" in changes:
        tags_set(circuit, changes["tags"])
    return circuit


@transaction.atomic
def circuit_delete(*, circuit: Circuit) -> None:
    """Delete the circuit and, after commit, the stored files no other circuit's version references."""
    paths = set(CircuitFile.objects.filter(version__circuit=circuit).values_list("path", flat=True))
    shared = set(
        CircuitFile.objects.filter(path__in=paths).exclude(version__circuit=circuit).values_list("path", flat=True)
    )
    circuit_id, source_id = circuit.id, circuit.forked_from_id
    circuit.delete()
    forks_count_drop(Circuit, source_id)
    delete_paths_on_commit(sorted(paths - shared))
    transaction.on_commit(lambda: _forget_git_repository(circuit_id))


def forks_count_drop(model, source_id) -> None:
    """A fork was deleted: its source (a circuit, dataset or space) counts one fork fewer, never below zero."""
    if source_id is not None:
        model.objects.filter(pk=source_id, forks_count__gt=0).update(forks_count=F("forks_count") - 1)


def _forget_git_repository(circuit_id) -> None:
    from circuits.git.repository import repository_remove

    repository_remove(circuit_id=circuit_id)
