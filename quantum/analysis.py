"""Static facts about a loaded circuit: qubits, depth, gates, two-qubit gates, parameters, measurements."""

from __future__ import annotations

from collections import Counter
from typing import Any

from quantum.gate_names import canonical
from quantum.loading import Loaded

NOT_GATES = {"measure", "barrier", "reset", "delay"}


def analyse_loaded(loaded: Loaded) -> dict[str, Any]:
    if loaded.framework == "cirq":
        summary = _cirq(loaded)
    elif loaded.framework == "pennylane":
        summary = _pennylane(loaded)
    else:
        summary = _qiskit(loaded.circuit)
    # What a run's parameters may also name: the entry function's keyword arguments (None: any, **kwargs).
    summary["entry_arguments"] = loaded.arguments
    return summary


def _summary(
    qubits: int, depth: int, gates: list[tuple[str, int]], parameters: list[str], measured: bool
) -> dict[str, Any]:
    counts = Counter(name for name, _ in gates if name not in NOT_GATES)
    return {
        "qubits": qubits,
        "depth": depth,
        "gates": sorted(counts),
        "gate_counts": dict(sorted(counts.items())),
        "two_qubit_gates": sum(1 for name, width in gates if width == 2 and name not in NOT_GATES),
        "parameters": sorted(parameters),
        "has_measurements": measured,
    }


def _qiskit(circuit: Any) -> dict[str, Any]:
    gates = [(canonical(i.operation.name), len(i.qubits)) for i in circuit.data]
    measured = any(name == "measure" for name, _ in gates)
    return _summary(circuit.num_qubits, circuit.depth(), gates, [p.name for p in circuit.parameters], measured)


def _cirq(loaded: Loaded) -> dict[str, Any]:
    import cirq

    circuit = loaded.circuit
    gates = [(_cirq_name(op), len(op.qubits)) for op in circuit.all_operations()]
    measured = circuit.has_measurements()
    depth = len(cirq.Circuit(op for op in circuit.all_operations()))
    return _summary(len(circuit.all_qubits()), depth, gates, [str(p) for p in cirq.parameter_names(circuit)], measured)


def _cirq_name(operation: Any) -> str:
    import cirq

    gate = operation.gate
    if isinstance(gate, cirq.MeasurementGate):
        return "measure"
    return canonical(str(gate) if gate is not None else type(operation).__name__)


def _pennylane(loaded: Loaded) -> dict[str, Any]:
    program = loaded.circuit
    tape = program.tape()
    gates = [(canonical(op.name), len(op.wires)) for op in tape.operations]
    measured = any(type(m).__name__ in ("SampleMP", "CountsMP", "MidMeasureMP") for m in tape.measurements)
    return _summary(len(tape.wires), tape.graph.get_depth(), gates, list(program.argument_names), measured)
