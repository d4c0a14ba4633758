"""/new and /{owner}/{name}/edit: the API's fields and the API's tag rule, errors shown once next to the form."""

import pytest

from circuits.models import Circuit
from circuits.tests.conftest import make_circuit

pytestmark = pytest.mark.django_db

NEW = {"organization_name": "alice", "name": "bell", "title": "Bell", "framework": "qiskit", "is_public": "on"}


def test_new_takes_qubits_depth_gates_and_normalised_tags(client, alice):
    client.force_login(alice)
    body = {**NEW, "qubits": "2", "depth": "3", "gates": "h, cx", "tags": "Bell, qiskit-1.0, c++"}
    response = client.post("/new", body)
    assert response.status_code == 302
    circuit = Circuit.objects.get(name="bell")
    assert (circuit.qubits, circuit.depth, circuit.gates) == (2, 3, ["h", "cx"])
    assert sorted(t.name for t in circuit.tags.all()) == ["bell", "c++", "qiskit-1.0"]


def test_new_without_qubits_means_zero_as_in_the_api(client, alice):
    client.force_login(alice)
    assert client.post("/new", NEW).status_code == 302
    assert Circuit.objects.get(name="bell").qubits == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"tags": "ok, a/b"}, "Invalid tag"),
        ({"tags": ".."}, "Invalid tag"),
        ({"qubits": "-1"}, "greater than or equal to 0"),
        ({"depth": "x"}, "Enter a whole number"),
    ],
)
def test_new_with_bad_input_is_a_400_with_the_form_error(client, alice, change, message):
    client.force_login(alice)
    response = client.post("/new", {**NEW, **change})
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Circuit.objects.exists()


def test_a_duplicate_name_is_said_once(client, alice):
    make_circuit(alice, "bell", with_files=False)
    client.force_login(alice)
    response = client.post("/new", NEW)
    assert response.status_code == 400
    assert response.content.decode().count("already exists") == 1


def test_edit_refuses_an_invalid_tag_as_a_form_error_and_keeps_the_old_tags(client, alice, bell):
    client.force_login(alice)
    response = client.post("/alice/bell/edit", {"title": "Bell", "tags": "<b>x</b>"})
    assert response.status_code == 400
    assert "Invalid tag" in response.content.decode().replace("&#x27;", "'")
    assert [t.name for t in bell.tags.all()] == ["entanglement"]


def test_edit_saves_normalised_tags(client, alice, bell):
    client.force_login(alice)
    assert client.post("/alice/bell/edit", {"title": "Bell", "tags": " VQE , vqe, Bell"}).status_code == 302
    assert sorted(t.name for t in bell.tags.all()) == ["bell", "vqe"]
