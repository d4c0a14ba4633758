"""Versions: an upload is checked, stored and recorded; processing runs once, in the background."""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.usage import usage_check
from datasets import formats
from datasets.models import Dataset, DatasetVersion, State
from datasets.storage import delete_paths, derived_name, local_path, scratch_file, store_local, version_path
from datasets.uploads import sha256_of, too_large
from qubithub.api.exceptions import InvalidInput
from qubithub.dispatch import dispatch
from qubithub.social import counter_bump

logger = logging.getLogger(__name__)


@contextmanager
def _upload_path(uploaded):
    """A local path for the upload: its temporary file, or a chunked copy of a small in-memory one."""
    if hasattr(uploaded, "temporary_file_path"):
        yield uploaded.temporary_file_path()
        return
    with scratch_file(".upload") as path:
        with open(path, "wb") as copy:
            for chunk in uploaded.chunks():
                copy.write(chunk)
        yield path


def _check_upload(dataset: Dataset, uploaded, author) -> tuple[dict, str]:
    limit = settings.QH_DATASET_MAX_UPLOAD_BYTES
    if uploaded.size > limit:
        raise too_large(limit)
    usage_check(user=author, kind="storage", amount=uploaded.size)
    with _upload_path(uploaded) as path:
        try:
            structure = formats.validate(dataset.format, path, size=uploaded.size)
        except formats.FormatError as exc:
            raise InvalidInput(f"The file is not a valid {dataset.format} dataset: {exc}") from None
    return structure, sha256_of(uploaded)


def dataset_version_publish(*, dataset: Dataset, author, uploaded, commit_message: str = "") -> DatasetVersion:
    """Validate the upload against the dataset's format, store it, record it and schedule processing.

    A rejected file changes nothing: no row, no stored file, the previous version stays current.
    """
    structure, sha256 = _check_upload(dataset, uploaded, author)
    stored: list[str] = []
    try:
        with transaction.atomic():
            locked = Dataset.objects.select_for_update().get(pk=dataset.pk)
            number = (locked.versions.aggregate(n=Max("version_number"))["n"] or 0) + 1
            stored.append(default_storage.save(version_path(dataset.id, number, dataset.format), uploaded))
            version = DatasetVersion.objects.create(
                dataset=locked,
                version_number=number,
                commit_message=commit_message[:1000],
                author=author,
                file_path=stored[0],
                size_bytes=uploaded.size,
                sha256=sha256,
                structure=structure,
            )
            locked.save(update_fields=["updated_at"])
            transaction.on_commit(lambda: version_schedule(version.id))
    except BaseException:
        delete_paths(stored)
        raise
    return version


def version_schedule(version_id) -> None:
    """Process the version in the background (Celery in production, the in-process pool when embedded)."""
    from datasets.tasks import process_version

    dispatch(process_version, str(version_id), queue="processing")


def _profile(version: DatasetVersion) -> tuple[formats.Profile, str]:
    """Run the format's reader; for csv/json the parquet copy is stored and its name returned."""
    fmt = version.dataset.format
    with local_path(version.file_path) as path, scratch_file(".parquet") as derived:
        profile = formats.process(fmt, path, structure=version.structure, derived_path=derived)
        if not profile.has_derived:
            return profile, ""
        return profile, store_local(derived_name(version.dataset_id, version.version_number), derived)


def dataset_version_process(*, version_id) -> str | None:
    """Compute schema, row count, statistics and the first rows, once. Returns the final state."""
    version = DatasetVersion.objects.select_related("dataset").filter(pk=version_id).first()
    if version is None or version.state != State.PROCESSING:
        return None  # deleted, or a redelivered task for a version already processed
    try:
        profile, derived = _profile(version)
    except formats.FormatError as exc:
        return _finish(version, state=State.FAILED, error_message=str(exc))
    except Exception as exc:  # a reader bug or a resource error must fail the version, not the worker
        logger.exception("Processing dataset version %s failed", version_id)
        return _finish(version, state=State.FAILED, error_message=f"Processing failed ({type(exc).__name__}): {exc}")
    updated = _finish(
        version,
        state=State.READY,
        derived_path=derived,
        dataset_schema=profile.dataset_schema,
        total_rows=profile.total_rows,
        column_stats=profile.column_stats,
        structure={**version.structure, **profile.structure},
        preview={"columns": profile.columns, "rows": profile.rows},
    )
    if updated is None and derived:
        delete_paths([derived])
    return updated


def _finish(version: DatasetVersion, *, state: str, **fields) -> str | None:
    """Conditional transition out of `processing`: a second worker cannot finish the same version twice."""
    changed = DatasetVersion.objects.filter(pk=version.pk, state=State.PROCESSING).update(
        state=state, processed_at=timezone.now(), **fields
    )
    return state if changed else None


def dataset_download_record(*, dataset: Dataset) -> None:
    counter_bump(dataset, "downloads_count")
