"""Tabular data lives as parquet: the upload itself, or a copy derived from csv/json while processing.

Everything here streams record batches, so memory is bounded by a batch, never by the file.
"""

import io
from collections.abc import Iterable, Iterator

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from datasets.formats.profile import PREVIEW_CACHE_ROWS, Preview, Profile
from datasets.formats.stats import TableStats
from datasets.formats.values import arrow_type_name, rows_safe

ROW_GROUP_ROWS = 65_536
BATCH_ROWS = 65_536


def schema_of(schema: pa.Schema) -> dict[str, str]:
    return {f.name: arrow_type_name(f.type) for f in schema}


def table_rows(table: pa.Table | pa.RecordBatch) -> list[list]:
    columns = [column.to_pylist() for column in table.columns]
    return rows_safe([list(row) for row in zip(*columns, strict=True)]) if columns else []


class _GroupedWriter:
    """Writes batches to parquet in row groups of ROW_GROUP_ROWS, so later reads can seek."""

    def __init__(self, path: str, schema: pa.Schema) -> None:
        self.writer = pq.ParquetWriter(path, schema, compression="zstd")
        self.pending: list[pa.RecordBatch] = []
        self.rows = 0

    def write(self, batch: pa.RecordBatch) -> None:
        self.pending.append(batch)
        self.rows += batch.num_rows
        if self.rows >= ROW_GROUP_ROWS:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.writer.write_table(pa.Table.from_batches(self.pending), row_group_size=ROW_GROUP_ROWS)
        self.pending, self.rows = [], 0

    def close(self) -> None:
        self.flush()
        self.writer.close()


def profile_batches(
    schema: pa.Schema, batches: Iterable[pa.RecordBatch], *, derived_path: str | None = None, total_rows=None
) -> Profile:
    """One pass: statistics, the first rows, the row count and (for csv/json) the derived parquet copy."""
    stats = TableStats(schema)
    head: list[pa.RecordBatch] = []
    head_rows = counted = 0
    writer = _GroupedWriter(derived_path, schema) if derived_path else None
    try:
        for batch in batches:
            stats.update(batch)
            counted += batch.num_rows
            if head_rows < PREVIEW_CACHE_ROWS:
                head.append(batch.slice(0, PREVIEW_CACHE_ROWS - head_rows))
                head_rows += head[-1].num_rows
            if writer:
                writer.write(batch)
    finally:
        if writer:
            writer.close()
    first = pa.Table.from_batches(head, schema=schema)
    return Profile(
        dataset_schema=schema_of(schema),
        total_rows=counted if total_rows is None else total_rows,
        column_stats=stats.result(),
        columns=schema.names,
        rows=table_rows(first),
        has_derived=derived_path is not None,
    )


def parquet_preview(path: str, *, offset: int, rows: int) -> Preview:
    """Only the row groups that hold rows [offset, offset + rows) are read."""
    parquet = pq.ParquetFile(path)
    meta = parquet.metadata
    wanted, start, skip = [], 0, None
    for index in range(meta.num_row_groups):
        size = meta.row_group(index).num_rows
        if start + size > offset and start < offset + rows:
            wanted.append(index)
            skip = offset - start if skip is None else skip
        start += size
    table = parquet.read_row_groups(wanted) if wanted else parquet.schema_arrow.empty_table()
    table = table.slice(max(skip or 0, 0), rows)
    return Preview(
        columns=parquet.schema_arrow.names,
        rows=table_rows(table),
        total_rows=meta.num_rows,
        dataset_schema=schema_of(parquet.schema_arrow),
    )


def parquet_csv_chunks(path: str) -> Iterator[bytes]:
    """The parquet file as CSV text, one record batch at a time."""
    parquet = pq.ParquetFile(path)
    header = True
    for batch in parquet.iter_batches(batch_size=BATCH_ROWS):
        sink = io.BytesIO()
        pacsv.write_csv(batch, sink, write_options=pacsv.WriteOptions(include_header=header))
        header = False
        yield sink.getvalue()
    if header:
        sink = io.BytesIO()
        pacsv.write_csv(parquet.schema_arrow.empty_table(), sink)
        yield sink.getvalue()


def head_preview(schema: pa.Schema, batches: Iterable[pa.RecordBatch], *, offset: int, rows: int) -> Preview:
    """The rows [offset, offset + rows) of a stream, reading no further than needed."""
    taken: list[pa.RecordBatch] = []
    seen = 0
    for batch in batches:
        taken.append(batch)
        seen += batch.num_rows
        if seen >= offset + rows:
            break
    table = pa.Table.from_batches(taken, schema=schema).slice(offset, rows)
    return Preview(columns=schema.names, rows=table_rows(table), total_rows=None, dataset_schema=schema_of(schema))
