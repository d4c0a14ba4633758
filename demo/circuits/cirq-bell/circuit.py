"""Bell State in Cirq

The Bell state built with Cirq's line qubits, measured under the key "m".

Category: entanglement
Difficulty: beginner
Framework: cirq
Qubits: 2
"""

import cirq


def create_circuit():
    q0, q1 = cirq.LineQubit.range(2)
    return cirq.Circuit(
        cirq.H(q0),
        cirq.CNOT(q0, q1),
        cirq.measure(q0, q1, key="m"),
    )
