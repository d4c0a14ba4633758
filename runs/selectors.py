"""Reads on runs: visibility, lists and statistics computed in the database."""

from django.db.models import Avg, Count, FloatField, Q, Sum
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from orgs.access import can_view, roles_of
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
