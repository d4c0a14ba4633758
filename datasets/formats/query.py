"""Server-side filter, sort and paging over a parquet file, without loading the whole file.

`where` terms look like `column:op:value` (op in eq, ne, lt, lte, gt, gte, contains, isnull, notnull);
`sort` terms are `column` or `-column`. Row groups are read one at a time and filtered; sorting keeps only the
best `offset + limit` rows, so memory is bounded by a row group and the page, not by the file.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from datasets.formats.errors import FormatError
from datasets.formats.tabular import schema_of, table_rows

COMPARISONS = {
    "eq": lambda f, v: f == v,
    "ne": lambda f, v: f != v,
    "lt": lambda f, v: f < v,
    "lte": lambda f, v: f <= v,
    "gt": lambda f, v: f > v,
    "gte": lambda f, v: f >= v,
}
UNARY = {"isnull": lambda f: f.is_null(), "notnull": lambda f: ~f.is_null()}
MAX_WINDOW = 10_000


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list]
    total: int
    dataset_schema: dict[str, str]


def _field(schema: pa.Schema, name: str) -> pa.Field:
    if name not in schema.names:
        raise FormatError(f"Unknown column '{name}'. Columns: {', '.join(schema.names)}.")
    return schema.field(name)


def _value(field: pa.Field, raw: str):
    try:
        return pa.scalar(raw, pa.string()).cast(field.type)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        raise FormatError(f"'{raw}' is not a valid {field.type} value for column '{field.name}'.") from None


def parse_where(term: str, schema: pa.Schema) -> pc.Expression:
    name, _, rest = term.partition(":")
    op, _, raw = rest.partition(":")
    field = _field(schema, name)
    if op in UNARY:
        return UNARY[op](pc.field(name))
    if op == "contains":
        if not pa.types.is_string(field.type) and not pa.types.is_large_string(field.type):
            raise FormatError(f"'contains' works on text columns; '{name}' is {field.type}.")
        return pc.match_substring(pc.field(name), raw)
    if op not in COMPARISONS:
        ops = ", ".join([*COMPARISONS, "contains", *UNARY])
        raise FormatError(f"Unknown operator '{op}' in '{term}': use column:op:value with op in {ops}.")
    return COMPARISONS[op](pc.field(name), _value(field, raw))


def _filter(where: list[str], schema: pa.Schema) -> pc.Expression | None:
    expression = None
    for term in where:
        part = parse_where(term, schema)
        expression = part if expression is None else expression & part
    return expression


def _sort_keys(sort: list[str], schema: pa.Schema) -> list[tuple[str, str]]:
    keys = []
    for term in sort:
        name = term.lstrip("-")
        _field(schema, name)
        keys.append((name, "descending" if term.startswith("-") else "ascending"))
    return keys


def _row_groups(parquet: pq.ParquetFile) -> Iterator[pa.Table]:
    for index in range(parquet.metadata.num_row_groups):
        yield parquet.read_row_group(index)
        pa.default_memory_pool().release_unused()


def _best(candidates: pa.Table, keys: list[tuple[str, str]], keep: int) -> pa.Table:
    if not keys:
        return candidates.slice(0, keep)
    return candidates.take(pc.select_k_unstable(candidates, k=min(keep, candidates.num_rows), sort_keys=keys))


def _page(parquet: pq.ParquetFile, expression, keys: list[tuple[str, str]], keep: int) -> tuple[pa.Table, int]:
    """One pass, one row group at a time: count every match, keep the first (or, sorted, the best) rows."""
    best, total = parquet.schema_arrow.empty_table(), 0
    for table in _row_groups(parquet):
        matches = table.filter(expression) if expression is not None else table
        total += matches.num_rows
        if matches.num_rows and (keys or best.num_rows < keep):
            best = _best(pa.concat_tables([best, matches]), keys, keep)
        if expression is None and not keys and best.num_rows >= keep:
            return best, parquet.metadata.num_rows
    return (best.sort_by(keys) if keys else best), total


def run_query(path: str, *, where: list[str], sort: list[str], offset: int, limit: int) -> QueryResult:
    if offset + limit > MAX_WINDOW:
        raise FormatError(f"Only the first {MAX_WINDOW:,} matching rows can be paged through; narrow the filter.")
    parquet = pq.ParquetFile(path)
    schema = parquet.schema_arrow
    expression = _filter(where, schema)
    table, total = _page(parquet, expression, _sort_keys(sort, schema), offset + limit)
    return QueryResult(
        columns=schema.names, rows=table_rows(table.slice(offset, limit)), total=total, dataset_schema=schema_of(schema)
    )
