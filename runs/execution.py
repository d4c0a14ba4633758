"""What a worker does with one run: claim it, execute it in the sandbox, record the outcome exactly once."""

import logging
import socket
import threading
import time

from django.conf import settings
from django.db import close_old_connections
from django.db.models import F
from django.utils import timezone

from runs import engine
from runs.models import Run, RunStatus
from runs.services import transition

logger = logging.getLogger(__name__)
WORKER_NAME = f"{socket.gethostname()}:{threading.get_native_id()}"


def run_claim(run_id, *, allow_reclaim: bool) -> tuple[Run, int] | None:
    """pending/queued -> running (and running -> running when the broker redelivers after a worker died)."""
    statuses = [RunStatus.PENDING, RunStatus.QUEUED] + ([RunStatus.RUNNING] if allow_reclaim else [])
    now = timezone.now()
    claimed = Run.objects.filter(pk=run_id, status__in=statuses).update(
        status=RunStatus.RUNNING, started_at=now, updated_at=now, attempts=F("attempts") + 1, worker=WORKER_NAME
    )
    if not claimed:
        return None
    run = Run.objects.select_related("circuit", "circuit_version").get(pk=run_id)
    from runs import events

    events.publish(run)
    return run, run.attempts


def _finish(run_id, attempt: int, status: str, **fields) -> None:
    """Only the attempt that owns the run may finish it, and only once."""
    transition(run_id, from_statuses=[RunStatus.RUNNING], to=status, attempt=attempt, **fields)


def _watch_for_cancel(run_id, cancel_event: threading.Event, done: threading.Event) -> None:
    """Cancellation is a database state; poll it and tell the sandbox to kill the job."""
    close_old_connections()
    try:
        while not done.wait(settings.QH_RUN_CANCEL_POLL_SECONDS):
            status = Run.objects.filter(pk=run_id).values_list("status", flat=True).first()
            if status != RunStatus.RUNNING:
                cancel_event.set()
                return
    finally:
        close_old_connections()


def execute_claimed_run(run: Run, attempt: int) -> None:
    cancel_event, done = threading.Event(), threading.Event()
    watcher = threading.Thread(target=_watch_for_cancel, args=(run.id, cancel_event, done), daemon=True)
    watcher.start()
    started = time.monotonic()
    try:
        outcome = engine.execute_version(run=run, timeout_s=settings.QH_RUN_TIMEOUT_SECONDS, cancel_event=cancel_event)
    except engine.QuantumError as exc:
        if exc.error_class != "cancelled":
            _finish(run.id, attempt, status=RunStatus.FAILED, error_message=str(exc), error_class=exc.error_class)
        return
    except Exception as exc:  # an engine bug must still end the run, with a clear class
        logger.exception("Run %s failed inside the platform", run.id)
        _finish(
            run.id,
            attempt,
            status=RunStatus.FAILED,
            error_class="internal_error",
            error_message=f"Internal error while executing the run ({exc.__class__.__name__}).",
        )
        return
    finally:
        done.set()
    metrics = dict(outcome.get("metrics") or {})
    if run.queued_at and run.started_at:
        metrics["queue_time_ms"] = round((run.started_at - run.queued_at).total_seconds() * 1000, 3)
    metrics["wall_time_ms"] = round((time.monotonic() - started) * 1000, 3)
    _finish(run.id, attempt, status=RunStatus.COMPLETED, results=outcome.get("results"), metrics=metrics)


def execute_run(run_id, *, redelivered: bool = False) -> None:
    claimed = run_claim(run_id, allow_reclaim=redelivered)
    if claimed is None:
        return  # already running elsewhere, finished or cancelled: nothing to do twice
    execute_claimed_run(*claimed)
