"""GET /api/circuits/{id}/versions/{a}/diff/{b}."""

import pytest

from circuits.tests.conftest import CIRCUIT_PY, publish

pytestmark = pytest.mark.django_db

GHZ_PY = CIRCUIT_PY.replace(b"QuantumCircuit(2)", b"QuantumCircuit(3)").replace(
    b"    return qc", b"    qc.cx(1, 2)\n    return qc"
)


@pytest.fixture
def two_versions(alice, bell):
    publish(bell, alice, "ghz", **{"circuit.py": GHZ_PY, "notes.txt": b"three qubits\n"})
    return bell


@pytest.fixture
def engine(monkeypatch):
    def analyse(version, files):
        three = b"QuantumCircuit(3)" in files["circuit.py"]
        counts = {"h": 1, "cx": 2 if three else 1}
        return {
            "qubits": 3 if three else 2,
            "depth": 3 if three else 2,
            "gate_counts": counts,
            "two_qubit_gates": counts["cx"],
        }

    monkeypatch.setattr("circuits.diffs.engine_analyse", analyse)


def diff(client, circuit, a, b):
    return client.get(f"/api/circuits/{circuit.id}/versions/{a}/diff/{b}")


def test_unified_diff_per_changed_file(api, engine, two_versions):
    body = diff(api, two_versions, 1, 2).json()
    files = {f["name"]: f for f in body["files"]}
    assert set(files) == {"circuit.py", "notes.txt"}  # generated metadata.json is left out
    assert files["notes.txt"]["status"] == "added"
    assert "-    qc = QuantumCircuit(2)" in files["circuit.py"]["diff"]
    assert "+    qc.cx(1, 2)" in files["circuit.py"]["diff"]
    assert files["circuit.py"]["diff"].startswith("--- a/circuit.py\n+++ b/circuit.py\n")


def test_semantic_summary_with_deltas(api, engine, two_versions):
    semantic = diff(api, two_versions, 1, 2).json()["semantic"]
    assert (semantic["a"]["qubits"], semantic["b"]["qubits"]) == (2, 3)
    assert semantic["delta"] == {"qubits": 1, "depth": 1, "two_qubit_gates": 1, "gate_counts": {"cx": 1, "h": 0}}


def test_a_version_against_itself_is_equivalent_and_empty(api, engine, two_versions):
    body = diff(api, two_versions, 2, 2).json()
    assert body["files"] == []
    assert body["semantic"]["equivalent"] is True


def test_an_unknown_version_is_404(api, bell):
    assert diff(api, bell, 1, 9).status_code == 404


def test_a_private_circuits_diff_is_404_to_outsiders(charlie_api, secret):
    assert diff(charlie_api, secret, 1, 1).status_code == 404


def test_an_engine_failure_is_reported_per_side(api, monkeypatch, two_versions):
    def broken(version, files):
        raise RuntimeError("cannot load circuit.py")

    monkeypatch.setattr("circuits.diffs.engine_analyse", broken)
    semantic = diff(api, two_versions, 1, 2).json()["semantic"]
    assert semantic["a"]["error"] == "cannot load circuit.py"
    assert semantic["delta"]["qubits"] is None


BELL_REWRITTEN_PY = CIRCUIT_PY.replace(b"from qiskit", b"import math\nfrom qiskit").replace(
    b"    qc.h(0)\n", b"    qc.z(0)\n    qc.ry(math.pi / 2, 0)\n"
)


def test_the_engine_says_whether_two_versions_are_equivalent(api, alice, engine, bell):
    publish(bell, alice, "same Bell, other gates", **{"circuit.py": BELL_REWRITTEN_PY})
    publish(bell, alice, "three qubits", **{"circuit.py": GHZ_PY})
    same = diff(api, bell, 1, 2).json()["semantic"]
    assert (same["equivalent"], same["equivalence_method"]) == (True, "unitary")
    assert diff(api, bell, 2, 3).json()["semantic"]["equivalent"] is False
