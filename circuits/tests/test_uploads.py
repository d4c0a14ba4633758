"""POST /api/circuits/{id}/upload and /upload-batch: new versions from files, and every way to get it wrong."""

import pytest

from circuits.models import CircuitFile, CircuitVersion
from circuits.storage import read_bytes
from circuits.tests.conftest import CIRCUIT_PY, TOML

pytestmark = pytest.mark.django_db


BOUNDARY = "qhboundary7MA4YWxkTrZu0gW"


def multipart(field: str, files: list[tuple[str, bytes]]) -> bytes:
    """Like the official client's httpx body: the file name is sent as is (Django's test client drops folders)."""
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
        f"Content-Type: application/octet-stream\r\n\r\n".encode()
        + content
        + b"\r\n"
        for name, content in files
    ]
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def post_files(client, url: str, field: str, files: list[tuple[str, bytes]]):
    body = multipart(field, files)
    return client.generic("POST", url, body, content_type=f"multipart/form-data; boundary={BOUNDARY}")


def upload(client, circuit, name: str, content: bytes, message: str = "Update"):
    url = f"/api/circuits/{circuit.id}/upload?commit_message={message}"
    return post_files(client, url, "file", [(name, content)])


def batch(client, circuit, **named: bytes):
    return batch_list(client, circuit, list(named.items()))


def batch_list(client, circuit, files: list[tuple[str, bytes]]):
    return post_files(client, f"/api/circuits/{circuit.id}/upload-batch", "files", files)


def stored_files(settings) -> set[str]:
    root = settings.MEDIA_ROOT
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def test_single_upload_makes_a_new_version_on_top_of_the_previous_files(alice_api, bell):
    response = upload(alice_api, bell, "circuit.py", CIRCUIT_PY + b"# v2\n", "Add comment")
    assert response.status_code == 201
    body = response.json()
    assert body["version"]["version_number"] == 2
    assert body["version"]["commit_message"] == "Add comment"
    assert sorted(f["name"] for f in body["files"]) == ["circuit.py", "metadata.json", "qubithub.toml"]
    paths = {f["name"]: f["path"] for f in body["files"]}
    assert paths["circuit.py"] == f"circuits/{bell.id}/v2/circuit.py"
    assert paths["qubithub.toml"] == f"circuits/{bell.id}/v1/qubithub.toml"  # unchanged: stored once


def test_the_commit_hash_is_a_hash_of_the_contents(alice_api, bell):
    first = CircuitVersion.objects.get(circuit=bell).commit_hash
    same = upload(alice_api, bell, "circuit.py", CIRCUIT_PY).json()["version"]["commit_hash"]
    changed = upload(alice_api, bell, "circuit.py", CIRCUIT_PY + b"#\n").json()["version"]["commit_hash"]
    assert same == first != changed


def test_batch_upload_keeps_nested_paths(alice_api, bell):
    files = [("src/ansatz.py", b"x = 1\n"), ("src\\deep\\util.py", b"y = 1\n"), ("circuit.py", CIRCUIT_PY)]
    response = batch_list(alice_api, bell, files)
    assert response.status_code == 201
    names = {f["name"] for f in response.json()["files"]}
    assert {"src/ansatz.py", "src/deep/util.py", "circuit.py"} <= names


def test_batch_with_some_rejected_files_is_207_with_per_file_errors(alice_api, bell):
    files = [("src/ansatz.py", b"x = 1\n"), ("../escape.py", b"x = 2\n"), (".hidden.py", b"x = 3\n")]
    response = batch_list(alice_api, bell, files)
    assert response.status_code == 207
    errors = {e["filename"]: e["error"] for e in response.json()["errors"]}
    assert set(errors) == {"../escape.py", ".hidden.py"}
    assert "'..'" in errors["../escape.py"] and "hidden" in errors[".hidden.py"]
    assert "src/ansatz.py" in {f["name"] for f in response.json()["files"]}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("/etc/passwd", b"x", "absolute"),
        ("a/../../b.py", b"x", "'..'"),
        ("x" * 300 + ".py", b"x", "longer than"),
        ("circuit.py", b"\x00\x01binary\xff", "binary"),
        ("circuit.py", b"\xff\xfe not utf8", "UTF-8"),
        ("qubithub.toml", b"[project\nname=", "not valid TOML"),
        ("qubithub.toml", b'[project]\nname = "x"\n', "missing required key"),
    ],
)
def test_a_rejected_single_upload_is_400_and_changes_nothing(settings, alice_api, bell, name, content, message):
    before = stored_files(settings)
    response = upload(alice_api, bell, name, content)
    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert CircuitVersion.objects.filter(circuit=bell).count() == 1
    assert stored_files(settings) == before


def test_a_bad_manifest_rejects_the_whole_batch(settings, alice_api, bell):
    before = stored_files(settings)
    response = batch(alice_api, bell, **{"circuit.py": CIRCUIT_PY + b"#\n", "qubithub.toml": b"not = [toml"})
    assert response.status_code == 400
    assert "qubithub.toml is not valid TOML" in response.json()["detail"]
    assert CircuitVersion.objects.filter(circuit=bell).count() == 1
    assert stored_files(settings) == before


def test_a_file_over_the_limit_is_refused_without_reading_the_request(settings, alice_api, bell):
    settings.QH_MAX_UPLOAD_BYTES = 1024 * 1024
    response = upload(alice_api, bell, "circuit.py", b"#" * (2 * 1024 * 1024))
    assert response.status_code == 400
    assert "over the 1 MiB limit" in response.json()["detail"]


def test_in_a_batch_a_file_over_the_limit_is_skipped_and_named(settings, alice_api, bell):
    settings.QH_MAX_UPLOAD_BYTES = 1024 * 1024
    response = batch(alice_api, bell, **{"big.py": b"#" * (1024 * 1024 + 10), "small.py": b"x = 1\n"})
    assert response.status_code == 207
    assert response.json()["errors"] == [
        {"filename": "big.py", "error": "'big.py' is larger than the 1 MiB file limit."}
    ]


def test_a_batch_request_over_the_total_limit_is_400(settings, alice_api, bell):
    settings.QH_MAX_UPLOAD_REQUEST_BYTES = 1024 * 1024
    response = batch(alice_api, bell, **{"a.py": b"#" * (700 * 1024), "b.py": b"#" * (700 * 1024)})
    assert response.status_code == 400
    assert "limit" in response.json()["detail"]


def test_no_file_field_is_400(alice_api, bell):
    response = alice_api.post(f"/api/circuits/{bell.id}/upload", {"other": "x"}, format="multipart")
    assert response.status_code == 400
    assert "'file'" in response.json()["detail"]


def test_files_written_before_a_failure_are_removed(settings, monkeypatch, alice_api, bell):
    before = stored_files(settings)

    def explode(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(CircuitFile.objects, "bulk_create", explode)
    alice_api.raise_request_exception = False
    response = batch(alice_api, bell, **{"circuit.py": CIRCUIT_PY + b"# new\n", "extra.py": b"y = 2\n"})
    assert response.status_code == 500
    assert stored_files(settings) == before


def test_metadata_json_is_generated_from_the_manifest(alice_api, bell):
    toml = TOML.replace(b"qubits = 2", b'qubits = 2\ntags = ["bell"]')
    body = upload(alice_api, bell, "qubithub.toml", toml).json()
    path = next(f["path"] for f in body["files"] if f["name"] == "metadata.json")
    assert b'"tags": [\n    "bell"\n  ]' in read_bytes(path)


def test_an_uploaded_metadata_json_is_replaced_by_the_generated_one(alice_api, bell):
    body = batch(alice_api, bell, **{"metadata.json": b'{"forged": true}', "circuit.py": CIRCUIT_PY}).json()
    path = next(f["path"] for f in body["files"] if f["name"] == "metadata.json")
    assert b"forged" not in read_bytes(path)


@pytest.mark.parametrize(("client_name", "status"), [("bob_api", 403), ("charlie_api", 404), ("api", 401)])
def test_only_editors_may_upload(request, secret, client_name, status):
    response = upload(request.getfixturevalue(client_name), secret, "circuit.py", CIRCUIT_PY)
    assert response.status_code == status
    assert CircuitVersion.objects.filter(circuit=secret).count() == 1


def test_each_version_is_analysed_after_commit(django_capture_on_commit_callbacks, monkeypatch, alice_api, bell):
    seen = []
    monkeypatch.setattr("circuits.services.analysis.engine_analyse", lambda version, files: seen.append(files) or {})
    with django_capture_on_commit_callbacks(execute=True):
        upload(alice_api, bell, "circuit.py", CIRCUIT_PY + b"#\n")
    assert len(seen) == 1 and seen[0]["circuit.py"].endswith(b"#\n")
