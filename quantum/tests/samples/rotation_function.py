from qiskit import QuantumCircuit


def create_circuit(theta):
    qc = QuantumCircuit(1)
    qc.rx(theta, 0)
    qc.measure_all()
    return qc
