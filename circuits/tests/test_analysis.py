"""The background analysis of each version (task circuits.analyse_version) by the quantum engine."""

import importlib.util

import pytest

from circuits.models import Circuit, CircuitVersion
from circuits.tasks import analyse_version
from circuits.tests.conftest import make_circuit

pytestmark = pytest.mark.django_db

BELL = {
    "qubits": 2,
    "depth": 2,
    "gates": ["cx", "h"],
    "gate_counts": {"cx": 1, "h": 1},
    "two_qubit_gates": 1,
    "parameters": [],
    "has_measurements": False,
}


@pytest.fixture
def engine(monkeypatch):
    calls = []

    def analyse(version, files):
        calls.append({"files": files, "entry_point": version.entry_point, "framework": version.circuit.framework})
        return dict(BELL)

    monkeypatch.setattr("circuits.services.analysis.engine_analyse", analyse)
    return calls


def test_the_task_has_a_stable_name_and_acks_late():
    assert analyse_version.name == "circuits.analyse_version"
    assert analyse_version.acks_late is True


def test_it_fills_the_fields_the_owner_left_empty(engine, alice):
    circuit = make_circuit(alice, "empty-shape")  # qubits 0, no gates, no depth
    version = circuit.versions.get()
    analyse_version.run(str(version.id))
    circuit.refresh_from_db()
    assert (circuit.qubits, circuit.depth, circuit.gates) == (2, 2, ["CX", "H"])
    analysis = CircuitVersion.objects.get(pk=version.pk).analysis
    assert analysis["status"] == "ok" and analysis["mismatch"] == {}
    assert analysis["filled"] == ["depth", "gates", "qubits"]
    assert engine[0]["entry_point"] == "circuit.py" and "circuit.py" in engine[0]["files"]


def test_it_flags_a_mismatch_and_keeps_the_owners_values(engine, alice):
    circuit = make_circuit(alice, "declared", qubits=3, depth=2, gates=["H", "CNOT"])
    version = circuit.versions.get()
    analyse_version.run(str(version.id))
    circuit.refresh_from_db()
    assert circuit.qubits == 3
    mismatch = CircuitVersion.objects.get(pk=version.pk).analysis["mismatch"]
    assert mismatch == {"qubits": {"declared": 3, "detected": 2}}  # CNOT is cx: the gates agree


def test_an_engine_error_is_recorded_with_its_class(monkeypatch, alice):
    class ParseError(Exception):
        error_class = "parse_error"

    def broken(version, files):
        raise ParseError("circuit.py line 3: invalid syntax")

    monkeypatch.setattr("circuits.services.analysis.engine_analyse", broken)
    circuit = make_circuit(alice, "broken")
    version = circuit.versions.get()
    analyse_version.run(str(version.id))
    analysis = CircuitVersion.objects.get(pk=version.pk).analysis
    assert analysis == {"status": "error", "error": "circuit.py line 3: invalid syntax", "error_class": "parse_error"}
    assert Circuit.objects.get(pk=circuit.pk).qubits == 0


def test_a_deleted_version_is_skipped(engine):
    analyse_version.run("00000000-0000-0000-0000-000000000000")
    assert engine == []


def test_an_older_version_does_not_overwrite_the_circuit(engine, alice):
    from circuits.tests.conftest import CIRCUIT_PY, publish

    circuit = make_circuit(alice, "two-versions")
    publish(circuit, alice, "v2", **{"circuit.py": CIRCUIT_PY + b"#\n"})
    analyse_version.run(str(circuit.versions.get(version_number=1).id))
    assert Circuit.objects.get(pk=circuit.pk).qubits == 0


@pytest.mark.skipif(importlib.util.find_spec("quantum.api") is None, reason="quantum.api (issue 5) not there yet")
def test_the_real_engine_analyses_a_bell_circuit(alice):
    circuit = make_circuit(alice, "real-bell")
    version = circuit.versions.get()
    analyse_version.run(str(version.id))
    analysis = CircuitVersion.objects.get(pk=version.pk).analysis
    assert analysis["status"] == "ok", analysis
    assert analysis["qubits"] == 2 and analysis["two_qubit_gates"] == 1
