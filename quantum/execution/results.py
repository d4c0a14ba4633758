"""Counts, statevectors and values in one convention.

Counts are bitstrings in Qiskit's order: classical bit 0 (for measure-all circuits, qubit 0) is the RIGHTMOST
character; registers are concatenated without spaces. Statevectors are lists of [real, imag] with qubit 0 the
least significant bit of the index. PennyLane's own return value is kept as it came (wire 0 leftmost).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

MAX_STATEVECTOR_QUBITS = 16


def qiskit_counts(counts: Mapping[str, int]) -> dict[str, int]:
    merged: dict[str, int] = {}
    for key, value in counts.items():
        bits = str(key).replace(" ", "")
        merged[bits] = merged.get(bits, 0) + int(value)
    return merged


def reversed_counts(counts: Mapping[Any, Any]) -> dict[str, int]:
    """PennyLane/Cirq order (first wire leftmost) to Qiskit order."""
    return {str(key)[::-1]: int(value) for key, value in counts.items()}


def statevector_wire(amplitudes: Any) -> list[list[float]]:
    vector = np.asarray(amplitudes, dtype=complex).ravel()
    return [[float(value.real), float(value.imag)] for value in vector]


def big_endian_to_qiskit(amplitudes: Any, qubits: int) -> np.ndarray:
    """Reorder a state whose first qubit is the most significant bit (PennyLane, Cirq) to Qiskit's order."""
    vector = np.asarray(amplitudes, dtype=complex).reshape([2] * qubits) if qubits else np.asarray(amplitudes)
    return vector.transpose(list(reversed(range(qubits)))).ravel() if qubits else vector


def jsonable(value: Any) -> Any:
    """numpy and PennyLane values to plain JSON types."""
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    if isinstance(value, np.ndarray):
        return jsonable(value.tolist())
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return float(value)
    if isinstance(value, (complex, np.complexfloating)):
        return [float(value.real), float(value.imag)]
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    if hasattr(value, "numpy"):
        return jsonable(value.numpy())
    return str(value)


def metrics(
    *, backend: str, shots: int, qubits: int, depth: int, execution_s: float, transpilation_s: float
) -> dict[str, Any]:
    return {
        "execution_time_ms": round(execution_s * 1000, 3),
        "execution_time": round(execution_s, 6),
        "transpilation_time_ms": round(transpilation_s * 1000, 3),
        "qubits": qubits,
        "depth": depth,
        "shots": shots,
        "backend": backend,
    }
