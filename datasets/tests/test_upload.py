import hashlib

import pytest

from datasets.models import DatasetVersion
from datasets.tests.conftest import upload
from datasets.tests.files import VALID


@pytest.mark.parametrize("fmt", sorted(VALID))
def test_each_format_uploads_and_is_processed(fmt, make_dataset, alice_api, django_capture_on_commit_callbacks):
    dataset = make_dataset(fmt)
    content = VALID[fmt]()
    response = upload(alice_api, dataset.id, content, message="first", capture=django_capture_on_commit_callbacks)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["version_number"] == 1
    assert body["commit_message"] == "first"
    assert body["file_size"] == len(content)
    assert body["sha256"] == hashlib.sha256(content).hexdigest()
    version = DatasetVersion.objects.get(pk=body["id"])
    assert version.state == "ready", version.error_message
    assert version.total_rows and version.dataset_schema


def test_the_upload_answers_before_processing_and_says_it_is_processing(make_dataset, alice_api):
    dataset = make_dataset("csv")
    response = upload(alice_api, dataset.id, VALID["csv"]())
    assert response.status_code == 201
    assert response.json()["processing_state"] == "processing"


def test_versions_are_numbered_and_listed(published, alice_api, django_capture_on_commit_callbacks):
    dataset = published("csv")
    upload(alice_api, dataset.id, VALID["csv"](rows=50), capture=django_capture_on_commit_callbacks)
    body = alice_api.get(f"/api/datasets/{dataset.id}/versions").json()
    assert [v["version_number"] for v in body["versions"]] == [1, 2]
    assert body["total"] == 2
    detail = alice_api.get(f"/api/datasets/{dataset.id}").json()
    assert [v["version_number"] for v in detail["versions"]] == [1, 2]
    assert detail["latest_version"]["total_rows"] == 50


def test_a_file_is_required(make_dataset, alice_api):
    dataset = make_dataset("csv")
    response = alice_api.post(f"/api/datasets/{dataset.id}/versions", {}, format="multipart")
    assert response.status_code == 400
    assert "field 'file'" in response.json()["detail"]


def test_uploading_needs_authentication(make_dataset, api):
    dataset = make_dataset("csv")
    assert upload(api, dataset.id, VALID["csv"]()).status_code == 401


def test_an_outsider_cannot_upload_to_a_public_dataset(make_dataset, charlie_api):
    dataset = make_dataset("csv")
    response = upload(charlie_api, dataset.id, VALID["csv"]())
    assert response.status_code == 403
    assert "permission" in response.json()["detail"]


def test_an_outsider_cannot_even_see_a_private_dataset_to_upload(make_dataset, charlie_api):
    dataset = make_dataset("csv", is_public=False)
    assert upload(charlie_api, dataset.id, VALID["csv"]()).status_code == 404


def test_an_org_member_uploads_to_their_own_org_dataset(lab, make_dataset, bob, bob_api):
    dataset = make_dataset("csv", creator=bob, organization_name="lab", is_public=False)
    assert upload(bob_api, dataset.id, VALID["csv"]()).status_code == 201


def test_a_member_cannot_upload_to_a_dataset_another_member_created(lab, make_dataset, bob_api):
    dataset = make_dataset("csv", organization_name="lab")
    assert upload(bob_api, dataset.id, VALID["csv"]()).status_code == 403


def test_an_upload_over_the_maximum_size_is_413(settings, make_dataset, alice_api):
    settings.QH_DATASET_MAX_UPLOAD_BYTES = 100
    dataset = make_dataset("csv")
    response = upload(alice_api, dataset.id, VALID["csv"](rows=100))
    assert response.status_code == 413
    assert "maximum upload size" in response.json()["detail"]
    assert not DatasetVersion.objects.exists()


def test_an_upload_over_the_storage_quota_is_403(settings, make_dataset, alice_api):
    free = {**settings.QH_PLAN_LIMITS["free"], "storage_bytes": 50}
    settings.QH_PLAN_LIMITS = {**settings.QH_PLAN_LIMITS, "free": free}
    dataset = make_dataset("csv")
    response = upload(alice_api, dataset.id, VALID["csv"]())
    assert response.status_code == 403
    assert "storage" in response.json()["detail"]
    assert not DatasetVersion.objects.exists()
