import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from datasets.services import dataset_create
from datasets.tests.files import VALID


def upload(client, dataset_id, content: bytes, *, name="data.bin", message="", capture=None):
    """POST a version; with `capture` (django_capture_on_commit_callbacks) the processing runs too."""
    url = f"/api/datasets/{dataset_id}/versions"
    if message:
        url += f"?commit_message={message}"
    file = SimpleUploadedFile(name, content)
    if capture is None:
        return client.post(url, {"file": file}, format="multipart")
    with capture(execute=True):
        return client.post(url, {"file": file}, format="multipart")


@pytest.fixture
def make_dataset(alice):
    def make(fmt="csv", *, creator=None, name=None, is_public=True, organization_name=None, **extra):
        return dataset_create(
            creator=creator or alice,
            name=name or f"{fmt}-data",
            title=f"A {fmt} dataset",
            format=fmt,
            is_public=is_public,
            organization_name=organization_name,
            **extra,
        )

    return make


@pytest.fixture
def published(make_dataset, alice_api, django_capture_on_commit_callbacks):
    """A dataset of the given format with one processed version."""

    def publish(fmt="csv", content=None, **kwargs):
        dataset = make_dataset(fmt, **kwargs)
        response = upload(alice_api, dataset.id, content or VALID[fmt](), capture=django_capture_on_commit_callbacks)
        assert response.status_code == 201, response.json()
        return dataset

    return publish
