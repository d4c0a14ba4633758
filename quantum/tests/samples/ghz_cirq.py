import cirq


def create_circuit():
    qubits = cirq.LineQubit.range(3)
    return cirq.Circuit(
        cirq.H(qubits[0]),
        cirq.CNOT(qubits[0], qubits[1]),
        cirq.CNOT(qubits[1], qubits[2]),
        cirq.measure(*qubits, key="m"),
    )
