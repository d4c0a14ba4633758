"""Download streams the stored file, honours ranges, counts downloads, converts tabular data."""

import io

import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from datasets.models import Dataset
from datasets.tests import files
from datasets.tests.conftest import upload


def body_of(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("fmt", sorted(files.VALID))
def test_each_format_downloads_byte_for_byte(fmt, published, api):
    dataset = published(fmt)
    response = api.get(f"/api/datasets/{dataset.id}/download")
    assert response.status_code == 200
    assert body_of(response) == files.VALID[fmt]()
    assert response["Content-Disposition"].startswith(f'attachment; filename="{dataset.name}-v1.')
    assert response["Accept-Ranges"] == "bytes"
    assert Dataset.objects.get(pk=dataset.pk).downloads_count == 1


def test_a_range_request_gets_206_and_the_bytes_asked_for(published, api):
    dataset = published("csv")
    response = api.get(f"/api/datasets/{dataset.id}/download", HTTP_RANGE="bytes=5-14")
    assert response.status_code == 206
    assert body_of(response) == files.CSV[5:15]
    assert response["Content-Range"] == f"bytes 5-14/{len(files.CSV)}"
    assert response["Content-Length"] == "10"
    tail = api.get(f"/api/datasets/{dataset.id}/download", HTTP_RANGE="bytes=-6")
    assert body_of(tail) == files.CSV[-6:]
    assert Dataset.objects.get(pk=dataset.pk).downloads_count == 0  # resumed parts are not new downloads


def test_an_unsatisfiable_range_is_416(published, api):
    dataset = published("csv")
    response = api.get(f"/api/datasets/{dataset.id}/download", HTTP_RANGE=f"bytes={len(files.CSV)}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(files.CSV)}"
    assert "not satisfiable" in response.json()["detail"]


def test_a_malformed_range_gets_the_whole_file(published, api):
    dataset = published("csv")
    response = api.get(f"/api/datasets/{dataset.id}/download", HTTP_RANGE="bytes=0-1,4-5")
    assert response.status_code == 200 and body_of(response) == files.CSV


def test_an_older_version_downloads_by_number(published, alice_api, django_capture_on_commit_callbacks):
    dataset = published("csv")
    upload(alice_api, dataset.id, files.csv_bytes(rows=9), capture=django_capture_on_commit_callbacks)
    assert body_of(alice_api.get(f"/api/datasets/{dataset.id}/download", {"version": 1})) == files.CSV
    assert alice_api.get(f"/api/datasets/{dataset.id}/download", {"version": 7}).status_code == 404
    assert alice_api.get(f"/api/datasets/{dataset.id}/download", {"version": "x"}).status_code == 400


def test_csv_converts_to_parquet(published, api):
    dataset = published("csv")
    response = api.get(f"/api/datasets/{dataset.id}/download", {"format": "parquet"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.parquet"')
    table = pq.read_table(io.BytesIO(body_of(response)))
    assert table.column_names == ["bond_distance", "energy", "label"] and table.num_rows == 5


@pytest.mark.parametrize("fmt", ["parquet", "json"])
def test_tabular_data_converts_to_csv_as_a_stream(fmt, published, api):
    dataset = published(fmt)
    response = api.get(f"/api/datasets/{dataset.id}/download", {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    table = pacsv.read_csv(io.BytesIO(body_of(response)))
    assert table.num_rows in (2, 3)


def test_arrays_do_not_convert(published, api):
    dataset = published("npy")
    response = api.get(f"/api/datasets/{dataset.id}/download", {"format": "csv"})
    assert response.status_code == 400
    assert "Only tabular datasets" in response.json()["detail"]


def test_an_unknown_target_format_is_400(published, api):
    response = api.get(f"/api/datasets/{published('csv').id}/download", {"format": "xlsx"})
    assert response.status_code == 400


def test_conversion_waits_for_processing(make_dataset, alice_api):
    dataset = make_dataset("csv")
    upload(alice_api, dataset.id, files.CSV)
    response = alice_api.get(f"/api/datasets/{dataset.id}/download", {"format": "parquet"})
    assert response.status_code == 409
    assert "still being processed" in response.json()["detail"]
    assert alice_api.get(f"/api/datasets/{dataset.id}/download").status_code == 200  # the original is there
