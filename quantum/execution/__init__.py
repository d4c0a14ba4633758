"""Execute a loaded circuit on a backend, whatever framework it came from (converting where the gates allow)."""

from __future__ import annotations

from typing import Any

from quantum import convert
from quantum.errors import BackendUnavailable, ResourceLimit
from quantum.execution import aer, cirq_exec, pennylane_exec, results
from quantum.loading import Loaded


def execute_loaded(
    loaded: Loaded,
    *,
    backend: dict[str, Any],
    shots: int,
    want_statevector: bool,
    seed: int | None = None,
    memory_mb: int | None = None,
) -> dict[str, Any]:
    """backend: the catalogue entry (id, engine, option, qubits). memory_mb: the job's memory limit (Aer sizes its
    method and threads to it). Returns {"results": ..., "metrics": ...}."""
    engine = backend["engine"]
    if engine == "pennylane":
        return _pennylane(loaded, backend, shots, want_statevector)
    if engine == "cirq":
        return _cirq(loaded, backend, shots, want_statevector, seed)
    if engine in ("aer", "aer_noisy"):
        return _aer(loaded, backend, shots, want_statevector, seed, memory_mb or aer.DEFAULT_MEMORY_MB)
    raise BackendUnavailable(f"{backend['id']} cannot run circuits here")


def _check_width(qubits: int, backend: dict[str, Any]) -> None:
    if backend.get("qubits") and qubits > backend["qubits"]:
        raise ResourceLimit(
            f"the circuit uses {qubits} qubits but {backend['id']} supports at most {backend['qubits']}"
        )


def _statevector(want: bool, qubits: int, compute: Any) -> list[list[float]] | None:
    if not want or qubits > results.MAX_STATEVECTOR_QUBITS:
        return None
    return results.statevector_wire(compute())


def _aer(
    loaded: Loaded, backend: dict[str, Any], shots: int, want_sv: bool, seed: int | None, memory_mb: int
) -> dict[str, Any]:
    circuit = convert.to_qiskit(loaded, measure_all=True)
    _unbound_check(circuit)
    _check_width(circuit.num_qubits, backend)
    device = None
    if backend["engine"] == "aer_noisy":
        from quantum.backends.devices import fake_backend

        device = fake_backend(backend["option"])
        counts, executed, transpiled, ran = aer.run_emulation(
            circuit, device=device, shots=shots, seed=seed, memory_mb=memory_mb
        )
    else:
        counts, executed, transpiled, ran = aer.run_ideal(
            circuit, method=backend["option"], shots=shots, seed=seed, memory_mb=memory_mb
        )
    vector = _statevector(want_sv, circuit.num_qubits, lambda: _qiskit_state(circuit))
    answer = _envelope(
        {"counts": counts, "statevector": vector}, backend, shots, circuit.num_qubits, ran.depth(), executed, transpiled
    )
    answer["metrics"].update(aer.circuit_facts(circuit, ran, seed=seed, device=device))
    return answer


def _qiskit_state(circuit: Any) -> Any:
    from qiskit.quantum_info import Statevector

    return Statevector(circuit.remove_final_measurements(inplace=False)).data


def _unbound_check(circuit: Any) -> None:
    from quantum.errors import ParseError

    if circuit.parameters:
        names = ", ".join(sorted(p.name for p in circuit.parameters))
        raise ParseError(f"the circuit has unbound parameters ({names}): pass them in parameters")


def _cirq(loaded: Loaded, backend: dict[str, Any], shots: int, want_sv: bool, seed: int | None) -> dict[str, Any]:
    circuit = convert.to_cirq(loaded)
    qubits = len(circuit.all_qubits())
    _check_width(qubits, backend)
    counts, executed, ran = cirq_exec.run(circuit, shots=shots, seed=seed)
    vector = _statevector(want_sv, qubits, lambda: cirq_exec.statevector(circuit))
    return _envelope({"counts": counts, "statevector": vector}, backend, shots, qubits, len(ran), executed, 0.0)


def _pennylane(loaded: Loaded, backend: dict[str, Any], shots: int, want_sv: bool) -> dict[str, Any]:
    if loaded.framework == "pennylane":
        run = pennylane_exec.run_program(loaded.circuit, device_name=backend["option"], shots=shots)
        _check_width(run["qubits"], backend)
        outcome = pennylane_exec.program_outcome(run["value"])
        outcome["statevector"] = _statevector(
            want_sv, run["qubits"], lambda: pennylane_exec.statevector(loaded.circuit)
        )
        return _envelope(outcome, backend, run["shots"], run["qubits"], run["depth"], run["elapsed"], 0.0)
    circuit = convert.to_qiskit(loaded)
    _unbound_check(circuit)
    _check_width(circuit.num_qubits, backend)
    ops = convert.neutral_ops(circuit)
    counts, executed = pennylane_exec.run_operations(
        ops, circuit.num_qubits, device_name=backend["option"], shots=shots
    )
    vector = _statevector(want_sv, circuit.num_qubits, lambda: _qiskit_state(circuit))
    return _envelope(
        {"counts": counts, "statevector": vector}, backend, shots, circuit.num_qubits, circuit.depth(), executed, 0.0
    )


def _envelope(
    outcome: dict[str, Any],
    backend: dict[str, Any],
    shots: int,
    qubits: int,
    depth: int,
    executed: float,
    transpiled: float,
) -> dict[str, Any]:
    return {
        "results": outcome,
        "metrics": results.metrics(
            backend=backend["id"],
            shots=shots,
            qubits=qubits,
            depth=depth,
            execution_s=executed,
            transpilation_s=transpiled,
        ),
    }
