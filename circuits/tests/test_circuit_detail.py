"""GET/PUT/DELETE /api/circuits/{id} and GET /api/circuits/resolve."""

import uuid

import pytest
from django.core.files.storage import default_storage

from circuits.models import Circuit, CircuitFile
from circuits.tests.conftest import make_circuit

pytestmark = pytest.mark.django_db


def url(circuit) -> str:
    return f"/api/circuits/{circuit.id}"


# Who sees a private circuit of the `lab` org created by alice: (client fixture, GET status, PUT status)
PRIVACY = [
    ("alice_api", 200, 200),  # org owner
    ("bob_api", 200, 403),  # org member: reads, may not change alice's circuit
    ("charlie_api", 404, 404),  # outsider: exactly like a missing circuit
    ("api", 404, 401),  # anonymous
]


@pytest.mark.parametrize(("client_name", "get_status", "put_status"), PRIVACY)
def test_private_org_circuit_privacy_matrix(request, secret, client_name, get_status, put_status):
    client = request.getfixturevalue(client_name)
    assert client.get(url(secret)).status_code == get_status
    assert client.get("/api/circuits/resolve", {"repo_name": "lab/secret"}).status_code == get_status
    assert client.put(url(secret), {"title": "Renamed"}, format="json").status_code == put_status


def test_not_visible_and_missing_share_one_answer(charlie_api, secret):
    hidden = charlie_api.get(url(secret))
    missing = charlie_api.get(f"/api/circuits/{uuid.uuid4()}")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json() == {"detail": "Circuit not found."}


def test_detail_has_versions_latest_version_and_repo_name(api, bell):
    body = api.get(url(bell)).json()
    assert body["repo_name"] == "alice/bell"
    assert body["owner"]["username"] == "alice"
    assert body["organization"] is None
    assert body["is_starred"] is None
    assert body["extra_metadata"] == {}
    assert [v["version_number"] for v in body["versions"]] == [1]
    latest = body["latest_version"]
    assert latest["file_path"] == f"circuits/{bell.id}/v1/circuit.py"
    assert latest["file_size"] > 0 and len(latest["commit_hash"]) == 40


def test_an_org_circuit_names_its_organization(alice_api, secret):
    body = alice_api.get(url(secret)).json()
    assert body["organization"]["slug"] == "lab"
    assert body["repo_name"] == "lab/secret"


def test_resolve_is_case_insensitive_on_owner_and_name(api, bell):
    response = api.get("/api/circuits/resolve", {"repo_name": "Alice/BELL"})
    assert response.status_code == 200 and response.json()["id"] == str(bell.id)


@pytest.mark.parametrize("repo_name", ["", "alice", "alice/", "/bell", "a/b/c"])
def test_resolve_rejects_malformed_repo_names(api, repo_name):
    response = api.get("/api/circuits/resolve", {"repo_name": repo_name})
    assert response.status_code == 400
    assert "owner/name" in response.json()["detail"]


def test_a_view_counts_once_per_viewer_per_hour(api, bob_api, charlie_api, bell):
    for _ in range(3):
        api.get(url(bell))
        bob_api.get(url(bell))
    charlie_api.get("/api/circuits/resolve", {"repo_name": "alice/bell"})
    assert Circuit.objects.get(pk=bell.pk).views_count == 3


def test_the_view_count_comes_back_in_the_response(api, bell):
    assert api.get(url(bell)).json()["views_count"] == 1
    assert api.get(url(bell)).json()["views_count"] == 1


def test_views_start_again_after_the_hour(api, bell):
    from django.core.cache import cache

    api.get(url(bell))
    cache.clear()  # the hour has passed: the viewer's key expired
    api.get(url(bell))
    assert Circuit.objects.get(pk=bell.pk).views_count == 2


def test_put_updates_only_the_fields_sent(alice_api, bell):
    response = alice_api.put(url(bell), {"description": "Better", "tags": ["Bell", "entanglement"]}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["description"] == "Better"
    assert body["tags"] == ["bell", "entanglement"]
    assert body["title"] == "Bell"


def test_put_can_make_a_circuit_private_and_set_extra_metadata(alice_api, charlie_api, bell):
    response = alice_api.put(url(bell), {"is_public": False, "extra_metadata": {"paper": "x"}}, format="json")
    assert response.json()["is_public"] is False
    assert response.json()["extra_metadata"] == {"paper": "x"}
    assert charlie_api.get(url(bell)).status_code == 404


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"tags": "bell"}, "tags"),
        ({"is_public": "maybe"}, "is_public"),
        ({"title": ""}, "title"),
        ({"extra_metadata": [1]}, "extra_metadata"),
        ({"name": "renamed"}, "name"),
        ({"framework": "cirq"}, "framework"),
    ],
)
def test_put_rejects_bad_or_read_only_fields(alice_api, bell, body, message):
    response = alice_api.put(url(bell), body, format="json")
    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert Circuit.objects.get(pk=bell.pk).title == "Bell"


def test_put_rejects_malformed_json(alice_api, bell):
    response = alice_api.generic("PUT", url(bell), "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_an_org_admin_may_edit_a_members_circuit(alice_api, bob, lab):
    circuit = make_circuit(bob, "bobs", organization_name="lab")
    assert alice_api.put(url(circuit), {"title": "Reviewed"}, format="json").status_code == 200


def test_delete_removes_the_circuit_and_its_stored_files(alice_api, bell):
    paths = list(CircuitFile.objects.filter(version__circuit=bell).values_list("path", flat=True))
    assert paths and all(default_storage.exists(p) for p in paths)
    with_callbacks = alice_api.delete(url(bell))
    assert with_callbacks.status_code == 204
    assert not Circuit.objects.filter(pk=bell.pk).exists()


def test_delete_removes_stored_files_after_commit(django_capture_on_commit_callbacks, alice_api, bell):
    paths = list(CircuitFile.objects.filter(version__circuit=bell).values_list("path", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        assert alice_api.delete(url(bell)).status_code == 204
    assert not any(default_storage.exists(p) for p in paths)


def test_delete_keeps_files_another_circuit_still_references(django_capture_on_commit_callbacks, alice_api, bell):
    other = make_circuit(bell.created_by, "other", with_files=False)
    shared = CircuitFile.objects.filter(version__circuit=bell).first()
    version = other.versions.create(version_number=1, commit_hash="x")
    CircuitFile.objects.create(version=version, name=shared.name, path=shared.path, size=shared.size, sha256="x")
    with django_capture_on_commit_callbacks(execute=True):
        alice_api.delete(url(bell))
    assert default_storage.exists(shared.path)


@pytest.mark.parametrize(("client_name", "status"), [("bob_api", 403), ("charlie_api", 404), ("api", 401)])
def test_only_editors_may_delete(request, secret, client_name, status):
    response = request.getfixturevalue(client_name).delete(url(secret))
    assert response.status_code == status
    assert Circuit.objects.filter(pk=secret.pk).exists()


def test_a_public_circuit_is_403_not_404_for_a_non_editor(charlie_api, bell):
    response = charlie_api.delete(url(bell))
    assert response.status_code == 403
    assert response.json() == {"detail": "You do not have permission to change this circuit."}
