import threading

import pytest

from circuits.services import IncomingFile, circuit_create, circuit_version_publish
from quantum.errors import Cancelled
from runs import engine

BELL = b"""from qiskit import QuantumCircuit


def create_circuit():
    qc = QuantumCircuit(2, 2)
    qc.h(0)
    qc.cx(0, 1)
    qc.measure([0, 1], [0, 1])
    return qc
"""

CATALOGUE = [
    {"id": "qiskit_aer", "type": "simulation", "status": "available", "qubits": 30},
    {"id": "cirq_simulator", "type": "simulation", "status": "available", "qubits": 30},
    {"id": "fake_manila", "type": "emulation", "status": "available", "qubits": 5},
    {
        "id": "ibm_brisbane",
        "type": "hardware",
        "status": "unavailable",
        "qubits": 127,
        "status_message": "no IBM Quantum credentials are configured",
    },
]


class FakeEngine:
    """Stands in for the sandboxed engine in lifecycle tests; the engine has its own tests."""

    def __init__(self):
        self.calls = []
        self.outcome = {
            "results": {"counts": {"00": 510, "11": 514}, "statevector": None},
            "metrics": {"execution_time_ms": 2.0, "execution_time": 0.002, "transpilation_time_ms": 0},
        }
        self.error = None
        self.started = threading.Event()
        self.release = None

    def execute_version(self, *, run, timeout_s, cancel_event):
        self.calls.append(run.id)
        self.started.set()
        if self.release is not None:
            while not self.release.wait(0.05):
                if cancel_event.is_set():
                    raise Cancelled("The run was cancelled.")
        if self.error:
            raise self.error
        return self.outcome


@pytest.fixture
def fake_engine(monkeypatch):
    fake = FakeEngine()
    monkeypatch.setattr(engine, "execute_version", fake.execute_version)
    monkeypatch.setattr(engine, "backend_catalogue", lambda: CATALOGUE)
    monkeypatch.setattr(engine, "backend_get", lambda name: next((b for b in CATALOGUE if b["id"] == name), None))
    return fake


def publish_circuit(user, name="bell", *, is_public=True, organization_name=None, framework="qiskit"):
    circuit = circuit_create(
        creator=user,
        name=name,
        title=name.title(),
        framework=framework,
        qubits=2,
        is_public=is_public,
        organization_name=organization_name,
    )
    circuit_version_publish(
        circuit=circuit, author=user, files=[IncomingFile("circuit.py", BELL)], commit_message="v1", max_bytes=10**6
    )
    return circuit


@pytest.fixture
def bell(alice):
    return publish_circuit(alice)


@pytest.fixture
def private_bell(alice):
    return publish_circuit(alice, "secret-bell", is_public=False)
