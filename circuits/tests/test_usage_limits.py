"""Circuits count against the plan's storage limit."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from circuits.models import Circuit, CircuitVersion
from circuits.tests.conftest import CIRCUIT_PY, TOML, make_circuit
from circuits.usage import circuit_storage_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def storage_limit(settings):
    def set_limit(limit: int):
        limits = settings.QH_PLAN_LIMITS
        settings.QH_PLAN_LIMITS = {**limits, "free": {**limits["free"], "storage_bytes": limit}}

    return set_limit


def test_a_file_kept_across_versions_counts_once(alice, bell):
    from circuits.tests.conftest import publish

    before = circuit_storage_bytes(alice)
    publish(bell, alice, "same files again")
    assert circuit_storage_bytes(alice) == before
    assert before >= len(CIRCUIT_PY) + len(TOML)


def test_an_upload_over_the_storage_limit_is_a_403_and_stores_nothing(alice_api, alice, bell, storage_limit):
    storage_limit(circuit_storage_bytes(alice) + 10)
    upload = SimpleUploadedFile("big.py", b"x = 1\n" * 100)
    response = alice_api.post(f"/api/circuits/{bell.id}/upload", {"file": upload}, format="multipart")
    assert response.status_code == 403
    assert "storage bytes" in response.json()["detail"]
    assert CircuitVersion.objects.filter(circuit=bell).count() == 1


def test_creating_a_circuit_when_storage_is_full_is_a_403(alice_api, alice, bell, storage_limit):
    storage_limit(circuit_storage_bytes(alice))
    response = alice_api.post("/api/circuits", {"name": "more", "title": "More", "framework": "qiskit"}, format="json")
    assert response.status_code == 403
    assert not Circuit.objects.filter(name="more").exists()


def test_a_fork_over_the_storage_quota_is_a_403(charlie_api, charlie, bell, storage_limit):
    storage_limit(10)
    response = charlie_api.post(f"/api/circuits/{bell.id}/fork", {}, format="json")
    assert response.status_code == 403
    assert "Usage limit exceeded" in response.json()["detail"]
    assert not Circuit.objects.filter(created_by=charlie).exists()


def test_pro_users_have_a_larger_limit(alice_api, alice, bell, storage_limit):
    storage_limit(circuit_storage_bytes(alice) + 10)
    alice.plan = "pro"
    alice.save()
    make_circuit(alice, "roomy")
    assert Circuit.objects.filter(name="roomy").exists()
