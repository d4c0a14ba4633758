"""POST /api/spaces/{id}/visualize."""

import base64

import pytest

pytestmark = pytest.mark.django_db

SNIPPET = "from qiskit import QuantumCircuit\nbell = QuantumCircuit(2)\nbell.h(0)\nbell.cx(0, 1)\n"


def visualize(client, space, **body):
    return client.post(f"/api/spaces/{space.id}/visualize", body, format="json")


def test_it_draws_the_last_circuit_a_snippet_defines_as_base64_svg(bob_api, bell_space):
    body = visualize(bob_api, bell_space, code=SNIPPET).json()
    assert body["status"] == "success" and body["framework"] == "qiskit" and body["format"] == "svg"
    assert base64.b64decode(body["diagram"]).decode().lstrip().startswith(("<?xml", "<svg"))


def test_it_draws_text_on_request(alice_api, bell_space):
    body = visualize(alice_api, bell_space, file_to_visualize="bell.py", format="text").json()
    assert body["format"] == "text" and "┤ H ├" in body["diagram"]


def test_the_framework_may_be_given(alice_api, bell_space):
    assert visualize(alice_api, bell_space, code=SNIPPET, framework="qiskit").json()["framework"] == "qiskit"


def test_code_without_a_circuit_answers_an_error_status(alice_api, bell_space):
    body = visualize(alice_api, bell_space, code="import qiskit\nx = 1\n").json()
    assert body["status"] == "error" and body["diagram"] is None and "no entry found" in body["error"]


@pytest.mark.parametrize(
    "body", [{}, {"code": SNIPPET, "file_to_visualize": "bell.py"}, {"file_to_visualize": "nope.py"}, {"format": "png"}]
)
def test_bad_requests_are_400(alice_api, bell_space, body):
    assert visualize(alice_api, bell_space, **body).status_code == 400


def test_it_needs_sign_in_and_a_visible_space(api, charlie_api, bell_space, secret_space):
    assert visualize(api, bell_space, code=SNIPPET).status_code == 401
    assert visualize(charlie_api, secret_space, code=SNIPPET).status_code == 404
