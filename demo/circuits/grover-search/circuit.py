"""Grover Search

Finds the marked state |11> among four with a single Grover iteration.

Category: search
Difficulty: intermediate
Framework: qiskit
Qubits: 2
"""

from qiskit import QuantumCircuit


def create_circuit():
    qc = QuantumCircuit(2, 2)
    qc.h([0, 1])
    # Oracle marking |11>
    qc.cz(0, 1)
    # Diffusion operator
    qc.h([0, 1])
    qc.x([0, 1])
    qc.cz(0, 1)
    qc.x([0, 1])
    qc.h([0, 1])
    qc.measure([0, 1], [0, 1])
    return qc
