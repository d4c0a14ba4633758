"""The shape of a suite definition."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SIMULATOR = "qiskit_aer"
DEFAULT_EMULATORS = ("fake_kolkata", "fake_sherbrooke", "fake_torino")


@dataclass(frozen=True)
class CircuitSpec:
    name: str
    title: str
    qasm: str  # OpenQASM 2, no measurements: every qubit is measured (qubit 0 = rightmost bit)


@dataclass(frozen=True)
class ProblemSpec:
    name: str
    title: str
    family: str
    qubits: int
    circuits: tuple[CircuitSpec, ...]
    params: dict[str, Any] = field(default_factory=dict)
    headline: bool = False


@dataclass(frozen=True)
class SuiteSpec:
    name: str
    version: int
    title: str
    description: str
    problems: tuple[ProblemSpec, ...]
    metric: str = "normalized_fidelity"
    backends: tuple[str, ...] = (SIMULATOR, *DEFAULT_EMULATORS)
    shots: int = 1024

    @property
    def key(self) -> str:
        return f"{self.name}-v{self.version}"


def qasm_of(circuit: Any) -> str:
    from qiskit import qasm2

    return qasm2.dumps(circuit)
