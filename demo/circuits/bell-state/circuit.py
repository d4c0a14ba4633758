"""Bell State

Prepares the maximally entangled state (|00> + |11>)/sqrt(2) and measures both qubits.

Category: entanglement
Difficulty: beginner
Framework: qiskit
Qubits: 2
"""

from qiskit import QuantumCircuit


def create_circuit():
    qc = QuantumCircuit(2, 2)
    qc.h(0)
    qc.cx(0, 1)
    qc.measure([0, 1], [0, 1])
    return qc
