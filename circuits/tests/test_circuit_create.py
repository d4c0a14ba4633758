"""POST /api/circuits."""

import pytest

from circuits.models import Circuit

pytestmark = pytest.mark.django_db

BODY = {"name": "grover", "title": "Grover Search", "framework": "qiskit", "tags": ["search"], "qubits": 4}


def test_creates_in_the_personal_namespace_and_answers_the_full_detail(alice_api):
    response = alice_api.post("/api/circuits", BODY, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["repo_name"] == "alice/grover"
    assert body["versions"] == [] and body["latest_version"] is None
    assert body["is_public"] is True and body["gates"] == [] and body["depth"] is None


def test_creates_under_an_organization_the_caller_belongs_to(bob_api, lab):
    response = bob_api.post("/api/circuits", {**BODY, "organization_name": "lab"}, format="json")
    assert response.status_code == 201
    assert response.json()["organization"]["slug"] == "lab"


def test_an_organization_the_caller_is_not_in_is_403(charlie_api, lab):
    response = charlie_api.post("/api/circuits", {**BODY, "organization_name": "lab"}, format="json")
    assert response.status_code == 403
    assert "not a member" in response.json()["detail"]


def test_an_unknown_organization_is_404(alice_api):
    response = alice_api.post("/api/circuits", {**BODY, "organization_name": "nowhere"}, format="json")
    assert response.status_code == 404


def test_a_duplicate_name_for_the_same_owner_is_400(alice_api, bob_api):
    alice_api.post("/api/circuits", BODY, format="json")
    response = alice_api.post("/api/circuits", BODY, format="json")
    assert response.status_code == 400
    assert "already exists" in response.json()["detail"]
    assert bob_api.post("/api/circuits", BODY, format="json").status_code == 201


def test_anonymous_create_is_401(api):
    assert api.post("/api/circuits", BODY, format="json").status_code == 401


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": "Not Valid"}, "name"),
        ({"name": "-edge"}, "name"),
        ({"framework": "braket"}, "framework"),
        ({"qubits": -1}, "qubits"),
        ({"qubits": "two"}, "qubits"),
        ({"tags": "search"}, "tags"),
        ({"title": ""}, "title"),
        ({"is_public": "perhaps"}, "is_public"),
        ({"depth": -3}, "depth"),
    ],
)
def test_bad_fields_are_a_400_naming_the_field(alice_api, change, field):
    response = alice_api.post("/api/circuits", {**BODY, **change}, format="json")
    assert response.status_code == 400
    assert field in response.json()["detail"]
    assert not Circuit.objects.exists()


@pytest.mark.parametrize("raw", ["{not json", "[1, 2]", '"text"'])
def test_a_body_that_is_not_a_json_object_is_400(alice_api, raw):
    response = alice_api.generic("POST", "/api/circuits", raw, content_type="application/json")
    assert response.status_code == 400
    assert isinstance(response.json()["detail"], str)


def test_nulls_sent_by_the_official_client_mean_left_out(alice_api):
    body = {**BODY, "description": None, "gates": None, "tags": None, "depth": None, "organization_name": None}
    response = alice_api.post("/api/circuits", {**body, "extra_metadata": None}, format="json")
    assert response.status_code == 201
    assert (response.json()["description"], response.json()["gates"], response.json()["tags"]) == ("", [], [])
