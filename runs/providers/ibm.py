"""IBM Quantum through qiskit-ibm-runtime's Sampler (V2 primitives).

Real mode: QiskitRuntimeService(channel=QH_IBM_CHANNEL, token, instance). Local testing mode: the SDK's own
local testing mode (SamplerV2 on a fake device, run on Aer), with jobs kept in this process.
"""

from __future__ import annotations

import logging
import time
import warnings
from typing import Any

from django.conf import settings

from quantum.errors import BackendUnavailable, ResourceLimit
from runs.providers.base import (
    CANCELLED,
    COMPLETED,
    FAILED,
    QUEUED,
    RUNNING,
    Adapter,
    JobState,
    Secret,
    Submission,
    installed,
)

logger = logging.getLogger(__name__)
STATES = {
    "INITIALIZING": QUEUED,
    "QUEUED": QUEUED,
    "VALIDATING": QUEUED,
    "RUNNING": RUNNING,
    "DONE": COMPLETED,
    "ERROR": FAILED,
    "CANCELLED": CANCELLED,
}
_local_jobs: dict[str, Any] = {}


def local_backend(device: str) -> Any:
    """The fake device standing in for `device` in local testing mode (fake_<name>; FakeManilaV2 otherwise)."""
    from qiskit_ibm_runtime.fake_provider import FakeManilaV2, FakeProviderForBackendV2

    wanted = "fake_" + device.removeprefix("ibm_")
    for backend in FakeProviderForBackendV2().backends():
        if backend.name == wanted:
            return backend
    return FakeManilaV2()


def _unavailable(action: str, error: Exception) -> BackendUnavailable:
    detail = str(error).strip().splitlines()[0][:300] if str(error).strip() else type(error).__name__
    return BackendUnavailable(
        f"IBM Quantum could not {action}: {detail}. Check the credentials set for this "
        "provider (token and instance) and that the server can reach IBM Quantum"
    )


class IBMAdapter(Adapter):
    provider = "ibm"
    label = "IBM Quantum"
    sdk = "qiskit-ibm-runtime"

    def installed(self) -> bool:
        return installed("qiskit_ibm_runtime")

    def check_secret(self, secret: Secret) -> None:
        if len(secret.token) < 8:
            raise ValueError("token must be your IBM Quantum API key.")

    def _service(self, secret: Secret) -> Any:
        from qiskit_ibm_runtime import QiskitRuntimeService

        try:
            return QiskitRuntimeService(
                channel=settings.QH_IBM_CHANNEL, token=secret.token, instance=secret.instance or None
            )
        except Exception as error:
            raise _unavailable("accept the credentials", error) from error

    def _backend(self, secret: Secret, device: str, qubits: int) -> Any:
        if settings.QH_HARDWARE_LOCAL_TESTING:
            return local_backend(device)
        service = self._service(secret)
        try:
            if device:
                return service.backend(device)
            return service.least_busy(operational=True, simulator=False, min_num_qubits=qubits)
        except Exception as error:
            raise _unavailable(f"find the device {device or '(least busy)'}", error) from error

    def submit(self, *, secret: Secret, device: str, circuit: Any, shots: int) -> Submission:
        from qiskit.transpiler import generate_preset_pass_manager
        from qiskit_ibm_runtime import SamplerV2

        backend = self._backend(secret, device, circuit.num_qubits)
        if circuit.num_qubits > backend.num_qubits:
            raise ResourceLimit(
                f"the circuit uses {circuit.num_qubits} qubits but {backend.name} has {backend.num_qubits}"
            )
        started = time.monotonic()
        isa = generate_preset_pass_manager(optimization_level=1, backend=backend).run(circuit)
        transpiled_ms = round((time.monotonic() - started) * 1000, 3)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)  # SamplerV2 stays until its replacement is final
                job = SamplerV2(mode=backend).run([isa], shots=shots)
        except Exception as error:
            raise _unavailable("accept the job", error) from error
        if settings.QH_HARDWARE_LOCAL_TESTING:
            _local_jobs[job.job_id()] = job
        metrics = {
            "transpilation_time_ms": transpiled_ms,
            "qubits": circuit.num_qubits,
            "depth": isa.depth(),
            "device": backend.name,
            "provider": self.provider,
        }
        return Submission(job_id=job.job_id(), metrics=metrics)

    def _job(self, secret: Secret, job_id: str) -> Any:
        if settings.QH_HARDWARE_LOCAL_TESTING:
            job = _local_jobs.get(job_id)
            if job is None:
                raise BackendUnavailable(f"the local test job {job_id} is not in this process")
            return job
        service = self._service(secret)
        try:
            return service.job(job_id)
        except Exception as error:
            raise _unavailable(f"find the job {job_id}", error) from error

    def poll(self, *, secret: Secret, job_id: str, readout: list[int] | None = None) -> JobState:
        job = self._job(secret, job_id)
        try:
            raw = job.status()
        except Exception as error:
            raise _unavailable("report the job's status", error) from error
        name = str(getattr(raw, "name", raw)).upper()
        state = JobState(status=STATES.get(name, QUEUED), provider_status=name)
        if state.status == COMPLETED:
            self._collect(job, state)
        elif state.status == FAILED:
            state.error_message = f"IBM Quantum reported the job failed: {_error_message(job)}"
        elif state.status == CANCELLED:
            state.error_message, state.error_class = "The job was cancelled at IBM Quantum.", "cancelled"
        return state

    def _collect(self, job: Any, state: JobState) -> None:
        result = job.result()
        state.counts = {key: int(value) for key, value in result[0].join_data().get_counts().items()}
        try:
            usage = (job.metrics() or {}).get("usage") or {}
        except Exception:  # local jobs and older services have no metrics; counts are what matters
            usage = {}
        if usage.get("quantum_seconds") is not None:
            state.metrics["execution_time_ms"] = round(float(usage["quantum_seconds"]) * 1000, 3)

    def cancel(self, *, secret: Secret, job_id: str) -> None:
        job = self._job(secret, job_id)
        try:
            job.cancel()
        except Exception as error:
            raise _unavailable(f"cancel the job {job_id}", error) from error


def _error_message(job: Any) -> str:
    try:
        return str(job.error_message() or "no reason given")[:500]
    except Exception:
        return "no reason given"
