"""Convert between frameworks: anything to Qiskit or OpenQASM; Qiskit to Cirq or PennyLane where the gates allow.

Qubit i of a Qiskit circuit is cirq.LineQubit(i) and PennyLane wire i, and back.
"""

from __future__ import annotations

from typing import Any

from quantum.errors import ParseError
from quantum.loading import Loaded

NEUTRAL_BASIS = [
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
    "id",
]


def to_qiskit(loaded: Loaded, *, measure_all: bool = False) -> Any:
    if loaded.framework == "qiskit":
        return loaded.circuit
    if loaded.framework == "cirq":
        return _from_qasm2(_cirq_qasm(loaded.circuit))
    return _from_pennylane_qasm(loaded.circuit.to_openqasm(measure_all))


def to_qasm(loaded: Loaded, version: int = 3) -> str:
    from qiskit import qasm2, qasm3

    circuit = to_qiskit(loaded)
    return qasm3.dumps(circuit) if version == 3 else qasm2.dumps(circuit)


def _cirq_qasm(circuit: Any) -> str:
    import cirq

    if cirq.is_parameterized(circuit):
        names = ", ".join(sorted(cirq.parameter_names(circuit)))
        raise ParseError(f"the circuit has unbound parameters ({names}): pass them in parameters")
    return cirq.qasm(circuit)


def _from_pennylane_qasm(text: str) -> Any:
    from quantum.loading.pennylane_qasm import for_qiskit

    qasm, global_phase = for_qiskit(text)
    circuit = _from_qasm2(qasm)
    circuit.global_phase += global_phase
    return circuit


def _from_qasm2(text: str) -> Any:
    from qiskit import qasm2

    try:
        return qasm2.loads(text, custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
    except Exception as error:
        raise ParseError(f"the circuit cannot be converted to a Qiskit circuit: {error}") from error


def neutral_ops(circuit: Any) -> list[tuple[str, list[int], list[float]]]:
    """The circuit as (gate, qubit indices, angles) in a small basis every framework has.

    A measurement is ("measure", [qubit], [clbit index]).
    """
    from qiskit import transpile

    try:
        basic = transpile(circuit, basis_gates=NEUTRAL_BASIS, optimization_level=0)
    except Exception as error:
        raise ParseError(f"the circuit's gates cannot be converted: {error}") from error
    ops = []
    for instruction in basic.data:
        name = instruction.operation.name
        if name in ("barrier", "id"):
            continue
        qubits = [basic.find_bit(qubit).index for qubit in instruction.qubits]
        if name == "measure":
            ops.append((name, qubits, [float(basic.find_bit(instruction.clbits[0]).index)]))
            continue
        ops.append((name, qubits, [float(value) for value in instruction.operation.params]))
    return ops


def to_cirq(loaded: Loaded) -> Any:
    if loaded.framework == "cirq":
        return loaded.circuit
    from quantum.convert_targets import cirq_circuit

    return cirq_circuit(to_qiskit(loaded, measure_all=True))
