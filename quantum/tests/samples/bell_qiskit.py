"""Bell state.

Category: basics
Difficulty: beginner
Framework: qiskit
Qubits: 2
"""

from qiskit import QuantumCircuit


def create_circuit():
    qc = QuantumCircuit(2)
    qc.h(0)
    qc.cx(0, 1)
    qc.measure_all()
    return qc
