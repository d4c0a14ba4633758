"""QAOA for MaxCut

One QAOA layer for MaxCut on a 4-node ring graph; samples bitstrings whose
most frequent values are the maximum cuts 0101 and 1010.

Category: optimization
Difficulty: advanced
Framework: pennylane
Qubits: 4
"""

import pennylane as qml

EDGES = [(0, 1), (1, 2), (2, 3), (3, 0)]
dev = qml.device("default.qubit", wires=4)


@qml.qnode(dev, shots=1024)
def circuit(gamma: float = 0.3927, beta: float = 1.1781):
    for wire in range(4):
        qml.Hadamard(wires=wire)
    for a, b in EDGES:
        qml.CNOT(wires=[a, b])
        qml.RZ(2 * gamma, wires=b)
        qml.CNOT(wires=[a, b])
    for wire in range(4):
        qml.RX(2 * beta, wires=wire)
    return qml.counts(wires=range(4))
