"""CSV: UTF-8 text with a header row and the same number of fields on every row."""

import csv
import io
import re

import pyarrow as pa
import pyarrow.csv as pacsv

from datasets.formats.errors import FormatError
from datasets.formats.profile import Limits, Preview, Profile
from datasets.formats.tabular import head_preview, profile_batches

DELIMITERS = (",", ";", "\t", "|")
SAMPLE_BYTES = 1024 * 1024
BLOCK_BYTES = 4 * 1024 * 1024
# Missing values, in every column, text included (as pandas reads CSV): an empty cell is null, not "" text,
# so the column statistics count it as a null and the query's isnull finds it. "nan" stays a float NaN.
NULL_VALUES = ["", "NA", "N/A", "NULL", "null", "None"]
_COLUMN_ERROR = re.compile(r"In CSV column #(\d+): CSV conversion error to (\w+)")


def _sample_text(path: str, size: int) -> str:
    with open(path, "rb") as handle:
        raw = handle.read(SAMPLE_BYTES)
    if not raw.strip():
        raise FormatError("The CSV file is empty.")
    if b"\x00" in raw:
        raise FormatError("This is not a CSV file: it contains binary data (NUL bytes).")
    if size > len(raw):
        raw = raw[: raw.rfind(b"\n") + 1] or raw  # a sample ends on a whole line
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start < len(raw) - 4 or size <= len(raw):
            raise FormatError(f"The CSV file is not valid UTF-8 (invalid byte at offset {exc.start}).") from None
        return raw[: exc.start].decode("utf-8-sig")


def _delimiter(lines: list[str]) -> str:
    header = lines[0]
    candidates = [d for d in DELIMITERS if d in header]
    for delimiter in candidates:
        widths = {len(row) for row in csv.reader(lines[:50], delimiter=delimiter)}
        if len(widths) == 1:
            return delimiter
    return candidates[0] if candidates else ","


def _check_rows(text: io.TextIOBase, delimiter: str) -> list[str]:
    reader = csv.reader(text, delimiter=delimiter, strict=True)
    header = next(reader)
    seen = set()
    for name in header:
        if name in seen:
            raise FormatError(f"The CSV header repeats the column name '{name}'.")
        seen.add(name)
    for row in reader:
        if row and len(row) != len(header):
            raise FormatError(
                f"Ragged CSV: line {reader.line_num} has {len(row)} fields, the header has {len(header)}."
            )
    return header


def validate(path: str, *, size: int, limits: Limits) -> dict:
    """Sniff the delimiter and check row lengths: the whole file when small, else the first MiB."""
    text = _sample_text(path, size)
    delimiter = _delimiter(text.splitlines()[:50])
    try:
        if size <= limits.sync_validate_bytes:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                header = _check_rows(handle, delimiter)
        else:
            header = _check_rows(io.StringIO(text, newline=""), delimiter)
    except UnicodeDecodeError as exc:
        raise FormatError(f"The CSV file is not valid UTF-8 ({exc.reason} at byte {exc.start} of a block).") from None
    except csv.Error as exc:
        raise FormatError(f"Malformed CSV: {exc}.") from None
    if len(header) > limits.max_columns:
        raise FormatError(f"The CSV file has {len(header)} columns; at most {limits.max_columns} are supported.")
    return {"delimiter": delimiter}


def _reader(path: str, delimiter: str, column_types: dict) -> pacsv.CSVStreamingReader:
    return pacsv.open_csv(
        path,
        read_options=pacsv.ReadOptions(block_size=BLOCK_BYTES),
        parse_options=pacsv.ParseOptions(delimiter=delimiter),
        convert_options=pacsv.ConvertOptions(
            column_types=column_types, null_values=NULL_VALUES, strings_can_be_null=True
        ),
    )


def _widened(message: str, reader_schema: pa.Schema, column_types: dict) -> bool:
    """A column typed from the first block that later holds other values is re-read as float, then string."""
    match = _COLUMN_ERROR.search(message)
    if not match or match.group(2) == "string":
        return False
    name = reader_schema.field(int(match.group(1))).name
    current = column_types.get(name)
    if current == pa.string():
        return False
    column_types[name] = pa.float64() if match.group(2).startswith("int") and current is None else pa.string()
    return True


def process(path: str, *, structure: dict, derived_path: str) -> Profile:
    delimiter = structure.get("delimiter", ",")
    column_types: dict = {}
    while True:
        reader = None
        try:
            reader = _reader(path, delimiter, column_types)
            return profile_batches(reader.schema, reader, derived_path=derived_path)
        except pa.ArrowInvalid as exc:
            if reader is None or not _widened(str(exc), reader.schema, column_types):
                raise FormatError(f"The CSV file could not be read: {exc}") from None


def head(path: str, *, structure: dict, offset: int, rows: int) -> Preview:
    """The first rows before processing has finished (no row count yet)."""
    try:
        reader = _reader(path, structure.get("delimiter", ","), {})
        return head_preview(reader.schema, reader, offset=offset, rows=rows)
    except pa.ArrowInvalid as exc:
        raise FormatError(f"The CSV file could not be read: {exc}") from None
