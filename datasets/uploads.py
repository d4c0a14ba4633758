"""Uploads stream to a temporary file while their size is counted and their sha256 computed.

Nothing holds a whole upload in memory; an upload over the limit is refused with 413 as soon as
its declared or received size says so.
"""

import contextlib
import hashlib

from django.core.files.uploadhandler import TemporaryFileUploadHandler

from qubithub.api.exceptions import DomainError

MULTIPART_OVERHEAD = 64 * 1024


class UploadTooLarge(DomainError):
    status_code = 413
    default_detail = "The upload is larger than the maximum upload size."


def too_large(limit: int) -> UploadTooLarge:
    return UploadTooLarge(f"The file is larger than the maximum upload size of {limit:,} bytes.")


class HashingUploadHandler(TemporaryFileUploadHandler):
    def __init__(self, request=None, *, max_bytes: int) -> None:
        super().__init__(request)
        self.max_bytes = max_bytes
        self.digest = hashlib.sha256()
        self.received = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length and content_length > self.max_bytes + MULTIPART_OVERHEAD:
            raise too_large(self.max_bytes)

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.digest = hashlib.sha256()
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            raise too_large(self.max_bytes)
        self.digest.update(raw_data)
        return super().receive_data_chunk(raw_data, start)

    def file_complete(self, file_size):
        uploaded = super().file_complete(file_size)
        uploaded.sha256 = self.digest.hexdigest()
        return uploaded


def install(request, *, max_bytes: int) -> None:
    """Use the hashing handler for this request, unless the body was already parsed (then sizes are re-checked)."""
    django_request = getattr(request, "_request", request)
    declared = int(django_request.META.get("CONTENT_LENGTH") or 0)
    if declared > max_bytes + MULTIPART_OVERHEAD:
        raise too_large(max_bytes)
    with contextlib.suppress(AttributeError):  # already parsed: sizes are re-checked from the parsed file
        django_request.upload_handlers = [HashingUploadHandler(django_request, max_bytes=max_bytes)]


def sha256_of(uploaded) -> str:
    known = getattr(uploaded, "sha256", None)
    if known:
        return known
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    return digest.hexdigest()
