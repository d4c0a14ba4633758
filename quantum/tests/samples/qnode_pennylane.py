import pennylane as qml

dev = qml.device("default.qubit", wires=2)


@qml.qnode(dev, shots=1000)
def circuit():
    qml.Hadamard(wires=0)
    qml.CNOT(wires=[0, 1])
    return qml.counts()
