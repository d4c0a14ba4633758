"""PennyLane circuits converted to Qiskit: global phases (`gphase`) and mid-circuit measurements load, the unitary is
kept exactly, and counts on Qiskit backends follow the same distribution as PennyLane's own device."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from quantum import api
from quantum.convert import to_qiskit
from quantum.loading import Loaded
from quantum.loading.pennylane_program import PennyLaneProgram
from quantum.loading.pennylane_qasm import for_qiskit

DEMO = Path(__file__).resolve().parents[2] / "demo" / "circuits"

DECOMPOSED = b"""
import numpy as np
import pennylane as qml

dev = qml.device("default.qubit", wires=3)


@qml.qnode(dev)
def circuit(theta: float = 0.7):
    qml.Hadamard(wires=0)
    qml.GlobalPhase(0.4, wires=[0, 1])
    qml.SX(wires=1)
    qml.QubitUnitary(np.array([[0, 1j], [1j, 0]]), wires=2)
    qml.IsingXX(theta, wires=[0, 1])
    qml.ctrl(qml.GlobalPhase(0.5), control=2)
    qml.Rot(0.1, theta, 0.3, wires=2)
    return qml.counts()
"""


def demo_files(name: str) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in (DEMO / name).iterdir() if path.is_file()}


def run(files, backend, shots=4000, entry_point="circuit.py"):  # type: ignore[no-untyped-def]
    return api.execute(
        files=files,
        framework="pennylane",
        entry_point=entry_point,
        entry_function="circuit",
        backend=backend,
        shots=shots,
        parameters={},
        seed=7,
    )


def exact_probabilities(qnode, wires: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Analytic probabilities of a QNode's gates, keyed in Qiskit order (wire 0 rightmost)."""
    import pennylane as qml

    operations = qml.tape.make_qscript(qnode.func)().operations

    def probabilities():  # type: ignore[no-untyped-def]
        for operation in operations:
            qml.apply(operation)
        return qml.probs(wires=range(wires))

    values = qml.QNode(probabilities, qml.device("default.qubit", wires=wires))()
    return {format(index, f"0{wires}b")[::-1]: float(p) for index, p in enumerate(values)}


def assert_sampled_from(counts: dict[str, int], probabilities: dict[str, float], shots: int) -> None:
    assert sum(counts.values()) == shots
    for key in set(counts) | set(probabilities):
        p = probabilities.get(key, 0.0)
        bound = 5 * math.sqrt(p * (1 - p) / shots) + 2 / shots
        assert abs(counts.get(key, 0) / shots - p) <= bound, (key, counts, probabilities)


def module_function(source: bytes):  # type: ignore[no-untyped-def]
    namespace: dict = {}
    exec(compile(source, "circuit.py", "exec"), namespace)  # noqa: S102 - the test's own code
    return namespace["circuit"]


def test_global_phase_lines_become_the_circuit_global_phase():
    text = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nh q[0];\ngphase(0.25) q[0],q[1];\ngphase(-0.0) ;\n'
    qasm, phase = for_qiskit(text)
    assert "gphase" not in qasm and "h q[0];" in qasm
    assert phase == pytest.approx(-0.25)


def test_mid_circuit_measurements_get_one_bit_registers_after_the_terminal_one():
    text = "creg c[2];\ncreg mcms[2];\nmeasure q[0] -> mcms[1];\nif(mcms[1]==1) x q[1];\nif(mcms[0]==1) gphase(0.3);\n"
    qasm, phase = for_qiskit(text)
    assert qasm.splitlines() == [
        "creg c[2];",
        "creg mcm0[1]; creg mcm1[1];",
        "measure q[0] -> mcm1[0];",
        "if(mcm1==1) x q[1];",
    ]
    assert phase == 0.0


def test_a_converted_circuit_keeps_the_exact_unitary_including_its_global_phase():
    import pennylane as qml
    from qiskit.quantum_info import Operator

    function = module_function(DECOMPOSED)
    program = PennyLaneProgram(function=function, arguments={"theta": 0.7}, argument_names=["theta"])
    circuit = to_qiskit(Loaded("pennylane", program, "pennylane"))
    assert circuit.global_phase != 0
    tape = program.tape()
    expected = qml.matrix(qml.tape.QuantumScript(tape.operations), wire_order=range(3))
    assert np.allclose(Operator(circuit.reverse_bits()).data, expected)


@pytest.mark.parametrize("backend", ["qiskit_aer", "pennylane_default", "cirq_simulator"])
def test_a_circuit_whose_decompositions_emit_gphase_samples_the_same_distribution_on(backend):
    expected = exact_probabilities(module_function(DECOMPOSED), 3)
    counts = run({"circuit.py": DECOMPOSED}, backend)["results"]["counts"]
    assert_sampled_from(counts, expected, 4000)


@pytest.mark.parametrize("backend", ["qiskit_aer", "pennylane_default"])
def test_the_qaoa_maxcut_demo_samples_the_same_distribution_on(backend):
    expected = exact_probabilities(module_function(demo_files("qaoa-maxcut")["circuit.py"]), 4)
    counts = run(demo_files("qaoa-maxcut"), backend, shots=1024)["results"]["counts"]
    assert_sampled_from(counts, expected, 1024)
    assert max(counts, key=counts.__getitem__) in {"0101", "1010"}


def test_the_vqe_h2_demo_runs_on_aer_sampled_in_its_hamiltonians_eigenbasis():
    """qml.to_openqasm rotates into the eigenbasis of the measured observable, so the counts estimate <H>."""
    import pennylane as qml

    namespace: dict = {}
    exec(compile(demo_files("vqe-h2")["circuit.py"], "circuit.py", "exec"), namespace)  # noqa: S102
    eigenvalues = namespace["H2_HAMILTONIAN"].eigvals()
    exact = float(qml.QNode(namespace["circuit"].func, qml.device("default.qubit", wires=2))())
    counts = run(demo_files("vqe-h2"), "qiskit_aer")["results"]["counts"]
    estimate = sum(n * eigenvalues[int(key[::-1], 2)] for key, n in counts.items()) / 4000
    assert estimate == pytest.approx(exact, abs=0.05)
    native = run(demo_files("vqe-h2"), "pennylane_default")["results"]["expectation_values"]
    assert native[0] == pytest.approx(exact, abs=0.05)


def test_the_vqe_h2_demo_runs_on_an_emulated_device():
    answer = run(demo_files("vqe-h2"), "fake_brisbane", shots=1024)
    assert sum(answer["results"]["counts"].values()) == 1024
    assert answer["results"]["counts"].get("00", 0) > 700


def test_a_mid_circuit_measurement_runs_on_aer_with_its_bit_left_of_the_qubits():
    source = b"""
import pennylane as qml

@qml.qnode(qml.device("default.qubit", wires=2))
def circuit():
    qml.Hadamard(wires=0)
    m = qml.measure(0)
    qml.cond(m, qml.PauliX)(wires=1)
    return qml.counts(wires=[0, 1])
"""
    counts = run({"circuit.py": source}, "qiskit_aer", shots=1000)["results"]["counts"]
    assert set(counts) == {"000", "111"}, counts
