"""Loading failures are typed and say what to fix."""

from __future__ import annotations

import threading

import pytest

from quantum import api
from quantum.errors import Cancelled, ParseError, SandboxTimeout


def analyse(files, framework="qiskit", **extra):  # type: ignore[no-untyped-def]
    return api.analyse(files=files, framework=framework, **extra)


def test_a_syntax_error_names_the_line():
    with pytest.raises(ParseError, match="line 2"):
        analyse({"circuit.py": b"x = 1\ndef create_circuit(:\n"})


def test_a_file_without_entry_says_what_to_define():
    with pytest.raises(ParseError, match="create_circuit"):
        analyse({"circuit.py": b"x = 1\n"})


def test_an_entry_returning_no_circuit_is_a_parse_error():
    with pytest.raises(ParseError, match="not a circuit"):
        analyse({"circuit.py": b"def create_circuit():\n    return 42\n"})


def test_a_missing_entry_point_is_a_parse_error():
    with pytest.raises(ParseError, match="entry point"):
        analyse({"circuit.py": b""}, entry_point="other.py")


def test_a_broken_qasm_file_is_a_parse_error():
    with pytest.raises(ParseError, match="OpenQASM"):
        analyse({"circuit.qasm": b"OPENQASM 3.0;\nqubit[2] q;\nfoo q[0];\n"}, framework="openqasm3")


def test_a_named_entry_function_is_used():
    code = b"from qiskit import QuantumCircuit\ndef build():\n    return QuantumCircuit(3)\n"
    assert analyse({"circuit.py": code}, entry_function="build")["qubits"] == 3


def test_a_module_level_qc_is_found():
    assert analyse({"circuit.py": b"from qiskit import QuantumCircuit\nqc = QuantumCircuit(4)\n"})["qubits"] == 4


def test_code_running_too_long_is_stopped():
    with pytest.raises(SandboxTimeout):
        analyse({"circuit.py": b"while True:\n    pass\n"}, timeout_s=1.5)


def test_a_cancelled_run_is_cancelled(sample):
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    with pytest.raises(Cancelled):
        api.execute(
            files={"circuit.py": b"import time\ntime.sleep(30)\n"},
            framework="qiskit",
            entry_point=None,
            entry_function=None,
            backend="qiskit_aer",
            shots=10,
            parameters={},
            cancel_event=cancel,
        )


def test_error_classes_are_stable():
    from quantum import errors

    assert set(errors.ERROR_CLASSES) == {
        "parse_error",
        "sandbox_timeout",
        "backend_unavailable",
        "resource_limit",
        "internal_error",
        "cancelled",
    }
