"""Run on Cirq's simulator; counts in Qiskit order (the first measured bit rightmost)."""

from __future__ import annotations

import time
from typing import Any

from quantum.execution import results


def _measured(circuit: Any) -> Any:
    import cirq

    if circuit.has_measurements():
        return circuit
    return circuit + cirq.Circuit(cirq.measure(*sorted(circuit.all_qubits()), key="m"))


def _key_order(circuit: Any) -> list[str]:
    import cirq

    keys: list[str] = []
    for operation in circuit.all_operations():
        if cirq.is_measurement(operation):
            for key in cirq.measurement_key_names(operation):
                if key not in keys:
                    keys.append(key)
    if all(key.startswith("c") and key[1:].isdigit() for key in keys):
        keys.sort(key=lambda key: int(key[1:]))
    return keys


def run(circuit: Any, *, shots: int, seed: int | None) -> tuple[dict[str, int], float, Any]:
    import cirq

    circuit = _measured(circuit)
    started = time.perf_counter()
    result = cirq.Simulator(seed=seed).run(circuit, repetitions=shots)
    elapsed = time.perf_counter() - started
    keys = _key_order(circuit)
    return _counts([result.measurements[key] for key in keys]), elapsed, circuit


def _counts(columns: list[Any]) -> dict[str, int]:
    import numpy as np

    rows, frequencies = np.unique(np.hstack(columns).astype(np.uint8), axis=0, return_counts=True)
    return {"".join(map(str, row))[::-1]: int(count) for row, count in zip(rows, frequencies)}


def statevector(circuit: Any) -> Any:
    import cirq

    qubits = sorted(circuit.all_qubits())
    plain = cirq.drop_terminal_measurements(circuit) if circuit.has_measurements() else circuit
    state = cirq.Simulator().simulate(plain, qubit_order=qubits).final_state_vector
    return results.big_endian_to_qiskit(state, len(qubits))
