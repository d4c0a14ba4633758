"""Every bad file gets a clear 400 (or a failed version with the reason); nothing already stored changes."""

import numpy as np
import pytest

from datasets.formats import Limits
from datasets.formats import validate as validate_file
from datasets.models import DatasetVersion
from datasets.tests import files
from datasets.tests.conftest import upload

BAD_UPLOADS = [
    ("parquet", files.CSV, "not a parquet file"),
    ("parquet", files.parquet_bytes()[:-20] + b"\x00" * 16 + b"PAR1", "footer is corrupted"),
    ("hdf5", files.hdf5_bytes()[:1500], "truncated or corrupted"),
    ("hdf5", files.CSV, "not an HDF5 file"),
    ("json", b'[{"a": 1}, {"a": 2', "Invalid JSON"),
    ("json", b'{"a": 1}\n{"a": \n', "Invalid JSON Lines: line 2"),
    ("json", b"[1, 2, 3]", "not an object"),
    ("json", b"hello", "array of records or JSON Lines"),
    ("csv", b"a,b,c\n1,2,3\n4,5\n", "Ragged CSV: line 3 has 2 fields"),
    ("csv", b"name,value\ncaf\xc3\xa9,1\ncaf\xe9,2\n", "not valid UTF-8"),
    ("csv", b"a,a\n1,2\n", "repeats the column name 'a'"),
    ("csv", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "binary data"),
    ("npy", files.npy_bytes(np.array([{"a": 1}, None], dtype=object)), "object dtype"),
    ("npy", files.npy_bytes()[:-8], "truncated"),
    ("npy", files.CSV, "not a valid .npy file"),
    ("hdf5", files.hdf5_bytes(files.with_external_link), "external link"),
    ("hdf5", files.hdf5_bytes(files.with_virtual_dataset), "virtual dataset"),
    ("hdf5", files.hdf5_bytes(files.with_external_storage), "external files"),
    ("csv", b"", "empty"),
]


@pytest.mark.parametrize(("fmt", "content", "reason"), BAD_UPLOADS)
def test_a_bad_file_is_refused_with_a_clear_reason(fmt, content, reason, make_dataset, alice_api):
    dataset = make_dataset(fmt)
    response = upload(alice_api, dataset.id, content)
    assert response.status_code == 400, response.json()
    assert reason in response.json()["detail"]
    assert not DatasetVersion.objects.filter(dataset=dataset).exists()


def test_a_refused_file_leaves_the_previous_version_current(published, alice_api, tmp_path, settings):
    dataset = published("parquet")
    stored_before = sorted(p.name for p in (settings.MEDIA_ROOT / "datasets").rglob("*"))
    response = upload(alice_api, dataset.id, files.CSV, name="data.parquet")
    assert response.status_code == 400
    assert sorted(p.name for p in (settings.MEDIA_ROOT / "datasets").rglob("*")) == stored_before
    preview = alice_api.get(f"/api/datasets/{dataset.id}/preview").json()
    assert preview["columns"] == ["shot", "outcome"]
    assert alice_api.get(f"/api/datasets/{dataset.id}").json()["latest_version"]["version_number"] == 1


def test_an_hdf5_file_with_too_many_objects_is_refused(tmp_path):
    path = tmp_path / "many.h5"
    path.write_bytes(files.hdf5_bytes(files.with_many_objects(2_001)))
    with pytest.raises(Exception, match="more than 2,000 objects"):
        validate_file("hdf5", str(path), size=path.stat().st_size, limits=Limits(max_hdf5_objects=2_000))


def test_a_flood_of_tiny_hdf5_datasets_is_refused_at_upload(make_dataset, alice_api, monkeypatch):
    monkeypatch.setattr("datasets.formats.DEFAULT_LIMITS", Limits(max_hdf5_objects=50))
    dataset = make_dataset("hdf5")
    response = upload(alice_api, dataset.id, files.hdf5_bytes(files.with_many_objects(51)))
    assert response.status_code == 400
    assert "more than 50 objects" in response.json()["detail"]


def test_a_compression_bomb_is_refused(tmp_path):
    import h5py

    path = tmp_path / "bomb.h5"
    with h5py.File(path, "w") as handle:
        handle.create_dataset("zeros", shape=(2**31,), dtype="i1", chunks=(2**20,), compression="gzip", fillvalue=0)
        handle["zeros"][: 2**20] = 0
    with pytest.raises(Exception, match="compression bomb"):
        validate_file("hdf5", str(path), size=path.stat().st_size)


def test_a_parquet_bomb_is_refused(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "bomb.parquet"
    pq.write_table(pa.table({"z": pa.array([0] * 2_000_000, pa.int64())}), path, compression="zstd")
    limits = Limits(expansion_floor_bytes=1024 * 1024, max_expansion_ratio=100)
    with pytest.raises(Exception, match="compression bomb"):
        validate_file("parquet", str(path), size=path.stat().st_size, limits=limits)


def test_a_large_csv_ragged_past_the_sample_fails_processing_with_the_reason(
    settings, make_dataset, alice_api, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr("datasets.formats.DEFAULT_LIMITS", Limits(sync_validate_bytes=10))
    monkeypatch.setattr("datasets.formats.csvfile.SAMPLE_BYTES", 300)
    dataset = make_dataset("csv")
    content = files.csv_bytes(rows=200) + b"1,2,3,4\n"
    response = upload(alice_api, dataset.id, content, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 201
    version = DatasetVersion.objects.get(dataset=dataset)
    assert version.state == "failed"
    assert "Expected 3 columns, got 4" in version.error_message
    detail = alice_api.get(f"/api/datasets/{dataset.id}/versions").json()["versions"][0]
    assert detail["processing_state"] == "failed"
    assert "Expected 3 columns" in detail["processing_error"]


def test_a_failed_version_does_not_hide_the_previous_one(
    published, alice_api, django_capture_on_commit_callbacks, monkeypatch
):
    dataset = published("csv")
    monkeypatch.setattr("datasets.formats.DEFAULT_LIMITS", Limits(sync_validate_bytes=10))
    monkeypatch.setattr("datasets.formats.csvfile.SAMPLE_BYTES", 300)
    upload(alice_api, dataset.id, files.csv_bytes(rows=200) + b"1,2\n", capture=django_capture_on_commit_callbacks)
    preview = alice_api.get(f"/api/datasets/{dataset.id}/preview", {"rows": 2}).json()
    assert preview["columns"] == ["bond_distance", "energy", "label"]
    failed = alice_api.get(f"/api/datasets/{dataset.id}/preview", {"version": 2})
    assert failed.status_code == 409
    assert "failed processing" in failed.json()["detail"]
