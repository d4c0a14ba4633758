"""The upload page's script posts files to the upload API with the session and the X-CSRFToken header."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from circuits.tests.conftest import CIRCUIT_PY, make_circuit

pytestmark = pytest.mark.django_db


def browser_of(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/settings")  # sets the csrftoken cookie
    return client


def test_a_session_upload_with_the_csrf_header_streams_through_the_limited_handler(alice):
    circuit = make_circuit(alice, "up", with_files=False)
    browser = browser_of(alice)
    files = [SimpleUploadedFile("circuit.py", CIRCUIT_PY), SimpleUploadedFile("README.md", b"# hi\n")]
    response = browser.post(
        f"/api/circuits/{circuit.id}/upload-batch",
        {"files": files},
        HTTP_X_CSRFTOKEN=browser.cookies["csrftoken"].value,
    )
    assert response.status_code == 201, response.content
    assert sorted(f["name"] for f in response.json()["files"]) == ["README.md", "circuit.py"]


def test_a_session_upload_without_the_csrf_token_is_refused(alice):
    circuit = make_circuit(alice, "up", with_files=False)
    response = browser_of(alice).post(
        f"/api/circuits/{circuit.id}/upload-batch", {"files": [SimpleUploadedFile("circuit.py", CIRCUIT_PY)]}
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_a_session_upload_with_a_wrong_csrf_header_is_refused(alice):
    circuit = make_circuit(alice, "up", with_files=False)
    response = browser_of(alice).post(
        f"/api/circuits/{circuit.id}/upload-batch",
        {"files": [SimpleUploadedFile("circuit.py", CIRCUIT_PY)]},
        HTTP_X_CSRFTOKEN="x" * 64,
    )
    assert response.status_code == 403
