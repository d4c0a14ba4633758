"""Reads of a version's contents: preview, statistics, query, and the parquet file behind tabular data."""

from datasets import formats
from datasets.formats.hdf5file import dataset_paths
from datasets.formats.query import run_query
from datasets.models import Dataset, DatasetVersion, Format, State
from datasets.selectors import version_ready
from datasets.storage import local_path
from qubithub.api.exceptions import Conflict, InvalidInput, NotFound


def _inner_path(version: DatasetVersion, requested: str | None) -> str | None:
    if version.dataset.format != Format.HDF5:
        if requested:
            raise InvalidInput("path selects a dataset inside an HDF5 file; this dataset is not HDF5.")
        return None
    default = version.structure.get("default_path")
    if not requested:
        if default is None:
            raise NotFound("This HDF5 file has no datasets to preview.")
        return default
    path = "/" + requested.strip("/")
    if path not in dataset_paths(version.structure):
        raise NotFound(f"There is no dataset at '{path}' in this HDF5 file.")
    return path


def _from_cache(version: DatasetVersion, inner: str | None, offset: int, rows: int) -> dict | None:
    cached = version.preview or {}
    stored = cached.get("rows")
    if version.state != State.READY or stored is None or inner != version.structure.get("default_path"):
        return None
    complete = version.total_rows is not None and len(stored) >= version.total_rows
    if offset + rows > len(stored) and not complete:
        return None
    return {
        "columns": cached["columns"],
        "rows": stored[offset : offset + rows],
        "total_rows": version.total_rows,
        "dataset_schema": version.dataset_schema,
    }


def version_preview(*, version: DatasetVersion, rows: int, offset: int = 0, path: str | None = None) -> dict:
    """Stored first rows when they cover the request; otherwise only the needed part of the file is read."""
    inner = _inner_path(version, path)
    cached = _from_cache(version, inner, offset, rows)
    if cached is not None:
        return cached
    fmt = version.dataset.format
    try:
        if fmt in formats.DERIVED and not version.derived_path:
            with local_path(version.file_path) as local:
                return formats.head(fmt, local, structure=version.structure, offset=offset, rows=rows).as_dict()
        with local_path(version.derived_path or version.file_path) as local:
            return formats.preview(fmt, local, offset=offset, rows=rows, inner_path=inner).as_dict()
    except formats.FormatError as exc:
        raise Conflict(f"This version cannot be previewed: {exc}") from None


def version_stats(*, dataset: Dataset, version: DatasetVersion | None) -> dict:
    return {
        "downloads_count": dataset.downloads_count,
        "stars_count": dataset.stars_count,
        "forks_count": dataset.forks_count,
        "size_bytes": version.size_bytes if version else 0,
        "version": version.version_number if version else None,
        "processing_state": version.state if version else None,
        "total_rows": version.total_rows if version else None,
        "columns": version.column_stats if version else {},
    }


def tabular_name(version: DatasetVersion) -> str:
    """The stored parquet file with this version's rows: the upload itself or its derived copy."""
    fmt = version.dataset.format
    if fmt not in formats.TABULAR:
        raise InvalidInput(f"Only tabular datasets (csv, json, parquet) can be queried or converted; this is {fmt}.")
    if fmt == Format.PARQUET:
        return version.file_path
    version_ready(version)
    return version.derived_path


def version_query(*, version: DatasetVersion, where: list[str], sort: list[str], page: int, limit: int) -> dict:
    with local_path(tabular_name(version), suffix=".parquet") as local:
        try:
            result = run_query(local, where=where, sort=sort, offset=(page - 1) * limit, limit=limit)
        except formats.FormatError as exc:
            raise InvalidInput(str(exc)) from None
    pages = -(-result.total // limit) if result.total else 0
    return {
        "columns": result.columns,
        "rows": result.rows,
        "total": result.total,
        "page": page,
        "pages": pages,
        "dataset_schema": result.dataset_schema,
    }
