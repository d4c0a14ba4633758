"""Circuit files in Django's storage: server-generated paths, and no orphans when a write fails.

Files are written to storage while the database transaction that references them is still open.
`storage_writes()` records every path written inside it and deletes them again if the block fails,
so a rejected upload, a failed fork or a crash half-way leaves storage exactly as it was. Nested
blocks share the outermost record: only the outermost one decides.
"""

import contextvars
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

logger = logging.getLogger(__name__)
_current: contextvars.ContextVar["StoredFiles | None"] = contextvars.ContextVar("qh_stored_files", default=None)


def storage_path(circuit_id, version_number: int, name: str) -> str:
    return f"circuits/{circuit_id}/v{version_number}/{name}"


class StoredFiles:
    def __init__(self) -> None:
        self.paths: list[str] = []

    def save(self, path: str, content: bytes) -> str:
        saved = default_storage.save(path, ContentFile(content))
        self.paths.append(saved)
        return saved

    def discard(self) -> None:
        delete_paths(self.paths)
        self.paths = []


@contextmanager
def storage_writes() -> Iterator[StoredFiles]:
    outer = _current.get()
    if outer is not None:
        yield outer
        return
    stored = StoredFiles()
    token = _current.set(stored)
    try:
        yield stored
    except BaseException:
        stored.discard()
        raise
    finally:
        _current.reset(token)


def read_bytes(path: str) -> bytes:
    with default_storage.open(path, "rb") as handle:
        return handle.read()


def delete_paths(paths: Iterable[str]) -> None:
    for path in paths:
        try:
            default_storage.delete(path)
        except OSError:
            logger.warning("Could not delete stored file %s", path, exc_info=True)


def delete_paths_on_commit(paths: Iterable[str]) -> None:
    paths = list(paths)
    if paths:
        transaction.on_commit(lambda: delete_paths(paths))
