"""export_circuit: the bound circuit leaves the sandbox as data (QPY or OpenQASM 3), ready for a hardware provider."""

from __future__ import annotations

import io

import pytest

from quantum import api
from quantum.errors import ParseError


def export(files, framework, **extra):  # type: ignore[no-untyped-def]
    return api.export_circuit(
        files=files,
        framework=framework,
        entry_point=extra.pop("entry_point", None),
        entry_function=None,
        parameters=extra.pop("parameters", {}),
        **extra,
    )


def test_a_qiskit_circuit_comes_back_as_qpy(sample):
    from qiskit import qpy

    data = export(sample("bell_qiskit.py", "circuit.py"), "qiskit")
    assert isinstance(data, bytes)
    (circuit,) = qpy.load(io.BytesIO(data))
    assert circuit.num_qubits == 2 and circuit.count_ops().get("measure") == 2


def test_a_cirq_circuit_comes_back_as_openqasm3_with_measurements(sample):
    text = export(sample("ghz_cirq.py", "circuit.py"), "cirq", fmt="qasm3")
    assert isinstance(text, str) and text.startswith("OPENQASM 3")
    assert "measure" in text


def test_parameters_are_bound_inside_the_sandbox(sample):
    from qiskit import qpy

    data = export(sample("rotation_qiskit.py", "circuit.py"), "qiskit", parameters={"theta": 0.5})
    (circuit,) = qpy.load(io.BytesIO(data))
    assert not circuit.parameters


def test_an_unknown_format_is_refused():
    with pytest.raises(ParseError, match="qpy or qasm3"):
        export({"c.py": b""}, "qiskit", fmt="json")
