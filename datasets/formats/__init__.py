"""Reading dataset files: validate at upload, profile in the background, preview on demand.

Plain Python (numpy, pyarrow, h5py), no Django: every function takes a local file path.
"""

from datasets.formats import csvfile, hdf5file, jsonfile, npyfile, parquetfile
from datasets.formats.errors import FormatError
from datasets.formats.profile import Limits, Preview, Profile
from datasets.formats.tabular import parquet_csv_chunks, parquet_preview

READERS = {"csv": csvfile, "json": jsonfile, "parquet": parquetfile, "npy": npyfile, "hdf5": hdf5file}
TABULAR = frozenset({"csv", "json", "parquet"})
DERIVED = frozenset({"csv", "json"})  # processed into a parquet copy used for preview, query and conversion
DEFAULT_LIMITS = Limits()
EXTENSIONS = {"csv": "csv", "json": "json", "parquet": "parquet", "npy": "npy", "hdf5": "h5"}

__all__ = [
    "DERIVED",
    "EXTENSIONS",
    "TABULAR",
    "FormatError",
    "Limits",
    "Preview",
    "Profile",
    "parquet_csv_chunks",
    "head",
    "preview",
    "process",
    "validate",
]


def validate(fmt: str, path: str, *, size: int, limits: Limits | None = None) -> dict:
    """Raise FormatError unless the file really is `fmt`; returns what processing needs to know."""
    if size == 0:
        raise FormatError("The file is empty.")
    return READERS[fmt].validate(path, size=size, limits=limits or DEFAULT_LIMITS)


def process(fmt: str, path: str, *, structure: dict, derived_path: str | None) -> Profile:
    """Schema, row count, statistics and the first rows, in one streaming pass."""
    return READERS[fmt].process(path, structure=structure, derived_path=derived_path if fmt in DERIVED else None)


def preview(fmt: str, path: str, *, offset: int, rows: int, inner_path: str | None = None) -> Preview:
    """`path` is the parquet file for tabular formats (the upload or its derived copy)."""
    if fmt in TABULAR:
        return parquet_preview(path, offset=offset, rows=rows)
    return READERS[fmt].preview(path, offset=offset, rows=rows, inner_path=inner_path)


def head(fmt: str, path: str, *, structure: dict, offset: int, rows: int) -> Preview:
    """csv/json rows read straight from the upload, while its parquet copy is not made yet."""
    return READERS[fmt].head(path, structure=structure, offset=offset, rows=rows)
