"""Quantum Fourier Transform

Applies the 3-qubit QFT to the basis state |101>, then measures.

Category: algorithms
Difficulty: intermediate
Framework: qiskit
Qubits: 3
"""

from math import pi

from qiskit import QuantumCircuit


def create_circuit(n_qubits: int = 3):
    qc = QuantumCircuit(n_qubits, n_qubits)
    qc.x(0)
    qc.x(2)
    for target in reversed(range(n_qubits)):
        qc.h(target)
        for control in reversed(range(target)):
            qc.cp(pi / 2 ** (target - control), control, target)
    for qubit in range(n_qubits // 2):
        qc.swap(qubit, n_qubits - qubit - 1)
    qc.measure(range(n_qubits), range(n_qubits))
    return qc
