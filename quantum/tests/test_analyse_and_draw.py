"""Analysis and drawings for each framework."""

from __future__ import annotations

import pytest

from quantum import api


def test_it_analyses_a_qiskit_circuit(sample):
    facts = api.analyse(files=sample("bell_qiskit.py", "circuit.py"), framework="qiskit")
    assert facts == {
        "qubits": 2,
        "depth": 3,
        "gates": ["cx", "h"],
        "gate_counts": {"cx": 1, "h": 1},
        "two_qubit_gates": 1,
        "parameters": [],
        "has_measurements": True,
        "entry_arguments": [],
    }


def test_it_analyses_a_cirq_circuit(sample):
    facts = api.analyse(files=sample("ghz_cirq.py", "circuit.py"), framework="cirq")
    assert facts["qubits"] == 3 and facts["gates"] == ["cx", "h"] and facts["two_qubit_gates"] == 2
    assert facts["has_measurements"]


def test_it_analyses_a_pennylane_qnode(sample):
    facts = api.analyse(files=sample("expval_pennylane.py", "circuit.py"), framework="pennylane")
    assert facts["qubits"] == 1 and facts["gates"] == ["rx"] and facts["parameters"] == ["theta"]


def test_it_analyses_an_openqasm3_file(sample):
    facts = api.analyse(files=sample("ghz.qasm", "circuit.qasm"), framework="openqasm3")
    assert facts["qubits"] == 3 and facts["gate_counts"] == {"cx": 2, "h": 1}


def test_it_lists_symbolic_and_argument_parameters(sample):
    assert api.analyse(files=sample("rotation_qiskit.py", "circuit.py"), framework="qiskit")["parameters"] == ["theta"]
    assert api.analyse(files=sample("rotation_function.py", "circuit.py"), framework="qiskit")["parameters"] == [
        "theta"
    ]


@pytest.mark.parametrize(
    ("name", "framework"),
    [
        ("bell_qiskit.py", "qiskit"),
        ("ghz_cirq.py", "cirq"),
        ("qnode_pennylane.py", "pennylane"),
        ("ghz.qasm", "openqasm3"),
    ],
)
def test_it_draws_svg_and_text(sample, name, framework):
    files = sample(name, "circuit.qasm" if name.endswith(".qasm") else "circuit.py")
    assert "<svg" in api.draw(files=files, framework=framework, fmt="svg")
    assert len(api.draw(files=files, framework=framework, fmt="text")) > 10


def test_visualize_code_detects_the_framework():
    code = "import cirq\nq = cirq.LineQubit.range(2)\ncircuit = cirq.Circuit(cirq.H(q[0]), cirq.CNOT(*q))\n"
    drawing = api.visualize_code(code=code, framework=None)
    assert drawing["framework"] == "cirq" and "<svg" in drawing["svg"]


def test_visualize_takes_the_last_circuit_a_snippet_defines_and_draws_text():
    code = "from qiskit import QuantumCircuit\nfirst = QuantumCircuit(1)\nbell = QuantumCircuit(2)\nbell.h(0)\nbell.cx(0, 1)\n"
    drawing = api.visualize_code(code=code, fmt="text")
    assert drawing["framework"] == "qiskit" and drawing["format"] == "text" and "q_1" in drawing["diagram"]


def test_visualize_a_file_that_imports_another_file():
    files = {
        "gates.py": b"def bell(qc):\n    qc.h(0)\n    qc.cx(0, 1)\n",
        "main.py": b"from qiskit import QuantumCircuit\nfrom gates import bell\nqc = QuantumCircuit(2)\nbell(qc)\n",
    }
    drawing = api.visualize_code(files=files, file_to_visualize="main.py")
    assert drawing["framework"] == "qiskit" and "<svg" in drawing["diagram"] == drawing["svg"]


def test_the_analysis_lists_the_entry_functions_keyword_arguments(tmp_path):
    from quantum.analysis import analyse_loaded
    from quantum.loading import load

    (tmp_path / "circuit.py").write_text(
        "from qiskit import QuantumCircuit\n\n"
        "def create_circuit(theta=0.5, *, edges=((0, 1),)):\n"
        "    qc = QuantumCircuit(2)\n    qc.rx(theta, 0)\n    qc.cx(*edges[0])\n    return qc\n"
    )
    (tmp_path / "anything.py").write_text(
        "from qiskit import QuantumCircuit\n\ndef create_circuit(**options):\n    return QuantumCircuit(1)\n"
    )
    common = {"framework": "qiskit", "entry_function": None, "parameters": {}, "lenient": True}
    named = analyse_loaded(load(str(tmp_path), ["circuit.py"], entry_point="circuit.py", **common))
    assert named["entry_arguments"] == ["edges", "theta"] and named["parameters"] == []
    anything = analyse_loaded(load(str(tmp_path), ["anything.py"], entry_point="anything.py", **common))
    assert anything["entry_arguments"] is None
