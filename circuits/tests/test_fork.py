"""POST /api/circuits/{id}/fork."""

import pytest
from django.core.files.storage import default_storage

from circuits.models import Circuit, CircuitFile

pytestmark = pytest.mark.django_db


def fork(client, circuit, body=None):
    return client.post(f"/api/circuits/{circuit.id}/fork", body if body is not None else {}, format="json")


def test_fork_copies_metadata_and_latest_files_into_the_callers_namespace(bob_api, bell):
    response = fork(bob_api, bell)
    assert response.status_code == 201
    body = response.json()
    assert body["repo_name"] == "bob/bell"
    assert body["forked_from"] == {"id": str(bell.id), "repo_name": "alice/bell"}
    assert (body["title"], body["tags"], body["qubits"]) == ("Bell", ["entanglement"], 2)
    assert [v["version_number"] for v in body["versions"]] == [1]
    copy = Circuit.objects.get(pk=body["id"])
    source_files = {f.name: f for f in CircuitFile.objects.filter(version__circuit=bell)}
    fork_files = {f.name: f for f in CircuitFile.objects.filter(version__circuit=copy)}
    assert set(fork_files) == set(source_files)
    for name, record in fork_files.items():
        assert record.path.startswith(f"circuits/{copy.id}/v1/")
        assert record.sha256 == source_files[name].sha256


def test_fork_increments_the_sources_forks_count(bob_api, charlie_api, bell):
    fork(bob_api, bell)
    fork(charlie_api, bell)
    assert Circuit.objects.get(pk=bell.pk).forks_count == 2


def test_fork_takes_a_custom_name(bob_api, bell):
    assert fork(bob_api, bell, {"name": "my-bell"}).json()["repo_name"] == "bob/my-bell"


def test_forking_onto_an_existing_name_is_409(alice_api, bell):
    response = fork(alice_api, bell)
    assert response.status_code == 409
    assert "already have a circuit named 'bell'" in response.json()["detail"]
    assert Circuit.objects.get(pk=bell.pk).forks_count == 0


def test_a_bad_fork_name_is_400(bob_api, bell):
    assert fork(bob_api, bell, {"name": "Bad Name"}).status_code == 400


def test_forks_keep_working_after_the_source_is_deleted(django_capture_on_commit_callbacks, alice_api, bob_api, bell):
    copy_id = fork(bob_api, bell).json()["id"]
    with django_capture_on_commit_callbacks(execute=True):
        assert alice_api.delete(f"/api/circuits/{bell.id}").status_code == 204
    files = bob_api.get(f"/api/circuits/{copy_id}/files").json()["files"]
    assert all(default_storage.exists(f["path"]) for f in files)
    assert bob_api.get(f"/api/files/{files[0]['path']}").status_code == 200
    assert bob_api.get(f"/api/circuits/{copy_id}").json()["forked_from"] is None


def test_a_fork_of_a_private_circuit_stays_private(bob_api, charlie_api, secret):
    body = fork(bob_api, secret).json()
    assert body["is_public"] is False
    assert charlie_api.get(f"/api/circuits/{body['id']}").status_code == 404


@pytest.mark.parametrize(("client_name", "status"), [("charlie_api", 404), ("api", 401)])
def test_who_may_not_fork(request, secret, client_name, status):
    assert fork(request.getfixturevalue(client_name), secret).status_code == status


def test_a_circuit_without_versions_forks_without_files(bob_api, alice):
    from circuits.tests.conftest import make_circuit

    empty = make_circuit(alice, "empty", with_files=False)
    body = fork(bob_api, empty).json()
    assert body["versions"] == [] and body["latest_version"] is None


def test_forking_is_rate_limited(settings, bob_api, bell):
    settings.QH_FORK_PER_MINUTE = 1
    assert fork(bob_api, bell, {"name": "one"}).status_code == 201
    response = fork(bob_api, bell, {"name": "two"})
    assert response.status_code == 429 and response["Retry-After"]
