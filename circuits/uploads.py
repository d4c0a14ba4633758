"""Multipart uploads that stop reading a file as soon as it passes the size limit.

The request is refused before parsing when its Content-Length alone is over the limit; otherwise each
file streams to a temporary file and one that grows past the limit is skipped (its name is kept,
so that the answer can say which file was too large).
"""

from django.conf import settings
from django.core.files.uploadhandler import SkipFile, TemporaryFileUploadHandler
from django.http.multipartparser import MultiPartParser as DjangoMultiPartParser
from django.http.multipartparser import MultiPartParserError
from rest_framework.exceptions import ParseError
from rest_framework.parsers import DataAndFiles, MultiPartParser

from circuits.services import IncomingFile
from qubithub.api.exceptions import InvalidInput

MULTIPART_OVERHEAD = 64 * 1024


def mib(size: int) -> str:
    return f"{size / (1024 * 1024):g} MiB"


class _KeepRelativePaths(DjangoMultiPartParser):
    """Django keeps only the base name of an upload; circuits need `src/ansatz.py` (validated later)."""

    def sanitize_file_name(self, file_name):
        name = "".join(char for char in file_name.replace("\\", "/") if char.isprintable())
        return name or None


class RelativePathMultiPartParser(MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        request = parser_context["request"]
        meta = request.META.copy()
        meta["CONTENT_TYPE"] = media_type
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        try:
            data, files = _KeepRelativePaths(meta, stream, request.upload_handlers, encoding).parse()
        except MultiPartParserError as exc:
            raise ParseError(f"Multipart form parse error: {exc}") from exc
        return DataAndFiles(data, files)


class LimitedUploadHandler(TemporaryFileUploadHandler):
    """Streams each file to disk, remembers its full relative name, skips it past `max_bytes`."""

    def __init__(self, request=None, *, max_bytes: int):
        super().__init__(request)
        self.max_bytes = max_bytes
        self.oversized: list[tuple[str, str]] = []
        self.completed: list[tuple[str, str, object]] = []
        self.received = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def file_complete(self, file_size):
        uploaded = super().file_complete(file_size)
        self.completed.append((self.field_name, self.file_name, uploaded))
        return uploaded

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            self.oversized.append((self.field_name, self.file_name or ""))
            self.file.close()
            raise SkipFile()
        return super().receive_data_chunk(raw_data, start)


def refuse_oversized_request(request, *, limit: int, what: str) -> None:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit + MULTIPART_OVERHEAD:
        raise InvalidInput(f"The upload is {mib(length)}, over the {mib(limit)} limit for {what}.")


def install_limited_handler(request, *, max_bytes: int) -> LimitedUploadHandler:
    """Must run before request.data / request.FILES is first touched."""
    handler = LimitedUploadHandler(request._request, max_bytes=max_bytes)
    request._request.upload_handlers = [handler]
    return handler


def incoming_files(request, field: str, handler: LimitedUploadHandler) -> list[IncomingFile]:
    request.FILES  # noqa: B018 - parses the body through the handler
    files = [IncomingFile(name=name, content=u.read()) for f, name, u in handler.completed if f == field]
    too_large = f"is larger than the {mib(handler.max_bytes)} file limit."
    files += [IncomingFile(name=n, content=b"", error=f"'{n}' {too_large}") for f, n in handler.oversized if f == field]
    if not files:
        raise InvalidInput(f"Send the file(s) as multipart/form-data field '{field}'.")
    return files
