"""Reads on runs: visibility, lists and statistics computed in the database."""

from django.db.models import Avg, Count, FloatField, Q, Sum
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from orgs.access import can_view, has_role, is_unrestricted, roles_of
from orgs.models import Membership, Role
from qubithub.errors import NotFound
from runs.models import Run, RunStatus


def runs_base():
    return Run.objects.select_related("circuit__organization")


def run_get(*, user, run_id) -> Run:
    """Visible to its owner, to members of the circuit's organization, and to anyone when the circuit is public."""
    run = runs_base().select_related("circuit_version").filter(pk=run_id).first()
    if run is None or not run_visible(user, run):
        raise NotFound("Run not found.")
    return run


def run_visible(user, run: Run) -> bool:
    if user is not None and user.is_authenticated and run.user_id == user.id:
        return True
    return can_view(user, run.circuit)


def run_manageable(user, run: Run) -> bool:
    """Who may cancel or delete a run (pages and API): its submitter; the admins and owners of the circuit's
    organization for runs its members submitted; superusers. Not the circuit's org for outsiders' runs. An
    organization's API key: only runs on that organization's circuits."""
    if user is None or not user.is_authenticated:
        return False
    organization_id = run.circuit.organization_id
    acting_for = getattr(user, "acting_org_id", None)
    if acting_for is not None and acting_for != organization_id:
        return False  # an organization's API key manages runs on that organization's circuits only
    if run.user_id == user.id or is_unrestricted(user):
        return True
    if not has_role(user, organization_id, Role.ADMIN):
        return False
    return Membership.objects.filter(organization_id=organization_id, user_id=run.user_id).exists()


def run_filter_choices(*, user) -> dict:
    """What My runs can be filtered by: the circuits and backends of the user's own runs."""
    mine = Run.objects.filter(user=user)
    circuits = (
        mine.values_list("circuit_id", "circuit__organization__slug", "circuit__name")
        .distinct()
        .order_by("circuit__organization__slug", "circuit__name")
    )
    backends = mine.values_list("backend_name", flat=True).distinct().order_by("backend_name")
    return {"circuits": [(str(pk), f"{slug}/{name}") for pk, slug, name in circuits], "backends": list(backends)}


def run_counts_by_backend(queryset) -> list[dict]:
    """Runs per backend, most used first: [{"backend_name", "runs", "completed"}]."""
    rows = (
        queryset.order_by()
        .values("backend_name")
        .annotate(runs=Count("id"), completed=Count("id", filter=Q(status=RunStatus.COMPLETED)))
    )
    return sorted(rows, key=lambda r: (-r["runs"], r["backend_name"]))


def circuit_run_summary(*, user, circuit) -> dict:
    """The circuit page's run statistics: GET /api/runs/circuits/{id}/stats plus the runs per backend."""
    runs = circuit_runs(user=user, circuit=circuit)
    return {"stats": run_stats(runs), "by_backend": run_counts_by_backend(runs)}


def run_list(*, user, filters: dict):
    queryset = runs_base().filter(user=user)
    for field in ("status", "circuit_id", "backend_name", "backend_type"):
        if filters.get(field):
            queryset = queryset.filter(**{field: filters[field]})
    return queryset.order_by("-created_at", "-id")


def circuit_runs(*, user, circuit):
    """Runs of one circuit that the caller may see: theirs, or all when the circuit's org is theirs."""
    queryset = runs_base().filter(circuit=circuit)
    if circuit.organization_id in roles_of(user):
        return queryset.order_by("-created_at")
    if user is None or not user.is_authenticated:
        return queryset.none() if not circuit.is_public else queryset.order_by("-created_at")
    return queryset.filter(Q(user=user) | Q(circuit__is_public=True)).order_by("-created_at")


def run_stats(queryset) -> dict:
    seconds = Cast(KeyTextTransform("execution_time", "metrics"), FloatField())
    by_status = {f"{s}_runs": Count("id", filter=Q(status=s)) for s in RunStatus.values}
    row = queryset.aggregate(
        total_runs=Count("id"),
        total_shots=Sum("shots"),
        total_execution_time=Sum(seconds, filter=Q(status=RunStatus.COMPLETED)),
        avg_execution_time=Avg(seconds, filter=Q(status=RunStatus.COMPLETED)),
        **by_status,
    )
    finished = row["completed_runs"] + row["failed_runs"]
    return {
        **row,
        "total_shots": row["total_shots"] or 0,
        "total_execution_time": round(row["total_execution_time"] or 0.0, 6),
        "avg_execution_time": round(row["avg_execution_time"] or 0.0, 6),
        "success_rate": round(100.0 * row["completed_runs"] / finished, 1) if finished else 0.0,
    }
