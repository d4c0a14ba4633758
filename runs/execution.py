"""What a worker does with one run: claim it, execute it in the sandbox, record the outcome exactly once."""

import logging
import socket
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections
from django.db.models import F, Q
from django.utils import timezone

from runs import engine, hooks
from runs.models import BackendType, Run, RunStatus
from runs.services import transition

logger = logging.getLogger(__name__)
WORKER_NAME = f"{socket.gethostname()}:{threading.get_native_id()}"


def run_claim(run_id) -> tuple[Run, int] | None:
    """pending/queued -> running; or running -> running when the worker that had it stopped beating (died)."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.QH_RUN_HEARTBEAT_STALE_SECONDS)
    # A submitted hardware run is never reclaimed: runs.poll_hardware follows its provider job instead.
    claimable = Q(status__in=[RunStatus.PENDING, RunStatus.QUEUED]) | Q(
        status=RunStatus.RUNNING, heartbeat_at__lt=stale, provider_job_id=""
    )
    claimed = Run.objects.filter(claimable, pk=run_id).update(
        status=RunStatus.RUNNING,
        started_at=now,
        heartbeat_at=now,
        updated_at=now,
        attempts=F("attempts") + 1,
        worker=WORKER_NAME,
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


def _retry(run_id, attempt: int, *, reason: str) -> None:
    """The platform, not the user's code, failed (e.g. a broken sandbox zygote): queue the run again."""
    logger.warning("Run %s attempt %d hit a platform error, queueing it again: %s", run_id, attempt, reason)
    if transition(run_id, from_statuses=[RunStatus.RUNNING], to=RunStatus.QUEUED, attempt=attempt) is not None:
        from runs.services import redispatch

        redispatch(run_id)


def _watch(run_id, attempt: int, cancel_event: threading.Event, done: threading.Event) -> None:
    """Beat while the job runs (so a dead worker's run can be reclaimed), and turn a cancellation,
    which is a database state, into killing the sandboxed job."""
    close_old_connections()
    last_beat = time.monotonic()
    try:
        while not done.wait(settings.QH_RUN_CANCEL_POLL_SECONDS):
            mine = Run.objects.filter(pk=run_id, status=RunStatus.RUNNING, attempts=attempt)
            try:
                if time.monotonic() - last_beat >= settings.QH_RUN_HEARTBEAT_SECONDS:
                    still_mine = mine.update(heartbeat_at=timezone.now())
                    last_beat = time.monotonic()
                else:
                    still_mine = mine.exists()
            except DatabaseError as exc:  # a busy or briefly unreachable database: keep the job, ask again later
                logger.warning("Run %s watcher could not reach the database: %s", run_id, exc)
                close_old_connections()
                continue
            if not still_mine:
                cancel_event.set()
                return
    finally:
        close_old_connections()


def execute_claimed_run(run: Run, attempt: int) -> None:
    cancel_event, done = threading.Event(), threading.Event()
    watcher = threading.Thread(target=_watch, args=(run.id, attempt, cancel_event, done), daemon=True)
    watcher.start()
    started = time.monotonic()
    try:
        outcome = engine.execute_version(run=run, timeout_s=settings.QH_RUN_TIMEOUT_SECONDS, cancel_event=cancel_event)
    except engine.QuantumError as exc:
        if exc.error_class == "internal_error" and attempt < settings.QH_RUN_MAX_ATTEMPTS:
            _retry(run.id, attempt, reason=str(exc))
        elif exc.error_class != "cancelled":
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
    hooks.run_finished(run.id)


def execute_run(run_id) -> None:
    claimed = run_claim(run_id)
    if claimed is None:
        return  # already running elsewhere, finished or cancelled: nothing to do twice
    if claimed[0].backend_type == BackendType.HARDWARE:
        from runs.providers.execution import submit_claimed_run

        submit_claimed_run(*claimed)  # submitted to the provider; runs.poll_hardware finishes it
        return
    execute_claimed_run(*claimed)
