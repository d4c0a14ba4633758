"""Dataset pages: explore, create, the dataset page (preview, column statistics, versions), star, fork."""

import pytest
from django.test import Client

from datasets.models import Dataset

pytestmark = pytest.mark.django_db


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_explore_lists_public_datasets_with_filters(client, make_dataset):
    make_dataset("csv", name="energies")
    make_dataset("npy", name="arrays")
    make_dataset("csv", name="hidden", is_public=False)
    page = client.get("/explore/datasets", {"format": "csv"}).content.decode()
    assert "alice/energies" in page and "alice/arrays" not in page and "alice/hidden" not in page


def test_the_dataset_page_shows_the_preview_and_column_statistics(client, published):
    dataset = published("csv", license="MIT", citation="@misc{x}")
    page = client.get(f"/datasets/alice/{dataset.name}").content.decode()
    assert 'data-testid="dataset-preview"' in page and '<th scope="row">' in page
    assert "MIT" in page and "@misc{x}" in page and "Download" in page


def test_a_dataset_being_processed_polls_for_its_preview(alice, make_dataset, alice_api):
    from datasets.tests.conftest import upload
    from datasets.tests.files import VALID

    dataset = make_dataset("csv")
    upload(alice_api, dataset.id, VALID["csv"]())  # processing not run: the version stays "processing"
    page = session(alice).get(f"/datasets/alice/{dataset.name}").content.decode()
    assert 'hx-trigger="every 2s"' in page and "being processed" in page
    assert b"<html" not in session(alice).get(f"/datasets/alice/{dataset.name}/contents").content


def test_the_owner_gets_the_upload_form(alice, charlie, make_dataset):
    dataset = make_dataset("csv")
    assert (
        f"/api/datasets/{dataset.id}/versions".encode() in session(alice).get(f"/datasets/alice/{dataset.name}").content
    )
    assert b"data-upload=" not in session(charlie).get(f"/datasets/alice/{dataset.name}").content


def test_a_private_dataset_is_404_to_outsiders(client, charlie, make_dataset):
    make_dataset("csv", name="secret", is_public=False)
    assert client.get("/datasets/alice/secret").status_code == 404
    assert session(charlie).get("/datasets/alice/secret").status_code == 404
    assert session(charlie).post("/datasets/alice/secret/star").status_code == 404


def test_creating_a_dataset(alice):
    form = {"organization_name": "alice", "name": "new-data", "title": "New", "format": "csv", "license": "MIT"}
    response = session(alice).post("/datasets/new", form)
    assert response["Location"] == "/datasets/alice/new-data"
    assert Dataset.objects.get(name="new-data").license == "MIT"


def test_starring_and_forking(bob, published):
    dataset = published("csv")
    browser = session(bob)
    assert b"Starred" in browser.post(f"/datasets/alice/{dataset.name}/star", HTTP_HX_REQUEST="true").content
    assert browser.post(f"/datasets/alice/{dataset.name}/fork")["Location"] == f"/datasets/bob/{dataset.name}"
