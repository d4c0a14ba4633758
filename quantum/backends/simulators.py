"""The simulators we run ourselves: fixed entries, no computation needed."""

from __future__ import annotations

from typing import Any

AER_BASIS = [
    "h",
    "x",
    "y",
    "z",
    "s",
    "sdg",
    "t",
    "tdg",
    "sx",
    "rx",
    "ry",
    "rz",
    "p",
    "u",
    "cx",
    "cz",
    "swap",
    "ccx",
    "measure",
]


def _simulator(
    backend_id: str, name: str, provider: str, qubits: int, engine: str, option: str, description: str
) -> dict[str, Any]:
    return {
        "id": backend_id,
        "name": name,
        "type": "simulation",
        "provider": provider,
        "qubits": qubits,
        "basis_gates": AER_BASIS,
        "coupling_map": None,
        "status": "available",
        "description": description,
        "engine": engine,
        "option": option,
    }


SIMULATORS: list[dict[str, Any]] = [
    _simulator(
        "qiskit_aer",
        "Qiskit Aer (automatic)",
        "qiskit",
        28,
        "aer",
        "automatic",
        "Aer picks the method per circuit: statevector, stabilizer, matrix product state, ...",
    ),
    _simulator(
        "aer_statevector", "Aer statevector", "qiskit", 28, "aer", "statevector", "Exact statevector simulation."
    ),
    _simulator(
        "aer_mps",
        "Aer matrix product state",
        "qiskit",
        100,
        "aer",
        "matrix_product_state",
        "Matrix product state simulation: many qubits when entanglement stays low.",
    ),
    _simulator(
        "aer_density_matrix",
        "Aer density matrix",
        "qiskit",
        14,
        "aer",
        "density_matrix",
        "Density matrix simulation (mixed states, noise).",
    ),
    _simulator(
        "pennylane_default",
        "PennyLane default.qubit",
        "pennylane",
        24,
        "pennylane",
        "default.qubit",
        "PennyLane's reference simulator.",
    ),
    _simulator(
        "pennylane_lightning",
        "PennyLane lightning.qubit",
        "pennylane",
        26,
        "pennylane",
        "lightning.qubit",
        "PennyLane's fast C++ statevector simulator.",
    ),
    _simulator(
        "cirq_simulator", "Cirq simulator", "cirq", 24, "cirq", "cirq.Simulator", "Cirq's statevector simulator."
    ),
]

ALIASES = {
    "default.qubit": "pennylane_default",
    "lightning.qubit": "pennylane_lightning",
    "aer": "qiskit_aer",
    "aer_simulator": "qiskit_aer",
    "cirq": "cirq_simulator",
}
