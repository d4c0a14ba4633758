"""Dataset pages: downloads per version and format, earlier versions' previews, the query page."""

import pytest
from django.test import Client

from datasets.models import DatasetVersion
from datasets.tests import files
from datasets.tests.conftest import upload

pytestmark = pytest.mark.django_db


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_each_ready_version_offers_its_file_and_the_conversions(client, published):
    dataset = published("csv")
    page = client.get(f"/datasets/alice/{dataset.name}").content.decode()
    base = f"/api/datasets/{dataset.id}/download?version=1"
    assert f'href="{base}"' in page and f'href="{base}&amp;format=parquet"' in page
    assert f"{base}&amp;format=csv" not in page  # csv is the file itself


def test_the_download_links_serve_the_files(client, published):
    dataset = published("csv")
    original = client.get(f"/api/datasets/{dataset.id}/download?version=1")
    assert b"".join(original.streaming_content) == files.CSV
    converted = client.get(f"/api/datasets/{dataset.id}/download?version=1&format=parquet")
    assert converted.status_code == 200 and b"".join(converted.streaming_content)[:4] == b"PAR1"


def test_a_private_datasets_downloads_work_for_its_signed_in_owner(alice, published):
    dataset = published("csv", is_public=False)
    response = session(alice).get(f"/api/datasets/{dataset.id}/download?version=1")
    assert response.status_code == 200
    assert Client().get(f"/api/datasets/{dataset.id}/download?version=1").status_code == 404


def test_non_tabular_datasets_offer_only_their_own_file_and_no_query(client, published):
    dataset = published("npy")
    page = client.get(f"/datasets/alice/{dataset.name}").content.decode()
    assert f"/api/datasets/{dataset.id}/download?version=1" in page and "format=" not in page
    assert "/query" not in page


def test_a_failed_version_offers_no_download_and_its_reason(client, published, alice_api):
    dataset = published("csv")
    upload(alice_api, dataset.id, b"a,b\n1,2\n")
    dataset.versions.filter(version_number=2).update(state="failed", error_message="bad row 7")
    page = client.get(f"/datasets/alice/{dataset.name}").content.decode()
    assert "download?version=2" not in page and "bad row 7" in page
    assert "v1, 5 rows" in page  # the current version is still the good one
    failed = client.get(f"/datasets/alice/{dataset.name}", {"version": "2"}).content.decode()
    assert "Version 2 failed processing: bad row 7" in failed


def test_an_earlier_version_can_be_previewed(client, published, alice_api, django_capture_on_commit_callbacks):
    dataset = published("csv")
    upload(alice_api, dataset.id, files.csv_bytes(30), capture=django_capture_on_commit_callbacks)
    assert "(v2, 30 rows)" in client.get(f"/datasets/alice/{dataset.name}").content.decode()
    earlier = client.get(f"/datasets/alice/{dataset.name}", {"version": "1"}).content.decode()
    assert "(v1, 5 rows)" in earlier and "bond_distance" in earlier


@pytest.mark.parametrize("version", ["9", "abc"])
def test_an_unknown_version_is_404(client, published, version):
    dataset = published("csv")
    assert client.get(f"/datasets/alice/{dataset.name}", {"version": version}).status_code == 404


def test_the_query_page_shows_the_first_rows_without_a_filter(client, published):
    dataset = published("csv")
    response = client.get(f"/datasets/alice/{dataset.name}/query")
    page = response.content.decode()
    assert response.status_code == 200 and "5 matching rows" in page
    assert page.count("<tr>") == 6 and "bond_distance" in page


def test_the_query_page_filters_and_sorts_like_the_api(client, published):
    dataset = published("csv")
    form = {"column1": "label", "op1": "eq", "value1": "bell", "sort": "bond_distance", "order": "desc"}
    page = client.get(f"/datasets/alice/{dataset.name}/query", form).content.decode()
    api = client.get(f"/api/datasets/{dataset.id}/query", {"where": "label:eq:bell", "sort": "-bond_distance"}).json()
    assert f"{api['total']} matching rows" in page and api["total"] == 3
    assert page.index("1.3") < page.index("0.9") < page.index("0.5")


def test_the_query_page_pages_through_the_rows(client, published):
    dataset = published("csv", content=files.csv_bytes(45))
    page = client.get(f"/datasets/alice/{dataset.name}/query", {"limit": "20", "page": "3"}).content.decode()
    assert "page 3 of 3" in page and page.count("<tr>") == 6 and 'rel="prev"' in page and 'rel="next"' not in page


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"column1": "bond_distance", "op1": "gt", "value1": "abc"}, "is not a valid double value"),
        ({"column1": "bond_distance", "op1": "contains", "value1": "1"}, "works on text columns"),
        ({"column1": "nope", "op1": "eq", "value1": "1"}, "Select a valid choice"),
        ({"limit": "500"}, "limit must be between 1 and 100"),
        ({"page": "0"}, "page must be at least 1"),
        ({"page": "600"}, "Only the first 10,000 matching rows"),
        ({"version": "7"}, "Select a valid choice"),
    ],
)
def test_bad_queries_are_form_errors(client, published, params, message):
    dataset = published("csv")
    response = client.get(f"/datasets/alice/{dataset.name}/query", params)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'data-testid="query-result"' not in response.content.decode()


def test_querying_a_non_tabular_dataset_explains_why_not(client, published):
    dataset = published("npy")
    response = client.get(f"/datasets/alice/{dataset.name}/query")
    assert response.status_code == 400 and "Only tabular datasets" in response.content.decode()


def test_querying_a_dataset_without_data_explains_why_not(client, make_dataset):
    dataset = make_dataset("csv")
    response = client.get(f"/datasets/alice/{dataset.name}/query")
    assert response.status_code == 400 and "upload a file first" in response.content.decode()


def test_the_query_page_of_a_private_dataset_is_404_to_outsiders(charlie, published):
    dataset = published("csv", is_public=False)
    assert session(charlie).get(f"/datasets/alice/{dataset.name}/query").status_code == 404
    assert Client().get(f"/datasets/alice/{dataset.name}/query").status_code == 404


def test_the_dataset_page_keeps_a_bounded_number_of_queries(
    client, published, alice_api, django_assert_max_num_queries
):
    dataset = published("csv", tags=["a", "b"], task_categories=["regression"])
    for _ in range(3):
        upload(alice_api, dataset.id, files.CSV)
    with django_assert_max_num_queries(8):
        assert client.get(f"/datasets/alice/{dataset.name}").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(f"/datasets/alice/{dataset.name}/query", {"version": "1"}).status_code == 200


def test_forking_under_a_new_name_from_the_page(bob, published):
    dataset = published("csv")
    response = session(bob).post(f"/datasets/alice/{dataset.name}/fork", {"name": "my-copy"})
    assert response["Location"] == "/datasets/bob/my-copy"


def test_a_bad_fork_name_is_a_message_not_a_500(bob, published):
    dataset = published("csv")
    response = session(bob).post(f"/datasets/alice/{dataset.name}/fork", {"name": "Bad Name!"}, follow=True)
    assert response.status_code == 200 and response.redirect_chain[-1][0] == f"/datasets/alice/{dataset.name}"
    assert "Enter a valid value" in response.content.decode()


def test_the_upload_form_works_without_javascript(alice, make_dataset, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    dataset = make_dataset("csv")
    browser = session(alice)
    form = {"file": SimpleUploadedFile("data.csv", files.CSV), "commit_message": "First rows"}
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(f"/datasets/alice/{dataset.name}/upload", form)
    assert response.status_code == 302 and response["Location"] == f"/datasets/alice/{dataset.name}"
    version = dataset.versions.get()
    assert (version.commit_message, version.state, version.total_rows) == ("First rows", "ready", 5)
    page = browser.get(response["Location"]).content.decode()
    assert "Uploaded version 1" in page and "(v1, 5 rows)" in page


@pytest.mark.parametrize(
    ("content", "status", "message"),
    [
        (files.npy_bytes(), 400, "The file is not a valid csv dataset"),
        (None, 400, "Choose the file to upload."),
        (b"x" * 2000, 413, "larger than the maximum upload size of 1,000 bytes"),
    ],
)
def test_a_rejected_upload_is_shown_by_the_form(alice, make_dataset, settings, content, status, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.QH_DATASET_MAX_UPLOAD_BYTES = 1000
    dataset = make_dataset("csv")
    form = {"commit_message": "x"} | ({"file": SimpleUploadedFile("data.csv", content)} if content else {})
    response = session(alice).post(f"/datasets/alice/{dataset.name}/upload", form)
    assert response.status_code == status
    assert 'data-testid="upload-error"' in response.content.decode() and message in response.content.decode()
    assert not dataset.versions.exists()


def test_only_editors_upload_and_the_form_checks_csrf(lab, alice, bob, make_dataset):
    from django.core.files.uploadedfile import SimpleUploadedFile

    make_dataset("csv", name="lab-data", organization_name="lab")
    form = {"file": SimpleUploadedFile("data.csv", files.CSV)}
    assert session(bob).post("/datasets/lab/lab-data/upload", form).status_code == 403
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    assert (
        strict.post("/datasets/lab/lab-data/upload", {"file": SimpleUploadedFile("d.csv", files.CSV)}).status_code
        == 403
    )
    assert not DatasetVersion.objects.exists()


def test_the_preview_pages_through_the_rows(client, published):
    dataset = published("csv", content=files.csv_bytes(45))
    first = client.get(f"/datasets/alice/{dataset.name}").content.decode()
    assert "Rows 1–20 of 45" in first and "offset=20" in first and 'rel="prev"' not in first
    last = client.get(f"/datasets/alice/{dataset.name}", {"offset": "40"}).content.decode()
    assert "Rows 41–45 of 45" in last and "<td>44</td>" in last and 'rel="next"' not in last


def test_an_hdf5_preview_can_show_each_dataset_inside_the_file(client, published):
    dataset = published("hdf5")
    page = client.get(f"/datasets/alice/{dataset.name}").content.decode()
    assert '<option value="/measurements/labels"' in page and '<option value="/amplitudes"' in page
    labels = client.get(f"/datasets/alice/{dataset.name}", {"path": "/measurements/labels"}).content.decode()
    assert 'value="/measurements/labels" selected' in labels and "11" in labels


def test_a_missing_hdf5_path_is_explained_in_the_panel(client, published):
    dataset = published("hdf5")
    response = client.get(f"/datasets/alice/{dataset.name}", {"path": "/nope"})
    assert response.status_code == 200 and "There is no dataset at &#x27;/nope&#x27;" in response.content.decode()
