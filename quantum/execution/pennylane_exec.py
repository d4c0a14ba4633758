"""Run on PennyLane devices: a PennyLane program natively, or any circuit converted to PennyLane operations."""

from __future__ import annotations

import time
from typing import Any

from quantum.execution import results


def run_program(program: Any, *, device_name: str, shots: int) -> dict[str, Any]:
    """A user's PennyLane circuit on device_name. A QNode's own shots win over the run's (as the hosted service does)."""
    import pennylane as qml

    tape = program.tape()
    used_shots = program.qnode_shots() or shots
    qnode = qml.QNode(program.quantum_function, qml.device(device_name, wires=tape.wires), shots=used_shots)
    started = time.perf_counter()
    value = qnode(**program.arguments)
    elapsed = time.perf_counter() - started
    return {
        "value": value,
        "elapsed": elapsed,
        "shots": used_shots,
        "qubits": len(tape.wires),
        "depth": tape.graph.get_depth(),
        "wires": list(tape.wires),
    }


def program_outcome(value: Any) -> dict[str, Any]:
    """results fields for a returned value: counts when it is a counts dict, expectation values when numbers."""
    outcome: dict[str, Any] = {"pennylane_result": results.jsonable(value), "counts": {}}
    if isinstance(value, dict) and all(isinstance(k, str) and set(k) <= {"0", "1"} for k in map(str, value)):
        outcome["counts"] = results.reversed_counts(value)
    else:
        try:
            import numpy as np

            outcome["expectation_values"] = [float(x) for x in np.atleast_1d(np.asarray(value, dtype=float)).ravel()]
        except (TypeError, ValueError):
            pass
    return outcome


def run_operations(
    ops: list[tuple[str, list[int], list[float]]], qubits: int, *, device_name: str, shots: int
) -> tuple[dict[str, int], float]:
    """Converted gates on device_name, every qubit measured at the end; counts in Qiskit order."""
    import pennylane as qml

    from quantum.convert_targets import pennylane_operations

    def circuit() -> Any:
        pennylane_operations(ops)  # creating an operation inside a quantum function queues it
        return qml.counts(wires=range(qubits))

    qnode = qml.QNode(circuit, qml.device(device_name, wires=qubits), shots=shots)
    started = time.perf_counter()
    counts = qnode()
    return results.reversed_counts(counts), time.perf_counter() - started


def statevector(program: Any) -> Any:
    import pennylane as qml

    tape = program.tape()

    def circuit() -> Any:
        for operation in tape.operations:
            qml.apply(operation)
        return qml.state()

    state = qml.QNode(circuit, qml.device("default.qubit", wires=tape.wires))()
    return results.big_endian_to_qiskit(state, len(tape.wires))
