"""The worker side of hardware runs: submit a claimed run, poll the provider, cancel its job.

The user's code runs only in the sandbox: it exports the bound circuit (QPY, data); the worker loads it and hands
it to the provider's SDK. A submitted run stays `running` with its provider_job_id until runs.poll_hardware sees
the provider finish it, and then ends through transition() like any run.
"""

import io
import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from quantum.errors import BackendUnavailable, InternalError, QuantumError
from runs import engine, events, providers
from runs.execution import _finish, _retry, _watch
from runs.models import Run, RunStatus
from runs.providers import base
from runs.providers.crypto import CredentialsUnreadable
from runs.providers.models import HardwareJob
from runs.providers.services import credential_for, secret_of
from runs.services import transition

logger = logging.getLogger(__name__)


def submit_claimed_run(run: Run, attempt: int) -> None:
    cancel_event, done = threading.Event(), threading.Event()
    watcher = threading.Thread(target=_watch, args=(run.id, attempt, cancel_event, done), daemon=True)
    watcher.start()
    try:
        _submit(run, attempt, cancel_event)
    except QuantumError as exc:
        if exc.error_class == "internal_error" and attempt < settings.QH_RUN_MAX_ATTEMPTS:
            _retry(run.id, attempt, reason=str(exc))  # the sandbox failed before anything reached the provider
        elif exc.error_class != "cancelled":
            _finish(run.id, attempt, status=RunStatus.FAILED, error_message=str(exc), error_class=exc.error_class)
    except Exception as exc:
        logger.exception("Hardware run %s failed inside the platform", run.id)
        _finish(
            run.id,
            attempt,
            status=RunStatus.FAILED,
            error_class="internal_error",
            error_message=f"Internal error while submitting the run ({exc.__class__.__name__}).",
        )
    finally:
        done.set()
        watcher.join(timeout=settings.QH_RUN_CANCEL_POLL_SECONDS * 4)


def _target(run: Run) -> tuple[str, str]:
    from quantum import backends

    spec = backends.spec(run.backend_name)
    provider = providers.provider_of(spec) if spec else None
    if spec is None or provider is None:
        raise BackendUnavailable(f"{run.backend_name} is not a hardware backend of this server")
    return provider, spec.get("option", "")


def _secret(run: Run, provider: str):
    credential = credential_for(user=run.user, provider=provider, prefer_organization_id=run.circuit.organization_id)
    if credential is None:
        raise BackendUnavailable(f"no {provider} credentials are set for you or your organizations any more")
    try:
        return credential, secret_of(credential)
    except CredentialsUnreadable as exc:
        raise BackendUnavailable(
            f"the {provider} credentials cannot be decrypted on this server: set them again"
        ) from exc


def _export(run: Run, cancel_event: threading.Event):
    from qiskit import qpy

    from quantum import api as quantum_api

    version = run.circuit_version
    data = quantum_api.export_circuit(
        files=engine.version_files(version),
        framework=run.circuit.framework,
        entry_point=version.entry_point or None,
        entry_function=(version.manifest or {}).get("execution", {}).get("entry_function"),
        parameters=run.parameters or {},
        fmt="qpy",
        timeout_s=settings.QH_RUN_TIMEOUT_SECONDS,
        cancel_event=cancel_event,
    )
    try:
        return qpy.load(io.BytesIO(data))[0]
    except Exception as exc:
        raise InternalError(f"the exported circuit could not be read ({exc.__class__.__name__})") from exc


def _submit(run: Run, attempt: int, cancel_event: threading.Event) -> None:
    provider, device = _target(run)
    adapter = providers.adapter(provider)
    if not adapter.installed():
        raise BackendUnavailable(f"{adapter.label} is not installed on this server (it needs {adapter.sdk})")
    credential, secret = _secret(run, provider)
    circuit = _export(run, cancel_event)
    submission = adapter.submit(secret=secret, device=device, circuit=circuit, shots=run.shots)
    now = timezone.now()
    with transaction.atomic():
        recorded = Run.objects.filter(pk=run.id, status=RunStatus.RUNNING, attempts=attempt).update(
            provider_job_id=submission.job_id, metrics=submission.metrics, heartbeat_at=now, updated_at=now
        )
        if recorded:
            HardwareJob.objects.update_or_create(
                run_id=run.id,
                defaults={
                    "provider": provider,
                    "device": device,
                    "credential": credential,
                    "submitted_at": now,
                    "readout": submission.readout,
                    "provider_status": "SUBMITTED",
                    "poll_failures": 0,
                },
            )
    if not recorded:  # cancelled (or taken over) while submitting: the provider job must not run on
        _cancel_quietly(adapter, secret, submission.job_id)
        return
    events.publish(Run.objects.get(pk=run.id))


def _cancel_quietly(adapter: base.Adapter, secret: base.Secret, job_id: str) -> bool:
    try:
        adapter.cancel(secret=secret, job_id=job_id)
    except Exception:
        logger.warning("Could not cancel provider job %s at %s", job_id, adapter.label, exc_info=True)
        return False
    return True


def hardware_job_cancel(*, run: Run) -> bool:
    """Cancel the provider's job of a (just cancelled) hardware run; False when there is none or it failed."""
    job = HardwareJob.objects.select_related("credential").filter(run_id=run.id).first()
    if job is None or job.credential is None or not run.provider_job_id:
        return False
    try:
        secret = secret_of(job.credential)
    except CredentialsUnreadable:
        return False
    return _cancel_quietly(providers.adapter(job.provider), secret, run.provider_job_id)


def hardware_runs_poll() -> dict:
    """Ask each provider about every submitted, still running hardware run; finish those it finished."""
    jobs = (
        HardwareJob.objects.select_related("run", "credential")
        .filter(run__status=RunStatus.RUNNING)
        .exclude(run__provider_job_id="")
    )
    outcome = {"polled": 0, "finished": 0}
    for job in jobs:
        outcome["polled"] += 1
        outcome["finished"] += int(_poll_one(job))
    return outcome


def _poll_one(job: HardwareJob) -> bool:
    run = job.run
    if run.started_at and timezone.now() - run.started_at > timedelta(seconds=settings.QH_HARDWARE_RUN_TIMEOUT_SECONDS):
        return _expire(job)
    try:
        if job.credential is None:
            raise BackendUnavailable(f"the {job.provider} credentials that submitted this run were removed")
        state = providers.adapter(job.provider).poll(
            secret=secret_of(job.credential), job_id=run.provider_job_id, readout=job.readout
        )
    except (QuantumError, CredentialsUnreadable) as exc:
        return _poll_failed(job, exc)
    except Exception as exc:
        logger.exception("Polling %s job %s failed", job.provider, run.provider_job_id)
        return _poll_failed(job, InternalError(f"polling the provider failed ({exc.__class__.__name__})"))
    HardwareJob.objects.filter(pk=job.pk).update(
        polled_at=timezone.now(), provider_status=state.provider_status, poll_failures=0
    )
    return _apply(run, state)


def _expire(job: HardwareJob) -> bool:
    """A provider job that never finishes must not keep its run running forever: fail it, cancel the job."""
    hours = settings.QH_HARDWARE_RUN_TIMEOUT_SECONDS / 3600
    message = f"The provider did not finish the job within {hours:g} h; it was cancelled."
    ended = _end(job.run, RunStatus.FAILED, error_class="backend_timeout", error_message=message)
    if ended:
        hardware_job_cancel(run=job.run)
    return ended


def _poll_failed(job: HardwareJob, exc: Exception) -> bool:
    failures = job.poll_failures + 1
    HardwareJob.objects.filter(pk=job.pk).update(polled_at=timezone.now(), poll_failures=failures)
    permanent = job.credential is None or isinstance(exc, CredentialsUnreadable)
    if not permanent and failures < settings.QH_HARDWARE_POLL_MAX_FAILURES:
        return False
    error_class = getattr(exc, "error_class", "backend_unavailable")
    message = f"Lost track of the provider job after {failures} failed status checks: {exc}"
    return _end(job.run, RunStatus.FAILED, error_class=error_class, error_message=message)


def _apply(run: Run, state: base.JobState) -> bool:
    if state.status == base.COMPLETED:
        metrics = {**(run.metrics or {}), **state.metrics, "shots": run.shots, "backend": run.backend_name}
        if "execution_time_ms" in metrics:
            metrics["execution_time"] = round(metrics["execution_time_ms"] / 1000, 6)
        if run.started_at:
            metrics["wall_time_ms"] = round((timezone.now() - run.started_at).total_seconds() * 1000, 3)
        results = {"counts": state.counts or {}, "statevector": None}
        return _end(run, RunStatus.COMPLETED, results=results, metrics=metrics)
    if state.status == base.FAILED:
        return _end(run, RunStatus.FAILED, error_class=state.error_class, error_message=state.error_message)
    if state.status == base.CANCELLED:
        return _end(run, RunStatus.CANCELLED, error_class="cancelled", error_message=state.error_message)
    return False


def _end(run: Run, status: str, **fields) -> bool:
    return transition(run.id, from_statuses=[RunStatus.RUNNING], to=status, **fields) is not None
