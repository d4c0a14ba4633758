"""What processing learns about a file, and what a preview answers. Plain data, no Django."""

from dataclasses import dataclass, field

PREVIEW_CACHE_ROWS = 1000  # the first rows are stored at processing time: most previews never open the file
CHUNK_BYTES = 16 * 1024 * 1024  # arrays are read in slices of about this size


@dataclass
class Profile:
    dataset_schema: dict[str, str]
    total_rows: int | None
    column_stats: dict
    structure: dict = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)
    has_derived: bool = False


@dataclass
class Preview:
    columns: list[str]
    rows: list[list]
    total_rows: int | None
    dataset_schema: dict[str, str]

    def as_dict(self) -> dict:
        return {
            "columns": self.columns,
            "rows": self.rows,
            "total_rows": self.total_rows,
            "dataset_schema": self.dataset_schema,
        }


@dataclass(frozen=True)
class Limits:
    """Guards against files that are small on disk but huge to read (compression bombs, object floods)."""

    sync_validate_bytes: int = 16 * 1024 * 1024  # files up to this size are checked in full at upload
    max_expansion_ratio: int = 100
    expansion_floor_bytes: int = 1024 * 1024 * 1024  # expansion is only suspicious beyond this size
    max_row_group_bytes: int = 1024 * 1024 * 1024
    max_hdf5_objects: int = 10_000
    max_columns: int = 2_000


def check_expansion(*, declared_bytes: int, file_bytes: int, limits: Limits) -> None:
    from datasets.formats.errors import FormatError

    if declared_bytes <= limits.expansion_floor_bytes:
        return
    if declared_bytes > limits.max_expansion_ratio * max(file_bytes, 1):
        raise FormatError(
            f"The file declares {declared_bytes:,} bytes of data in {file_bytes:,} bytes on disk "
            f"(more than {limits.max_expansion_ratio}x): refusing a likely compression bomb."
        )
