"""What every hardware provider adapter offers, and the shapes it answers with.

Adapters run in the worker (never in the sandbox) on a Qiskit circuit deserialized from the sandbox's export.
They raise quantum.errors.BackendUnavailable when the provider cannot be reached or refuses the credentials,
and ResourceLimit when the circuit does not fit the device.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED = "queued", "running", "completed", "failed", "cancelled"


@dataclass(frozen=True)
class Secret:
    token: str
    instance: str = ""


@dataclass
class Submission:
    job_id: str
    readout: list[int] | None = None  # qubit measured into each classical bit, when the provider needs it back
    metrics: dict[str, Any] = field(default_factory=dict)


@dataclass
class JobState:
    status: str  # QUEUED | RUNNING | COMPLETED | FAILED | CANCELLED
    provider_status: str = ""
    counts: dict[str, int] | None = None
    metrics: dict[str, Any] = field(default_factory=dict)
    error_message: str = ""
    error_class: str = "backend_error"


class Adapter:
    provider = ""
    label = ""
    sdk = ""  # the pip package the adapter needs

    def installed(self) -> bool:
        raise NotImplementedError

    def check_secret(self, secret: Secret) -> None:
        """Raise ValueError with a readable message when the credentials are malformed (no network call)."""

    def submit(self, *, secret: Secret, device: str, circuit: Any, shots: int) -> Submission:
        raise NotImplementedError

    def poll(self, *, secret: Secret, job_id: str, readout: list[int] | None) -> JobState:
        raise NotImplementedError

    def cancel(self, *, secret: Secret, job_id: str) -> None:
        raise NotImplementedError


def installed(module: str) -> bool:
    """Whether an SDK is importable, without importing it (Braket's simulator pulls numba: seconds)."""
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:
        return False


def local_testing() -> bool:
    """QH_HARDWARE_LOCAL_TESTING: adapters use the providers' own local backends instead of the network
    (IBM's fake devices on Aer, Braket's LocalSimulator); jobs live in the process that submitted them."""
    return bool(settings.QH_HARDWARE_LOCAL_TESTING)


def measured_clbits(circuit: Any) -> dict[int, int]:
    """Classical bit index -> the qubit measured into it (the last measurement wins)."""
    readout = {}
    for instruction in circuit.data:
        if instruction.operation.name == "measure":
            clbit = circuit.find_bit(instruction.clbits[0]).index
            readout[clbit] = circuit.find_bit(instruction.qubits[0]).index
    return readout
