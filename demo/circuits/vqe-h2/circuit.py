"""VQE Ansatz for H2

A hardware-efficient 2-qubit ansatz for the hydrogen molecule in the minimal basis,
returning the expectation value of the reduced H2 Hamiltonian at bond length 0.735 A.

Category: chemistry
Difficulty: advanced
Framework: pennylane
Qubits: 2
"""

import pennylane as qml

dev = qml.device("default.qubit", wires=2)

H2_HAMILTONIAN = qml.Hamiltonian(
    [-1.0523732, 0.39793742, -0.39793742, -0.01128010, 0.18093119],
    [qml.Identity(0), qml.PauliZ(0), qml.PauliZ(1), qml.PauliZ(0) @ qml.PauliZ(1), qml.PauliX(0) @ qml.PauliX(1)],
)


@qml.qnode(dev)
def circuit(theta: float = 0.2):
    qml.PauliX(wires=0)
    qml.RY(theta, wires=1)
    qml.CNOT(wires=[1, 0])
    return qml.expval(H2_HAMILTONIAN)
