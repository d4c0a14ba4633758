"""Writes on runs. Every state change is a conditional UPDATE, then a published event."""

import logging
import math
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from circuits.models import Circuit
from orgs.access import can_view
from qubithub.dispatch import dispatch
from qubithub.errors import Conflict, Forbidden, InvalidInput, NotFound
from qubithub.observability import metrics
from runs import engine, events, selectors
from runs.models import ACTIVE_STATUSES, MAX_SHOTS, TERMINAL_STATUSES, BackendType, Run, RunStatus

logger = logging.getLogger(__name__)
QUEUE_FOR_TYPE = {
    BackendType.SIMULATION: "simulation",
    BackendType.EMULATION: "emulation",
    BackendType.HARDWARE: "hardware",
}
# A hardware run submitted to its provider: runs.poll_hardware finishes it, no heartbeat or sandbox timeout applies.
WAITING_ON_PROVIDER = Q(backend_type=BackendType.HARDWARE) & ~Q(provider_job_id="")


def transition(run_id, *, from_statuses, to: str, attempt: int | None = None, **fields) -> Run | None:
    """Move a run to `to` only if it is still in one of `from_statuses` (and, given `attempt`, still owned
    by that execution attempt); publish the new state.

    Returns the updated run, or None if another actor got there first (so nothing happens twice).
    """
    now = timezone.now()
    stamps = {RunStatus.QUEUED: "queued_at", RunStatus.RUNNING: "started_at"}
    if to in stamps:
        fields.setdefault(stamps[to], now)
    if to in (RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.CANCELLED):
        fields.setdefault("completed_at", now)
    matching = Run.objects.filter(pk=run_id, status__in=list(from_statuses))
    if attempt is not None:
        matching = matching.filter(attempts=attempt)
    changed = matching.update(status=to, updated_at=now, **fields)
    if not changed:
        return None
    run = Run.objects.get(pk=run_id)
    events.publish(run)
    metrics.observe_run_transition(run)
    return run


def _check_backend(backend_type: str, backend_name: str, *, user=None, circuit=None) -> dict:
    backend = engine.backend_get(backend_name)
    if backend is None or backend["type"] != backend_type:
        valid = sorted(b["id"] for b in engine.backend_catalogue() if b["type"] == backend_type)
        problem = (
            f"Unknown backend '{backend_name}'"
            if backend is None
            else f"Backend '{backend_name}' is not of type '{backend_type}'"
        )
        raise InvalidInput(f"{problem}. Valid {backend_type} backends: {', '.join(valid)}.")
    if backend["type"] == BackendType.HARDWARE:  # available to callers with credentials for its provider
        from runs.providers.services import hardware_unavailable_reason

        reason = hardware_unavailable_reason(
            user=user, backend=backend, prefer_organization_id=getattr(circuit, "organization_id", None)
        )
        if reason:
            raise InvalidInput(reason)
        return backend
    if backend.get("status") != "available":
        reason = backend.get("status_message") or backend.get("description") or "it is not available here"
        raise InvalidInput(f"Backend '{backend_name}' cannot run jobs: {reason}.")
    return backend


def _finite(value: int | float) -> bool:
    try:
        return math.isfinite(float(value))
    except OverflowError:  # an int too large for a float
        return False


def run_parameters_check(*, parameters: dict | None, version) -> dict:
    """Parameters bind the circuit's symbolic parameters (finite numbers) and the entry function's keyword
    arguments (any JSON value: create_circuit(edges=[[0, 1]]) is legitimate), as the version's analysis lists
    them. An analysis that can't tell (older, failed, **kwargs) leaves unknown names to the function."""
    parameters = parameters or {}
    analysis = (version.analysis or {}) if version is not None else {}
    analysed = analysis.get("status") == "ok" and isinstance(analysis.get("parameters"), list)
    symbols = {p if isinstance(p, str) else p.get("name") for p in analysis["parameters"]} if analysed else set()
    arguments = analysis.get("entry_arguments") if analysed else None
    for name, value in parameters.items():
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if number and not _finite(value):
            raise InvalidInput(f"Parameter '{name}' is out of range: use a finite number between -1e308 and 1e308.")
        if name in symbols and not number:
            raise InvalidInput(f"Parameter '{name}' must be a number.")
    if isinstance(arguments, list):
        known = symbols | set(arguments)
        unknown = sorted(set(parameters) - known)
        if unknown:
            listed = ", ".join(sorted(known)) if known else "none"
            raise InvalidInput(
                f"Unknown parameter{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}: "
                f"this circuit's parameters are {listed}."
            )
    return parameters


def _usage_check(user, *, shots: int) -> None:
    from accounts.usage import usage_check

    usage_check(user=user, kind="runs", amount=1)
    usage_check(user=user, kind="shots", amount=shots)


def run_submit(
    *,
    user,
    circuit_id,
    backend_type: str = BackendType.SIMULATION,
    backend_name: str = "qiskit_aer",
    shots: int = 1024,
    parameters: dict | None = None,
    want_statevector: bool = False,
    seed: int | None = None,
    version=None,
) -> Run:
    """`version`: a CircuitVersion of this circuit (default: the latest); `seed` makes the run reproducible."""
    circuit = Circuit.objects.select_related("organization").filter(pk=circuit_id).first()
    if circuit is None:
        raise NotFound("Circuit not found.")
    if not can_view(user, circuit):
        raise Forbidden("You do not have access to this private circuit.")
    if not 1 <= shots <= MAX_SHOTS:
        raise InvalidInput(f"shots must be between 1 and {MAX_SHOTS}.")
    if version is not None and version.circuit_id != circuit.pk:
        raise InvalidInput("This version belongs to another circuit.")
    version = version or circuit.versions.order_by("-version_number").first()
    if version is None:
        raise InvalidInput("This circuit has no files yet: upload a version before running it.")
    parameters = run_parameters_check(parameters=parameters, version=version)
    backend = _check_backend(backend_type, backend_name, user=user, circuit=circuit)
    if backend.get("qubits") and circuit.qubits and circuit.qubits > backend["qubits"]:
        raise InvalidInput(f"The circuit has {circuit.qubits} qubits; '{backend_name}' has {backend['qubits']}.")
    _usage_check(user, shots=shots)
    with transaction.atomic():
        run = Run.objects.create(
            circuit=circuit,
            circuit_version=version,
            user=user,
            backend_type=backend_type,
            backend_name=backend_name,
            shots=shots,
            parameters=parameters or {},
            want_statevector=want_statevector,
            seed=seed,
        )
        Circuit.objects.filter(pk=circuit.pk).update(runs_count=F("runs_count") + 1)
        transaction.on_commit(lambda: run_enqueue(run_id=run.id))
    return run


def run_enqueue(*, run_id) -> None:
    """Hand a pending run to the workers: it becomes queued, then the task is sent."""
    run = transition(run_id, from_statuses=[RunStatus.PENDING], to=RunStatus.QUEUED)
    if run is None:
        return
    if not redispatch(run_id):  # broker down: back to pending, the recovery task sends it later
        transition(run_id, from_statuses=[RunStatus.QUEUED], to=RunStatus.PENDING, queued_at=None)


def require_run_manageable(user, run: Run) -> None:
    if not selectors.run_manageable(user, run):
        raise Forbidden(
            "Only the person who submitted this run (or an admin of the circuit's organization, for its members' "
            "runs) may cancel or delete it."
        )


def run_cancel(*, user, run: Run) -> Run:
    """Cancel an active run (its sandbox or provider job stops). A run that already finished is left alone."""
    require_run_manageable(user, run)
    cancelled = transition(
        run.id,
        from_statuses=ACTIVE_STATUSES,
        to=RunStatus.CANCELLED,
        error_message="Cancelled by the user.",
        error_class="cancelled",
    )
    if cancelled is None:
        status = Run.objects.filter(pk=run.pk).values_list("status", flat=True).first() or "deleted"
        raise Conflict(f"This run had already finished ({status}) before it could be cancelled; nothing changed.")
    if cancelled.backend_type == BackendType.HARDWARE and cancelled.provider_job_id:
        from runs.providers.execution import hardware_job_cancel

        hardware_job_cancel(run=cancelled)  # after the transition: the provider's job must stop too
    return cancelled


def run_delete(*, user, run: Run) -> None:
    """Delete a finished run and its results; an active run must be cancelled first."""
    require_run_manageable(user, run)
    deleted, _ = Run.objects.filter(pk=run.pk, status__in=TERMINAL_STATUSES).delete()
    if not deleted:
        raise Conflict("This run is still active: cancel it first, then delete it.")


def run_cancel_or_delete(*, user, run: Run) -> None:
    """DELETE /runs/{id}: an active run is cancelled, a finished one is deleted. The choice is made once, on the
    state read for this request: a run that finishes meanwhile is not deleted (409, nothing changed)."""
    if run.status in ACTIVE_STATUSES:
        run_cancel(user=user, run=run)
    else:
        run_delete(user=user, run=run)


def runs_recover(*, pending_grace_s: int | None = None) -> dict:
    """Never lose a run: re-dispatch stale pending runs; fail running runs past their timeout."""
    grace = pending_grace_s if pending_grace_s is not None else settings.QH_RUN_PENDING_GRACE_SECONDS
    now = timezone.now()
    stale_pending = list(
        Run.objects.filter(status=RunStatus.PENDING, created_at__lt=now - timedelta(seconds=grace)).values_list(
            "id", flat=True
        )
    )
    for run_id in stale_pending:
        run_enqueue(run_id=run_id)
    # A broker restart can drop queued messages; sending one again is safe because claiming is conditional.
    lost_queued = list(
        Run.objects.filter(
            status=RunStatus.QUEUED, queued_at__lt=now - timedelta(seconds=settings.QH_RUN_QUEUED_GRACE_SECONDS)
        ).values_list("id", flat=True)
    )
    for run_id in lost_queued:
        redispatch(run_id)
    deadline = now - timedelta(seconds=settings.QH_RUN_TIMEOUT_SECONDS + settings.QH_RUN_TIMEOUT_SLACK_SECONDS)
    running = Run.objects.filter(status=RunStatus.RUNNING).exclude(WAITING_ON_PROVIDER)  # polled instead
    overdue = list(running.filter(started_at__lt=deadline).values_list("id", flat=True))
    for run_id in overdue:
        transition(
            run_id,
            from_statuses=[RunStatus.RUNNING],
            to=RunStatus.FAILED,
            error_class="sandbox_timeout",
            error_message=f"The run did not finish within {settings.QH_RUN_TIMEOUT_SECONDS} s.",
        )
    orphans = _recover_orphans(now)
    from runs.usage import deleted_run_usage_prune

    deleted_run_usage_prune()
    return {"redispatched": len(stale_pending) + len(lost_queued) + orphans, "timed_out": len(overdue)}


def _recover_orphans(now) -> int:
    """Running runs whose worker stopped beating (killed machine or process): send again, a few times at most."""
    stale = now - timedelta(seconds=settings.QH_RUN_HEARTBEAT_STALE_SECONDS)
    orphans = Run.objects.filter(status=RunStatus.RUNNING, heartbeat_at__lt=stale).exclude(WAITING_ON_PROVIDER)
    for run_id in orphans.filter(attempts__gte=settings.QH_RUN_MAX_ATTEMPTS).values_list("id", flat=True):
        transition(
            run_id,
            from_statuses=[RunStatus.RUNNING],
            to=RunStatus.FAILED,
            error_class="internal_error",
            error_message=f"The worker executing this run was lost {settings.QH_RUN_MAX_ATTEMPTS} times.",
        )
    resend = list(orphans.filter(attempts__lt=settings.QH_RUN_MAX_ATTEMPTS).values_list("id", flat=True))
    for run_id in resend:
        redispatch(run_id)
    return len(resend)


def redispatch(run_id) -> bool:
    from runs.tasks import execute_run

    run = Run.objects.filter(pk=run_id).only("backend_type").first()
    if run is None:
        return False
    try:
        dispatch(execute_run, str(run_id), queue=QUEUE_FOR_TYPE.get(run.backend_type, "simulation"))
    except Exception:
        logger.exception("Could not dispatch run %s", run_id)
        return False
    return True


def runs_recover_after_restart() -> int:
    """Embedded mode start-up: nothing can be running any more, so every unfinished run is sent again."""
    interrupted = Run.objects.filter(status=RunStatus.RUNNING).exclude(WAITING_ON_PROVIDER).values_list("id", flat=True)
    for run_id in list(interrupted):
        transition(run_id, from_statuses=[RunStatus.RUNNING], to=RunStatus.QUEUED)
    unfinished = list(Run.objects.filter(status__in=[RunStatus.PENDING, RunStatus.QUEUED]).values_list("id", flat=True))
    for run_id in unfinished:
        redispatch(run_id)
    return len(unfinished)
