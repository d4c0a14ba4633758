"""Amazon Braket through the amazon-braket-sdk.

Credentials: token is "<AWS access key id>:<AWS secret access key>", instance the AWS region used when the device
ARN names none (default us-east-1). Results land in the account's default Braket bucket. Local testing mode runs
on the SDK's LocalSimulator, with tasks kept in this process.
"""

from __future__ import annotations

import re
import time
from typing import Any

from django.conf import settings

from quantum.errors import BackendUnavailable, ParseError, ResourceLimit
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
    measured_clbits,
)

STATES = {
    "CREATED": QUEUED,
    "QUEUED": QUEUED,
    "RUNNING": RUNNING,
    "COMPLETED": COMPLETED,
    "FAILED": FAILED,
    "CANCELLING": RUNNING,
    "CANCELLED": CANCELLED,
}
GATES = {
    "h": "h",
    "x": "x",
    "y": "y",
    "z": "z",
    "s": "s",
    "sdg": "si",
    "t": "t",
    "tdg": "ti",
    "sx": "v",
    "sxdg": "vi",
    "rx": "rx",
    "ry": "ry",
    "rz": "rz",
    "p": "phaseshift",
    "cx": "cnot",
    "cy": "cy",
    "cz": "cz",
    "swap": "swap",
    "ccx": "ccnot",
    "cp": "cphaseshift",
}
_local_tasks: dict[str, Any] = {}


def _unavailable(action: str, error: Exception) -> BackendUnavailable:
    detail = str(error).strip().splitlines()[0][:300] if str(error).strip() else type(error).__name__
    return BackendUnavailable(
        f"Amazon Braket could not {action}: {detail}. Check the credentials set for this "
        "provider (access key id:secret access key, region) and that the server can reach AWS"
    )


def braket_circuit(circuit: Any) -> tuple[Any, list[int]]:
    """A Braket circuit from a Qiskit one, and the qubit measured into each classical bit (final measurements)."""
    from braket.circuits import Circuit
    from qiskit import transpile

    try:
        basic = transpile(circuit, basis_gates=[*GATES, "measure"], optimization_level=0)
    except Exception as error:
        raise ParseError(f"the circuit's gates cannot be converted for Amazon Braket: {error}") from error
    out, measured = Circuit(), set()
    for instruction in basic.data:
        name = instruction.operation.name
        qubits = [basic.find_bit(qubit).index for qubit in instruction.qubits]
        if name == "barrier":
            continue
        if name == "measure":
            measured.update(qubits)
            continue
        if measured.intersection(qubits):
            raise ParseError("Amazon Braket runs measure at the end: the circuit uses a qubit after measuring it")
        getattr(out, GATES[name])(*qubits, *[float(angle) for angle in instruction.operation.params])
    readout = measured_clbits(basic)
    out.measure(sorted(set(readout.values())))
    return out, [readout.get(clbit, -1) for clbit in range(basic.num_clbits)]


def qiskit_counts(measurement_counts: dict[str, int], measured_qubits: list[int], readout: list[int]) -> dict:
    """Braket bitstrings (measured_qubits order, left to right) as Qiskit's (classical bit 0 rightmost)."""
    position = {qubit: index for index, qubit in enumerate(measured_qubits)}
    counts: dict[str, int] = {}
    for bits, count in measurement_counts.items():
        key = "".join(bits[position[q]] if q in position else "0" for q in reversed(readout))
        counts[key] = counts.get(key, 0) + int(count)
    return counts


class BraketAdapter(Adapter):
    provider = "braket"
    label = "Amazon Braket"
    sdk = "amazon-braket-sdk"

    def installed(self) -> bool:
        return installed("braket.devices")

    def check_secret(self, secret: Secret) -> None:
        key_id, _, secret_key = secret.token.partition(":")
        if not key_id or not secret_key:
            raise ValueError("token must be '<AWS access key id>:<AWS secret access key>'.")
        if secret.instance and not re.fullmatch(r"[a-z]{2}(-[a-z]+)+-\d", secret.instance):
            raise ValueError("instance must be an AWS region, e.g. us-east-1.")

    def _session(self, secret: Secret, arn: str = "") -> Any:
        import boto3
        from braket.aws import AwsSession

        key_id, _, secret_key = secret.token.partition(":")
        region = arn.split(":")[3] if arn.count(":") >= 3 and arn.split(":")[3] else ""
        try:
            boto = boto3.Session(
                aws_access_key_id=key_id,
                aws_secret_access_key=secret_key,
                region_name=region or secret.instance or "us-east-1",
            )
            return AwsSession(boto_session=boto)
        except Exception as error:
            raise _unavailable("open a session", error) from error

    def submit(self, *, secret: Secret, device: str, circuit: Any, shots: int) -> Submission:
        program, readout = braket_circuit(circuit)
        started = time.monotonic()
        if settings.QH_HARDWARE_LOCAL_TESTING:
            from braket.devices import LocalSimulator

            task = LocalSimulator().run(program, shots=shots)
            _local_tasks[task.id] = task
        else:
            task = self._run_on_aws(secret, device, program, shots)
        metrics = {
            "qubits": circuit.num_qubits,
            "depth": program.depth,
            "device": device or "local",
            "provider": self.provider,
            "submit_time_ms": round((time.monotonic() - started) * 1000, 3),
        }
        return Submission(job_id=task.id, readout=readout, metrics=metrics)

    def _run_on_aws(self, secret: Secret, arn: str, program: Any, shots: int) -> Any:
        from braket.aws import AwsDevice

        session = self._session(secret, arn)
        try:
            device = AwsDevice(arn, aws_session=session)
        except Exception as error:
            raise _unavailable(f"find the device {arn}", error) from error
        qubits = (
            getattr(device.properties.paradigm, "qubitCount", None) if hasattr(device.properties, "paradigm") else None
        )
        if qubits and program.qubit_count > qubits:
            raise ResourceLimit(f"the circuit uses {program.qubit_count} qubits but {device.name} has {qubits}")
        try:
            return device.run(program, shots=shots)
        except Exception as error:
            raise _unavailable("accept the task", error) from error

    def _task(self, secret: Secret, job_id: str) -> Any:
        if settings.QH_HARDWARE_LOCAL_TESTING:
            task = _local_tasks.get(job_id)
            if task is None:
                raise BackendUnavailable(f"the local test task {job_id} is not in this process")
            return task
        from braket.aws import AwsQuantumTask

        try:
            return AwsQuantumTask(job_id, aws_session=self._session(secret, job_id))
        except Exception as error:
            raise _unavailable(f"find the task {job_id}", error) from error

    def poll(self, *, secret: Secret, job_id: str, readout: list[int] | None = None) -> JobState:
        task = self._task(secret, job_id)
        try:
            name = str(task.state()).upper()
        except Exception as error:
            raise _unavailable("report the task's state", error) from error
        state = JobState(status=STATES.get(name, QUEUED), provider_status=name)
        if state.status == COMPLETED:
            result = task.result()
            state.counts = qiskit_counts(
                dict(result.measurement_counts), list(result.measured_qubits), readout or list(result.measured_qubits)
            )
        elif state.status == FAILED:
            reason = _failure_reason(task)
            state.error_message = f"Amazon Braket reported the task failed: {reason or 'no reason given'}"
        elif state.status == CANCELLED:
            state.error_message, state.error_class = "The task was cancelled at Amazon Braket.", "cancelled"
        return state

    def cancel(self, *, secret: Secret, job_id: str) -> None:
        task = self._task(secret, job_id)
        if settings.QH_HARDWARE_LOCAL_TESTING:
            return  # the local simulator finishes tasks as it runs them: nothing left to cancel
        try:
            task.cancel()
        except Exception as error:
            raise _unavailable(f"cancel the task {job_id}", error) from error


def _failure_reason(task: Any) -> str | None:
    try:
        return (task.metadata() or {}).get("failureReason")
    except Exception:  # the reason is a courtesy: the state already says the task failed
        return None
