"""Files in S3-compatible object storage (django-storages against moto's standalone server on 127.0.0.1)."""

import os
import subprocess
import sys
import time
import urllib.request
import uuid

import pytest

from qubithub.storage import download_url, presigns
from qubithub.testing.s3 import moto_available, moto_server, s3_client, s3_storage_settings

pytestmark = pytest.mark.django_db
CIRCUIT = b"""from qiskit import QuantumCircuit


def create_circuit():
    qc = QuantumCircuit(1, 1)
    qc.h(0)
    qc.measure(0, 0)
    return qc
"""


@pytest.fixture(scope="module")
def s3_endpoint():
    if not moto_available():
        if os.environ.get("QH_REQUIRE_SERVICES") == "1":
            pytest.fail("QH_REQUIRE_SERVICES=1 but moto[server] is not installed")
        pytest.skip("moto[server] is not installed")
    with moto_server() as endpoint:
        yield endpoint


@pytest.fixture
def bucket(s3_endpoint, settings):
    name = f"qh-{uuid.uuid4().hex[:12]}"
    s3_client(s3_endpoint).create_bucket(Bucket=name)
    settings.STORAGES = {**settings.STORAGES, "default": s3_storage_settings(s3_endpoint, name)}
    return name


def stored_keys(endpoint: str, bucket: str) -> set[str]:
    listing = s3_client(endpoint).list_objects_v2(Bucket=bucket)
    return {item["Key"] for item in listing.get("Contents", [])}


def upload(client, circuit_id, name: str, content: bytes):
    boundary = "qhs3boundary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n".encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return client.generic(
        "POST", f"/api/circuits/{circuit_id}/upload", body, content_type=f"multipart/form-data; boundary={boundary}"
    )


def test_a_circuit_file_goes_to_the_bucket_and_comes_back_through_the_api(alice_api, bucket, s3_endpoint):
    fields = {"name": "s3-bell", "title": "S3 bell", "framework": "qiskit", "is_public": False}
    created = alice_api.post("/api/circuits", fields)
    assert created.status_code == 201, created.content
    answer = upload(alice_api, created.json()["id"], "circuit.py", CIRCUIT)
    assert answer.status_code == 201, answer.content
    path = next(f["path"] for f in answer.json()["files"] if f["name"] == "circuit.py")
    assert path in stored_keys(s3_endpoint, bucket)
    download = alice_api.get(f"/api/files/{path}")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == CIRCUIT


def test_a_presigned_url_serves_a_large_object_straight_from_the_store(bucket, s3_endpoint):
    from urllib.parse import parse_qs, urlsplit

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    name = default_storage.save("datasets/large/v1/data.csv", ContentFile(b"a,b\n" + b"1,2\n" * 50_000))
    assert presigns()
    url = download_url(name, filename="large-v1.csv", expires=60)
    query = parse_qs(urlsplit(url).query)
    assert url.startswith(f"{s3_endpoint}/{bucket}/{name}")
    # signed and short-lived (SigV2 or SigV4 depending on the endpoint); moto does not verify it, S3 and MinIO do
    assert "Signature" in query or "X-Amz-Signature" in query
    lifetime = int(query["X-Amz-Expires"][0]) if "X-Amz-Expires" in query else int(query["Expires"][0]) - time.time()
    assert 0 < lifetime <= 61
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.read() == b"a,b\n" + b"1,2\n" * 50_000
        assert 'filename="large-v1.csv"' in response.headers["Content-Disposition"]


def test_local_storage_has_no_presigned_url(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    assert download_url("circuits/x/v1/circuit.py") is None


def test_settings_build_the_s3_backend_from_environment_variables():
    env = {
        **os.environ,
        "QH_S3_BUCKET": "lab-files",
        "QH_S3_ENDPOINT_URL": "http://127.0.0.1:9",
        "QH_S3_REGION": "eu-west-1",
        "QH_S3_URL_SECONDS": "120",
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; o = s.STORAGES['default']['OPTIONS'];"
        "print(s.STORAGES['default']['BACKEND'], o['bucket_name'], o['endpoint_url'], o['region_name'],"
        " o['querystring_expire'])"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["storages.backends.s3.S3Storage", "lab-files", "http://127.0.0.1:9", "eu-west-1", "120"]
