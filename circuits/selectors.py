"""Reads on circuits for a given user."""

from django.db.models import Q

from circuits.models import Circuit, CircuitFile
from circuits.querysets import circuit_for_detail
from circuits.tags import tags_normalise
from orgs.access import can_view, get_visible_or_404, roles_of
from qubithub.api.exceptions import InvalidInput, NotFound

NATURAL_DESCENDING = {"created_at", "updated_at", "stars_count", "runs_count", "views_count"}


def order_by_for(sort: str) -> list[str]:
    field = sort.lstrip("-")
    descending = sort.startswith("-") or field in NATURAL_DESCENDING
    return [f"-{field}" if descending else field, "-id" if descending else "id"]


def circuit_list(*, user, filters: dict):
    """Visible circuits matching the filters, ordered; narrow (no card data): see querysets.card_page."""
    queryset = Circuit.objects.visible_to(user)
    if filters.get("mine"):
        queryset = queryset.filter(organization_id__in=list(roles_of(user).keys()))
    if filters.get("framework"):
        queryset = queryset.filter(framework=filters["framework"])
    for tag in tags_normalise(filters.get("tags")):
        queryset = queryset.filter(tags__name=tag)
    if filters.get("qubits_min") is not None:
        queryset = queryset.filter(qubits__gte=filters["qubits_min"])
    if filters.get("qubits_max") is not None:
        queryset = queryset.filter(qubits__lte=filters["qubits_max"])
    low, high = filters.get("qubits_min"), filters.get("qubits_max")
    if low is not None and high is not None and low > high:
        raise InvalidInput("qubits_min must not be greater than qubits_max.")
    if filters.get("owner"):
        queryset = queryset.filter(organization__slug__iexact=filters["owner"])
    if filters.get("q"):
        term = filters["q"].strip()
        queryset = queryset.filter(
            Q(name__icontains=term)
            | Q(title__icontains=term)
            | Q(description__icontains=term)
            | Q(id__in=Circuit.tags.through.objects.filter(tag__name=term.lower()).values("circuit_id"))
        )
    return queryset.order_by(*order_by_for(filters.get("sort") or "created_at"))


def circuit_get(*, user, circuit_id) -> Circuit:
    return get_visible_or_404(circuit_for_detail(user), user, what="Circuit", pk=circuit_id)


def circuit_resolve(*, user, repo_name: str) -> Circuit:
    owner, sep, name = (repo_name or "").strip().partition("/")
    if not sep or not owner or not name or "/" in name:
        raise InvalidInput("repo_name must look like 'owner/name'.")
    return get_visible_or_404(
        circuit_for_detail(user), user, what="Circuit", organization__slug__iexact=owner, name__iexact=name
    )


def circuit_file_get(*, user, path: str) -> CircuitFile:
    """A stored file the user may read, by its exact storage path; anything else is 404."""
    records = CircuitFile.objects.filter(path=path).select_related("version__circuit")[:20]
    record = next((r for r in records if can_view(user, r.version.circuit)), None)
    if record is None:
        raise NotFound("File not found.")
    return record


def circuit_delete_impact(*, circuit: Circuit, user) -> dict:
    """What deleting the circuit takes with it: versions, and every run of it, by anyone (one query each)."""
    from django.db.models import Count, Q

    runs = circuit.runs.aggregate(total=Count("id"), by_others=Count("id", filter=~Q(user=user)))
    return {"versions": circuit.versions.count(), "runs": runs["total"], "runs_by_others": runs["by_others"]}
