"""GHZ State

Prepares the 3-qubit Greenberger-Horne-Zeilinger state (|000> + |111>)/sqrt(2).

Category: entanglement
Difficulty: beginner
Framework: qiskit
Qubits: 3
"""

from qiskit import QuantumCircuit


def create_circuit(n_qubits: int = 3):
    qc = QuantumCircuit(n_qubits, n_qubits)
    qc.h(0)
    for target in range(1, n_qubits):
        qc.cx(0, target)
    qc.measure(range(n_qubits), range(n_qubits))
    return qc
