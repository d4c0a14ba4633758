"""NumPy .npy: the header is parsed without pickle; object arrays are refused; data is memory-mapped."""

import numpy as np
from numpy.lib import format as npformat

from datasets.formats.errors import FormatError
from datasets.formats.profile import CHUNK_BYTES, PREVIEW_CACHE_ROWS, Limits, Preview, Profile
from datasets.formats.stats import ArrayStats
from datasets.formats.values import numpy_type_name, rows_safe

MAX_PREVIEW_COLUMNS = 1000
HEADER_READERS = {(1, 0): npformat.read_array_header_1_0, (2, 0): npformat.read_array_header_2_0}


def _header(path: str, size: int) -> tuple[tuple, bool, np.dtype, int]:
    with open(path, "rb") as handle:
        try:
            version = npformat.read_magic(handle)
            reader = HEADER_READERS.get(version)
            if reader is None:
                raise ValueError(f"unsupported .npy format version {version}")
            shape, fortran, dtype = reader(handle, max_header_size=100_000)
        except (ValueError, SyntaxError, EOFError, OSError, TypeError) as exc:
            raise FormatError(f"This is not a valid .npy file: {exc}") from None
        offset = handle.tell()
    if dtype.hasobject:
        raise FormatError("The .npy array has object dtype; it would need pickle to load, which is never allowed.")
    expected = offset + int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    if size != expected:
        raise FormatError(f"The .npy file is truncated or padded: {size:,} bytes, its header implies {expected:,}.")
    return shape, fortran, dtype, offset


def validate(path: str, *, size: int, limits: Limits) -> dict:
    shape, fortran, dtype, _ = _header(path, size)
    return {"shape": list(shape), "dtype": str(dtype), "fortran_order": fortran}


def load(path: str) -> np.ndarray:
    return np.load(path, mmap_mode="r", allow_pickle=False)


def columns_of(array: np.ndarray) -> tuple[list[str], dict[str, str]]:
    if array.dtype.names:
        names = list(array.dtype.names)
        return names, {n: numpy_type_name(array.dtype.fields[n][0]) for n in names}
    if array.ndim == 2 and array.shape[1] <= MAX_PREVIEW_COLUMNS:
        names = [str(i) for i in range(array.shape[1])]
        return names, dict.fromkeys(names, numpy_type_name(array.dtype))
    return ["value"], {"value": numpy_type_name(array.dtype) if array.ndim <= 1 else f"array<{array.dtype}>"}


def array_rows(array: np.ndarray, offset: int, rows: int) -> list[list]:
    if array.ndim == 0:
        return rows_safe([[array[()]]]) if offset == 0 else []
    part = np.asarray(array[offset : offset + rows])
    if array.dtype.names:
        return rows_safe([[record[name] for name in array.dtype.names] for record in part])
    if array.ndim == 2 and array.shape[1] <= MAX_PREVIEW_COLUMNS:
        return rows_safe(part.tolist())
    return rows_safe([[item] for item in part.tolist()])


def array_preview(array: np.ndarray, *, offset: int, rows: int) -> Preview:
    columns, schema = columns_of(array)
    total = array.shape[0] if array.ndim else 1
    return Preview(columns=columns, rows=array_rows(array, offset, rows), total_rows=total, dataset_schema=schema)


def array_stats(array) -> dict:
    stats = ArrayStats(tuple(array.shape), array.dtype)
    if array.ndim == 0 or array.size == 0:
        stats.update(np.asarray(array[()]).reshape(-1) if array.ndim == 0 else np.asarray(array))
        return stats.result()
    row_bytes = max(array.dtype.itemsize * int(np.prod(array.shape[1:], dtype=np.int64)), 1)
    step = max(CHUNK_BYTES // row_bytes, 1)
    for start in range(0, array.shape[0], step):
        stats.update(np.asarray(array[start : start + step]))
    return stats.result()


def process(path: str, *, structure: dict, derived_path: str | None = None) -> Profile:
    array = load(path)
    head = array_preview(array, offset=0, rows=PREVIEW_CACHE_ROWS)
    return Profile(
        dataset_schema=head.dataset_schema,
        total_rows=head.total_rows,
        column_stats={"array": array_stats(array)},
        structure={"shape": list(array.shape), "dtype": str(array.dtype)},
        columns=head.columns,
        rows=head.rows,
    )


def preview(path: str, *, offset: int, rows: int, inner_path: str | None = None) -> Preview:
    return array_preview(load(path), offset=offset, rows=rows)
