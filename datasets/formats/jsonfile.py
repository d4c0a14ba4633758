"""JSON: an array of records (objects) or JSON Lines (one object per line), read as a stream."""

import itertools
import json
from collections.abc import Iterator
from itertools import islice

import pyarrow as pa

from datasets.formats.errors import FormatError
from datasets.formats.profile import Limits, Preview, Profile
from datasets.formats.tabular import head_preview, profile_batches

READ_CHARS = 1024 * 1024
BATCH_RECORDS = 20_000
SAMPLE_RECORDS = 1_000
_decoder = json.JSONDecoder()


def _record(value, number: int) -> dict:
    if not isinstance(value, dict):
        raise FormatError(f"Record {number} is a {type(value).__name__}, not an object: use an array of records.")
    return value


class _ArrayReader:
    """Decodes `[{...}, {...}]` one element at a time from a text stream."""

    def __init__(self, handle, buffer: str) -> None:
        self.handle, self.buffer, self.pos, self.offset, self.eof = handle, buffer, 0, 0, False

    def _more(self) -> bool:
        chunk = self.handle.read(READ_CHARS)
        self.offset += self.pos
        self.buffer, self.pos = self.buffer[self.pos :] + chunk, 0
        self.eof = not chunk
        return bool(chunk)

    def _skip_space(self) -> str:
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buffer) or not self._more():
                return self.buffer[self.pos : self.pos + 1]

    def _value(self):
        self._skip_space()
        while True:
            try:
                value, end = _decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as exc:
                if not self.eof and self._more():
                    continue
                raise FormatError(f"Invalid JSON at character {self.offset + exc.pos}: {exc.msg}.") from None
            self.pos = end
            return value

    def __iter__(self) -> Iterator[dict]:
        self.pos = self.buffer.index("[") + 1
        if self._skip_space() == "]":
            return self._end()
        number = 0
        while True:
            number += 1
            yield _record(self._value(), number)
            separator = self._skip_space()
            self.pos += 1
            if separator == "]":
                return self._end()
            if separator != ",":
                where = self.offset + self.pos - 1
                raise FormatError(f"Invalid JSON at character {where}: expected ',' or ']' after record {number}.")

    def _end(self) -> None:
        if self._skip_space():
            raise FormatError("Invalid JSON: unexpected data after the closing ']'.")


def _lines(handle) -> Iterator[dict]:
    number = 0
    for line_number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        number += 1
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise FormatError(f"Invalid JSON Lines: line {line_number}, column {exc.colno}: {exc.msg}.") from None
        yield _record(value, number)


def _first_character(path: str) -> str:
    with open(path, "rb") as handle:
        head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1].decode("latin-1")


def records(path: str) -> Iterator[dict]:
    first = _first_character(path)
    if first not in "[{" or not first:
        raise FormatError("A JSON dataset must be an array of records or JSON Lines (one object per line).")
    with open(path, encoding="utf-8-sig") as handle:
        try:
            yield from _ArrayReader(handle, handle.read(READ_CHARS)) if first == "[" else _lines(handle)
        except UnicodeDecodeError as exc:
            raise FormatError(f"The JSON file is not valid UTF-8 ({exc.reason}).") from None


def validate(path: str, *, size: int, limits: Limits) -> dict:
    count = 0
    stream = records(path)
    for _record_value in stream if size <= limits.sync_validate_bytes else islice(stream, SAMPLE_RECORDS):
        count += 1
    if count == 0 and size <= limits.sync_validate_bytes:
        raise FormatError("The JSON dataset has no records.")
    return {}


def _aligned(table: pa.Table, schema: pa.Schema, first_record: int) -> pa.Table:
    columns = []
    for field in schema:
        if field.name not in table.column_names:
            columns.append(pa.nulls(table.num_rows, field.type))
            continue
        column = table.column(field.name)
        try:
            columns.append(column if column.type == field.type else column.cast(field.type))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
            raise FormatError(
                f"Field '{field.name}' changes type from {field.type} to {column.type} "
                f"in the records after record {first_record}."
            ) from None
    return pa.Table.from_arrays(columns, schema=schema)


def _tables(path: str) -> Iterator[pa.Table]:
    stream = records(path)
    number = 0
    while batch := list(islice(stream, BATCH_RECORDS)):
        try:
            table = pa.Table.from_pylist(batch)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            span = f"{number + 1}-{number + len(batch)}"
            raise FormatError(f"Records {span} have inconsistent field types: {exc}") from None
        yield table, number
        number += len(batch)


def _inferred(table: pa.Table) -> pa.Schema:
    return pa.schema([pa.field(f.name, pa.string() if pa.types.is_null(f.type) else f.type) for f in table.schema])


def process(path: str, *, structure: dict, derived_path: str) -> Profile:
    tables = _tables(path)
    first = next(tables, None)
    if first is None:
        raise FormatError("The JSON dataset has no records.")
    schema = _inferred(first[0])

    def batches():
        for table, number in itertools.chain([first], tables):
            yield from _aligned(table, schema, number).to_batches()

    return profile_batches(schema, batches(), derived_path=derived_path)


def head(path: str, *, structure: dict, offset: int, rows: int) -> Preview:
    """The first rows before processing has finished (no row count yet)."""
    table = pa.Table.from_pylist(list(islice(records(path), offset + rows)))
    schema = _inferred(table)
    return head_preview(schema, _aligned(table, schema, 0).to_batches(), offset=offset, rows=rows)
