"""Where a client can fetch a stored file directly: a presigned URL when the storage is S3-compatible.

Apps that serve large files (dataset downloads) may answer with a redirect to `download_url(name)` when it is
not None, and stream the file themselves otherwise (local storage, embedded mode).
"""

from django.conf import settings
from django.core.files.storage import default_storage


def presigns() -> bool:
    """True when the default storage can hand out presigned URLs (django-storages' S3 backend)."""
    return hasattr(default_storage, "bucket_name") and hasattr(default_storage, "connection")


def download_url(name: str, *, filename: str | None = None, expires: int | None = None) -> str | None:
    """A time-limited URL for `name` served by the object store itself, or None when storage is local."""
    if not presigns():
        return None
    parameters = {}
    if filename:
        safe = filename.replace('"', "").replace("\\", "")
        parameters["ResponseContentDisposition"] = f'attachment; filename="{safe}"'
    return default_storage.url(name, parameters=parameters or None, expire=expires or settings.QH_S3_URL_SECONDS)
