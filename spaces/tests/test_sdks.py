"""A Qiskit, a PennyLane and a Cirq space each execute and visualize."""

import base64

import pytest

from spaces.tests.conftest import execute, make_space

pytestmark = pytest.mark.django_db

PROGRAMS = {
    "qiskit": (
        "from qiskit import QuantumCircuit, transpile\nfrom qiskit_aer import AerSimulator\n\n"
        "def create_circuit():\n    qc = QuantumCircuit(2)\n    qc.h(0)\n    qc.cx(0, 1)\n    qc.measure_all()\n"
        "    return qc\n\n"
        "if __name__ == '__main__':\n    sim = AerSimulator(seed_simulator=1)\n"
        "    counts = sim.run(transpile(create_circuit(), sim), shots=200).result().get_counts()\n"
        "    print(sorted(counts))\n",
        "['00', '11']\n",
    ),
    "pennylane": (
        "import pennylane as qml\n\ndev = qml.device('default.qubit', wires=2)\n\n"
        "@qml.qnode(dev)\ndef circuit():\n    qml.Hadamard(0)\n    qml.CNOT([0, 1])\n"
        "    return qml.probs(wires=[0, 1])\n\n"
        "if __name__ == '__main__':\n    print([round(float(p), 3) for p in circuit()])\n",
        "[0.5, 0.0, 0.0, 0.5]\n",
    ),
    "cirq": (
        "import cirq\n\ndef create_circuit():\n    q = cirq.LineQubit.range(2)\n"
        "    return cirq.Circuit(cirq.H(q[0]), cirq.CNOT(*q), cirq.measure(*q, key='m'))\n\n"
        "if __name__ == '__main__':\n    result = cirq.Simulator(seed=1).run(create_circuit(), repetitions=100)\n"
        "    print(sorted(set(result.histogram(key='m'))))\n",
        "[0, 3]\n",
    ),
}


@pytest.mark.parametrize("sdk", sorted(PROGRAMS))
def test_a_space_of_each_sdk_executes_its_program(alice, alice_api, sdk):
    program, expected = PROGRAMS[sdk]
    space = make_space(alice, sdk, sdk=sdk, files={"main.py": program.encode()})
    body = execute(alice_api, space, file_to_run="main.py").json()
    assert (body["status"], body["output"], body["error"]) == ("success", expected, None)


@pytest.mark.parametrize("sdk", sorted(PROGRAMS))
def test_a_space_of_each_sdk_draws_its_circuit_with_the_framework_detected(alice, alice_api, sdk):
    space = make_space(alice, sdk, sdk=sdk, files={"main.py": PROGRAMS[sdk][0].encode()})
    response = alice_api.post(f"/api/spaces/{space.id}/visualize", {"file_to_visualize": "main.py"}, format="json")
    body = response.json()
    assert response.status_code == 200 and body["status"] == "success" and body["error"] is None
    assert body["framework"] == sdk and body["format"] == "svg"
    assert "<svg" in base64.b64decode(body["diagram"]).decode()
