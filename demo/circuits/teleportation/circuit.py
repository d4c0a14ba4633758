"""Quantum Teleportation

Teleports the state RY(theta)|0> from qubit 0 to qubit 2 using a Bell pair and
deferred-measurement corrections; qubit 2 is measured at the end.

Category: communication
Difficulty: intermediate
Framework: qiskit
Qubits: 3
"""

from qiskit import QuantumCircuit


def create_circuit(theta: float = 1.0471975511965976):
    qc = QuantumCircuit(3, 1)
    qc.ry(theta, 0)
    qc.h(1)
    qc.cx(1, 2)
    qc.cx(0, 1)
    qc.h(0)
    qc.cx(1, 2)
    qc.cz(0, 2)
    qc.measure(2, 0)
    return qc
