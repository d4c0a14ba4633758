"""Dataset files in Django's storage: server-generated names, local paths for readers, chunked copies."""

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.files import File
from django.core.files.storage import default_storage

from datasets.formats import EXTENSIONS

logger = logging.getLogger(__name__)
COPY_CHUNK = 1024 * 1024


def version_path(dataset_id, version_number: int, fmt: str) -> str:
    return f"datasets/{dataset_id}/v{version_number}/data.{EXTENSIONS[fmt]}"


def derived_name(dataset_id, version_number: int) -> str:
    return f"datasets/{dataset_id}/v{version_number}/derived.parquet"


class LocalFile(File):
    """A file already on local disk: FileSystemStorage moves it into place instead of copying it."""

    def temporary_file_path(self) -> str:
        return self.file.name


def store_local(name: str, path: str) -> str:
    """Save a local file under `name`; the local file is moved (or copied in chunks) and then gone."""
    with open(path, "rb") as handle:
        saved = default_storage.save(name, LocalFile(handle, name=os.path.basename(name)))
    if os.path.exists(path):
        os.unlink(path)
    return saved


def _filesystem_path(name: str) -> str | None:
    try:
        return default_storage.path(name)
    except NotImplementedError:
        return None


@contextmanager
def local_path(name: str, *, suffix: str = "") -> Iterator[str]:
    """A path readers can open: the file itself on local storage, else a chunked temporary copy."""
    direct = _filesystem_path(name)
    if direct is not None:
        yield direct
        return
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        with default_storage.open(name, "rb") as source:
            shutil.copyfileobj(source, copy, COPY_CHUNK)
        copy.flush()
        yield copy.name


@contextmanager
def scratch_file(suffix: str) -> Iterator[str]:
    handle, path = tempfile.mkstemp(suffix=suffix, prefix="qh-dataset-")
    os.close(handle)
    try:
        yield path
    finally:
        if os.path.exists(path):
            os.unlink(path)


def delete_paths(paths) -> None:
    for path in paths:
        if not path:
            continue
        try:
            default_storage.delete(path)
        except OSError:
            logger.warning("Could not delete stored dataset file %s", path, exc_info=True)
