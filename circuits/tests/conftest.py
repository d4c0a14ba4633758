"""Circuits test helpers: circuits with files for the shared personas (alice, bob, charlie, lab)."""

import pytest

from circuits.services import IncomingFile, circuit_create, circuit_version_publish

TOML = b"""[project]
name = "bell"
title = "Bell"
type = "circuit"
framework = "qiskit"
entry_point = "circuit.py"
qubits = 2
"""
CIRCUIT_PY = b"""from qiskit import QuantumCircuit


def create_circuit():
    qc = QuantumCircuit(2)
    qc.h(0)
    qc.cx(0, 1)
    return qc
"""


@pytest.fixture(autouse=True)
def _git_root(settings, tmp_path):
    settings.QH_GIT_ROOT = tmp_path / "git"


def publish(circuit, author, message: str = "", **named: bytes):
    named = named or {"circuit.py": CIRCUIT_PY, "qubithub.toml": TOML}
    incoming = [IncomingFile(name=name, content=content) for name, content in named.items()]
    version, _ = circuit_version_publish(
        circuit=circuit, author=author, files=incoming, commit_message=message, max_bytes=5 * 1024 * 1024
    )
    return version


def make_circuit(creator, name: str = "bell", *, with_files: bool = True, **fields):
    fields.setdefault("title", name.replace("-", " ").title())
    fields.setdefault("framework", "qiskit")
    circuit = circuit_create(creator=creator, name=name, **fields)
    if with_files:
        publish(circuit, creator, "Initial upload")
    return circuit


@pytest.fixture
def bell(alice):
    """alice/bell: public, one version with circuit.py, qubithub.toml and the generated metadata.json."""
    return make_circuit(alice, "bell", tags=["entanglement"], qubits=2)


@pytest.fixture
def secret(lab):
    """lab/secret: a private circuit of the `lab` organization, created by its owner alice."""
    from accounts.models import User

    return make_circuit(User.objects.get(username="alice"), "secret", is_public=False, organization_name="lab")
