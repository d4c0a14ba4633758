"""Values and type names made JSON-safe, explicitly: NaN and infinities, bytes, complex numbers, dates."""

import base64
import datetime as dt
import math
from decimal import Decimal

import numpy as np
import pyarrow as pa


def _float(value: float):
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def _bytes(value: bytes):
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return {"base64": base64.b64encode(value).decode("ascii")}


def _numpy(value: np.generic):
    if isinstance(value, np.datetime64 | np.timedelta64):
        return str(np.datetime_as_string(value)) if isinstance(value, np.datetime64) else str(value)
    return json_safe(value.item())


_CONVERTERS = (
    (bool, lambda v: v),
    (int, lambda v: v),
    (str, lambda v: v),
    (float, _float),
    (complex, lambda v: {"real": _float(v.real), "imag": _float(v.imag)}),
    (bytes | bytearray | memoryview, lambda v: _bytes(bytes(v))),
    (dt.datetime | dt.date | dt.time, lambda v: v.isoformat()),
    (dt.timedelta, lambda v: {"seconds": v.total_seconds()}),
    (Decimal, str),
    (np.ndarray, lambda v: json_safe(v.tolist())),
    (np.generic, _numpy),
    (dict, lambda v: {str(k): json_safe(item) for k, item in v.items()}),
    (list | tuple, lambda v: [json_safe(item) for item in v]),
)


def json_safe(value):
    """A value strict JSON can carry; nothing is silently turned into null."""
    if value is None:
        return None
    for kind, convert in _CONVERTERS:
        if isinstance(value, kind):
            return convert(value)
    return str(value)


def rows_safe(rows: list[list]) -> list[list]:
    return [[json_safe(value) for value in row] for row in rows]


ARROW_NAMES = {"double": "float64", "float": "float32", "halffloat": "float16", "large_string": "string"}


def arrow_type_name(kind: pa.DataType) -> str:
    if pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_string_view(kind):
        return "string"
    if pa.types.is_dictionary(kind):
        return arrow_type_name(kind.value_type)
    if pa.types.is_boolean(kind):
        return "bool"
    return ARROW_NAMES.get(str(kind), str(kind))


def numpy_type_name(dtype: np.dtype) -> str:
    if dtype.kind in "SU":
        return "string"
    if dtype.kind == "O":
        return "string" if (dtype.metadata or {}).get("vlen") in (str, bytes) else "object"
    return str(dtype) if dtype.names is None else "struct"
