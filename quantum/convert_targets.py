"""Build Cirq circuits and PennyLane operations from neutral (gate, qubits, angles) lists."""

from __future__ import annotations

from typing import Any

import numpy as np

from quantum.errors import ParseError


def _cirq_gates() -> dict[str, Any]:
    import cirq

    return {
        "h": lambda a: cirq.H,
        "x": lambda a: cirq.X,
        "y": lambda a: cirq.Y,
        "z": lambda a: cirq.Z,
        "s": lambda a: cirq.S,
        "sdg": lambda a: cirq.S**-1,
        "t": lambda a: cirq.T,
        "tdg": lambda a: cirq.T**-1,
        "sx": lambda a: cirq.XPowGate(exponent=0.5),
        "rx": lambda a: cirq.rx(a[0]),
        "ry": lambda a: cirq.ry(a[0]),
        "rz": lambda a: cirq.rz(a[0]),
        "p": lambda a: cirq.ZPowGate(exponent=a[0] / np.pi),
        "u": lambda a: cirq.MatrixGate(_u_matrix(*a)),
        "cx": lambda a: cirq.CNOT,
        "cz": lambda a: cirq.CZ,
        "swap": lambda a: cirq.SWAP,
        "ccx": lambda a: cirq.CCX,
    }


def _u_matrix(theta: float, phi: float, lam: float) -> np.ndarray:
    return np.array(
        [
            [np.cos(theta / 2), -np.exp(1j * lam) * np.sin(theta / 2)],
            [np.exp(1j * phi) * np.sin(theta / 2), np.exp(1j * (phi + lam)) * np.cos(theta / 2)],
        ]
    )


def cirq_circuit(circuit: Any) -> Any:
    """A Cirq circuit from a Qiskit one; each measurement becomes key c<clbit> so counts keep Qiskit's order."""
    import cirq

    from quantum.convert import neutral_ops

    gates = _cirq_gates()
    qubits = cirq.LineQubit.range(circuit.num_qubits)
    operations = []
    for name, targets, angles in neutral_ops(circuit):
        if name == "measure":
            operations.append(cirq.measure(qubits[targets[0]], key=f"c{int(angles[0])}"))
        elif name in gates:
            operations.append(gates[name](angles).on(*(qubits[index] for index in targets)))
        else:
            raise ParseError(f"the gate {name!r} has no Cirq equivalent")
    return cirq.Circuit(operations)


def pennylane_operations(ops: list[tuple[str, list[int], list[float]]]) -> list[Any]:
    """PennyLane operations for the gates (measurements are left to the caller)."""
    import pennylane as qml

    table: dict[str, Any] = {
        "h": qml.Hadamard,
        "x": qml.PauliX,
        "y": qml.PauliY,
        "z": qml.PauliZ,
        "s": qml.S,
        "t": qml.T,
        "sx": qml.SX,
        "sdg": lambda wires: qml.adjoint(qml.S(wires)),
        "tdg": lambda wires: qml.adjoint(qml.T(wires)),
        "rx": qml.RX,
        "ry": qml.RY,
        "rz": qml.RZ,
        "p": qml.PhaseShift,
        "u": qml.U3,
        "cx": qml.CNOT,
        "cz": qml.CZ,
        "swap": qml.SWAP,
        "ccx": qml.Toffoli,
    }
    operations = []
    for name, wires, angles in ops:
        if name == "measure":
            continue
        if name not in table:
            raise ParseError(f"the gate {name!r} has no PennyLane equivalent")
        operations.append(table[name](*angles, wires=wires) if angles else table[name](wires=wires))
    return operations
