"""Per-column statistics accumulated batch by batch, so any file size runs in bounded memory.

Numbers: count, nulls, NaNs, min, max, mean, std (merged with Chan's parallel formula).
Strings: distinct count and top values (exact up to MAX_TRACKED distinct values, then approximate).
Arrays: shape and dtype plus the numeric summary of their elements.
"""

import heapq
import math
from collections import Counter

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from datasets.formats.values import arrow_type_name, json_safe, numpy_type_name

TOP_VALUES = 10
MAX_TRACKED = 100_000


class Moments:
    """Running count, mean and sum of squared deviations, mergeable across batches."""

    def __init__(self) -> None:
        self.n = 0
        self.mean = 0.0
        self.m2 = 0.0
        self.low = math.inf
        self.high = -math.inf

    def merge(self, n: int, mean: float, m2: float, low: float, high: float) -> None:
        if n == 0:
            return
        total = self.n + n
        delta = mean - self.mean
        self.mean += delta * n / total
        self.m2 += m2 + delta * delta * self.n * n / total
        self.n = total
        self.low, self.high = min(self.low, low), max(self.high, high)

    def merge_numpy(self, values: np.ndarray) -> None:
        values = values[np.isfinite(values)] if values.dtype.kind in "fc" else values
        if values.size:
            values = values.astype(np.float64)
            mean = float(values.mean())
            self.merge(values.size, mean, float(((values - mean) ** 2).sum()), float(values.min()), float(values.max()))

    def summary(self) -> dict:
        if self.n == 0:
            return {"min": None, "max": None, "mean": None, "std": None}
        std = math.sqrt(self.m2 / (self.n - 1)) if self.n > 1 else 0.0
        return {"min": json_safe(self.low), "max": json_safe(self.high), "mean": self.mean, "std": std}


class ColumnStats:
    def __init__(self, name: str, kind: pa.DataType) -> None:
        self.name, self.kind = name, kind
        self.count = self.nulls = self.nans = 0
        self.moments = Moments()
        self.values: Counter = Counter()
        self.approximate = False
        self.low = self.high = None

    @property
    def numeric(self) -> bool:
        return pa.types.is_integer(self.kind) or pa.types.is_floating(self.kind) or pa.types.is_decimal(self.kind)

    @property
    def textual(self) -> bool:
        return arrow_type_name(self.kind) == "string" or pa.types.is_boolean(self.kind)

    @property
    def ordered(self) -> bool:
        return pa.types.is_temporal(self.kind)

    def update(self, column: pa.Array | pa.ChunkedArray) -> None:
        self.nulls += column.null_count
        self.count += len(column) - column.null_count
        if self.numeric:
            self._update_numeric(column)
        elif self.textual:
            self._update_values(column)
        elif self.ordered and len(column) > column.null_count:
            bounds = pc.min_max(column).as_py()
            self.low = bounds["min"] if self.low is None else min(self.low, bounds["min"])
            self.high = bounds["max"] if self.high is None else max(self.high, bounds["max"])

    def _update_numeric(self, column) -> None:
        values = pc.drop_null(column)
        if pa.types.is_decimal(self.kind):
            values = pc.cast(values, pa.float64())
        if pa.types.is_floating(self.kind):
            finite = pc.is_finite(values)
            self.nans += int(pc.sum(pc.is_nan(values)).as_py() or 0)
            values = pc.filter(values, finite)
        n = len(values)
        if n == 0:
            return
        bounds = pc.min_max(values).as_py()
        mean = pc.mean(values).as_py()
        variance = pc.variance(values, ddof=0).as_py() or 0.0
        self.moments.merge(n, mean, variance * n, bounds["min"], bounds["max"])

    def _update_values(self, column) -> None:
        counts = pc.value_counts(pc.drop_null(column))
        pairs = zip(counts.field("values").to_pylist(), counts.field("counts").to_pylist(), strict=True)
        self.values.update(dict(pairs))
        if len(self.values) > MAX_TRACKED:
            self.approximate = True
            self.values = Counter(dict(self.values.most_common(MAX_TRACKED // 2)))

    def result(self) -> dict:
        out = {"dtype": arrow_type_name(self.kind), "count": self.count, "nulls": self.nulls}
        if self.numeric:
            out.update(self.moments.summary(), nans=self.nans)
        elif self.textual:
            top = heapq.nlargest(TOP_VALUES, self.values.items(), key=lambda item: item[1])
            out["distinct_count"] = len(self.values)
            out["distinct_count_is_lower_bound"] = self.approximate
            out["top_values"] = [{"value": json_safe(value), "count": n} for value, n in top]
        elif self.ordered:
            out.update(min=json_safe(self.low), max=json_safe(self.high))
        return out


class TableStats:
    def __init__(self, schema: pa.Schema) -> None:
        self.columns = [ColumnStats(f.name, f.type) for f in schema]

    def update(self, batch: pa.RecordBatch | pa.Table) -> None:
        for index, column in enumerate(self.columns):
            column.update(batch.column(index))

    def result(self) -> dict:
        return {column.name: column.result() for column in self.columns}


class ArrayStats:
    """Shape, dtype and element statistics of an n-dimensional array read slice by slice."""

    def __init__(self, shape: tuple, dtype: np.dtype) -> None:
        self.shape, self.dtype = shape, dtype
        self.moments = Moments()
        self.nans = 0
        self.fields = {name: ArrayStats(shape, dtype.fields[name][0]) for name in dtype.names or ()}

    def update(self, values: np.ndarray) -> None:
        if self.fields:
            for name, stats in self.fields.items():
                stats.update(values[name])
            return
        if self.dtype.kind in "fc":
            self.nans += int(np.isnan(values).sum())
            values = values.real if self.dtype.kind == "c" else values
        if self.dtype.kind in "iufbc":
            self.moments.merge_numpy(np.asarray(values).ravel())

    def result(self) -> dict:
        out = {"shape": list(self.shape), "dtype": str(self.dtype), "kind": numpy_type_name(self.dtype)}
        if self.fields:
            out["fields"] = {name: stats.result() for name, stats in self.fields.items()}
        elif self.dtype.kind in "iufbc":
            out.update(self.moments.summary(), count=self.moments.n, nans=self.nans)
            if self.dtype.kind == "c":
                out["of"] = "real part"
        return out
