"""Preview and statistics for each format, from stored first rows or from only the needed part of the file."""

import pytest

from datasets.models import DatasetVersion
from datasets.tests import files
from datasets.tests.conftest import upload

EXPECTED_COLUMNS = {
    "csv": ["bond_distance", "energy", "label"],
    "json": ["qubits", "fidelity", "state"],
    "parquet": ["shot", "outcome"],
    "npy": ["0", "1", "2"],
    "hdf5": ["value"],
}


@pytest.mark.parametrize("fmt", sorted(EXPECTED_COLUMNS))
def test_each_format_previews_with_columns_rows_and_schema(fmt, published, api):
    dataset = published(fmt)
    body = api.get(f"/api/datasets/{dataset.id}/preview", {"rows": 2}).json()
    assert body["columns"] == EXPECTED_COLUMNS[fmt]
    assert len(body["rows"]) == min(2, body["total_rows"])
    assert set(body["dataset_schema"]) == set(body["columns"])


def test_csv_preview_renders_nan_and_infinity_explicitly(published, api):
    dataset = published("csv")
    body = api.get(f"/api/datasets/{dataset.id}/preview", {"rows": 5}).json()
    assert body["total_rows"] == 5
    assert body["dataset_schema"] == {"bond_distance": "float64", "energy": "float64", "label": "string"}
    assert body["rows"][3] == [1.1, "NaN", "w"]
    assert body["rows"][4] == [1.3, "Infinity", "bell"]


def test_hdf5_preview_picks_a_dataset_by_path_and_renders_complex_and_bytes(published, api):
    dataset = published("hdf5")
    first = api.get(f"/api/datasets/{dataset.id}/preview").json()
    assert first["rows"] == [[{"real": 0.5, "imag": 0.5}], [{"real": 0.5, "imag": -0.5}]]
    counts = api.get(f"/api/datasets/{dataset.id}/preview", {"path": "measurements/counts", "rows": 2}).json()
    assert counts["columns"] == ["0", "1"] and counts["rows"] == [[512, 512], [480, 544]]
    assert counts["total_rows"] == 3
    labels = api.get(f"/api/datasets/{dataset.id}/preview", {"path": "/measurements/labels"}).json()
    assert labels["rows"] == [["00"], ["11"], ["01"]]
    missing = api.get(f"/api/datasets/{dataset.id}/preview", {"path": "/nope"})
    assert missing.status_code == 404


def test_the_path_parameter_is_only_for_hdf5(published, api):
    dataset = published("csv")
    assert api.get(f"/api/datasets/{dataset.id}/preview", {"path": "/x"}).status_code == 400


def test_preview_pages_with_an_offset_beyond_the_stored_rows(published, api):
    dataset = published("csv", content=files.csv_bytes(rows=2500))
    body = api.get(f"/api/datasets/{dataset.id}/preview", {"rows": 3, "offset": 2000}).json()
    assert body["rows"] == [[2000, 1000.0, "even"], [2001, 1000.5, "odd"], [2002, 1001.0, "even"]]
    assert body["total_rows"] == 2500


def test_parquet_preview_reads_only_the_row_groups_it_needs(published, api):
    dataset = published("parquet", content=files.parquet_bytes(rows=3000))
    body = api.get(f"/api/datasets/{dataset.id}/preview", {"rows": 2, "offset": 2999}).json()
    assert body["rows"] == [[2999, "11"]]


@pytest.mark.parametrize("rows", [0, 1001, "many"])
def test_rows_must_be_between_1_and_1000(published, api, rows):
    dataset = published("csv")
    response = api.get(f"/api/datasets/{dataset.id}/preview", {"rows": rows})
    assert response.status_code == 400
    assert "rows" in response.json()["detail"]


def test_preview_of_a_dataset_without_versions_is_404(make_dataset, api):
    dataset = make_dataset("csv")
    response = api.get(f"/api/datasets/{dataset.id}/preview")
    assert response.status_code == 404
    assert "upload a file first" in response.json()["detail"]


def test_preview_works_while_the_version_is_still_processing(make_dataset, alice_api):
    dataset = make_dataset("csv")
    upload(alice_api, dataset.id, files.CSV)  # on_commit never runs here: the version stays `processing`
    body = alice_api.get(f"/api/datasets/{dataset.id}/preview", {"rows": 2}).json()
    assert body["columns"] == ["bond_distance", "energy", "label"]
    assert body["total_rows"] is None
    assert len(body["rows"]) == 2


def test_stats_give_counts_size_and_column_statistics(published, api):
    dataset = published("csv")
    body = api.get(f"/api/datasets/{dataset.id}/stats").json()
    assert body["downloads_count"] == 0 and body["stars_count"] == 0 and body["forks_count"] == 0
    assert body["size_bytes"] == len(files.CSV)
    assert body["processing_state"] == "ready"
    energy = body["columns"]["energy"]
    assert (energy["count"], energy["nans"], energy["min"], energy["max"]) == (5, 1, -1.13, -1.05)
    label = body["columns"]["label"]
    assert label["distinct_count"] == 3
    assert label["top_values"][0] == {"value": "bell", "count": 3}


def test_array_stats_give_shape_dtype_and_summary(published, api):
    body = api.get(f"/api/datasets/{published('npy').id}/stats").json()
    assert body["columns"]["array"]["shape"] == [4, 3]
    assert body["columns"]["array"]["dtype"] == "float64"
    assert body["columns"]["array"]["mean"] == 5.5
    tree = DatasetVersion.objects.get(dataset__format="npy").structure
    assert tree["shape"] == [4, 3]


def test_hdf5_processing_stores_the_tree(published):
    published("hdf5")
    tree = DatasetVersion.objects.get().structure["tree"]
    assert {"path": "/measurements/counts", "type": "dataset", "shape": [3, 2], "dtype": "int64"} in tree
    assert {"path": "/measurements", "type": "group"} in tree
