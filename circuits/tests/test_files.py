"""GET /api/circuits/{id}/files[?version=N] and GET /api/files/{path}."""

import pytest

from circuits.tests.conftest import CIRCUIT_PY, publish

pytestmark = pytest.mark.django_db


def test_lists_the_latest_versions_files(api, bell):
    body = api.get(f"/api/circuits/{bell.id}/files").json()
    assert body["version"] == "1"
    assert sorted(f["name"] for f in body["files"]) == ["circuit.py", "metadata.json", "qubithub.toml"]
    assert all(set(f) == {"name", "path", "type", "size"} for f in body["files"])


def test_lists_an_older_version(api, alice, bell):
    publish(bell, alice, "v2", **{"circuit.py": CIRCUIT_PY + b"#\n", "extra.py": b"x = 1\n"})
    assert "extra.py" in {f["name"] for f in api.get(f"/api/circuits/{bell.id}/files").json()["files"]}
    for version in ("1", "v1"):
        body = api.get(f"/api/circuits/{bell.id}/files", {"version": version}).json()
        assert body["version"] == "1" and "extra.py" not in {f["name"] for f in body["files"]}


def test_an_unknown_version_is_404_and_a_malformed_one_400(api, bell):
    assert api.get(f"/api/circuits/{bell.id}/files", {"version": "7"}).status_code == 404
    assert api.get(f"/api/circuits/{bell.id}/files", {"version": "abc"}).status_code == 400


def test_a_circuit_without_versions_has_no_files(api, alice):
    from circuits.tests.conftest import make_circuit

    empty = make_circuit(alice, "empty", with_files=False)
    assert api.get(f"/api/circuits/{empty.id}/files").json() == {"files": [], "version": None}


def test_download_streams_the_bytes_with_a_content_type(api, bell):
    path = f"circuits/{bell.id}/v1/circuit.py"
    response = api.get(f"/api/files/{path}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CIRCUIT_PY
    assert response["Content-Type"].startswith("text/plain")
    assert api.get(f"/api/files/circuits/{bell.id}/v1/metadata.json")["Content-Type"] == "application/json"


@pytest.mark.parametrize(("client_name", "status"), [("bob_api", 200), ("charlie_api", 404), ("api", 404)])
def test_a_private_circuits_files_are_404_to_those_who_may_not_read_it(request, secret, client_name, status):
    client = request.getfixturevalue(client_name)
    assert client.get(f"/api/files/circuits/{secret.id}/v1/circuit.py").status_code == status
    assert client.get(f"/api/circuits/{secret.id}/files").status_code == status


@pytest.mark.parametrize(
    "path", ["../../etc/passwd", "circuits/../../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd", "circuits/x/v1/circuit.py"]
)
def test_anything_but_a_known_file_is_404(api, bell, path):
    response = api.get(f"/api/files/{path}")
    assert response.status_code == 404
    assert response.json() == {"detail": "File not found."} or response.json() == {"detail": "Not found."}
