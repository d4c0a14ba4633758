"""Streaming file responses with HTTP range support, in bounded memory under ASGI and WSGI.

Django's ASGI handler buffers a synchronous streaming body in full before sending it, so under ASGI
the chunks come from an async generator that reads each chunk in a worker thread.
"""

import re
from collections.abc import AsyncIterator, Iterator

from asgiref.sync import sync_to_async
from django.core.files.storage import default_storage
from django.core.handlers.asgi import ASGIRequest
from django.http import JsonResponse, StreamingHttpResponse

CHUNK_BYTES = 1024 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class RangeNotSatisfiable(Exception):
    pass


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """A single `bytes=a-b`, `bytes=a-` or `bytes=-n` range as (start, end inclusive); None means whole file."""
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if not match or match.groups() == ("", ""):
        return None  # multiple or malformed ranges: answer with the whole file, as RFC 9110 allows
    first, last = match.groups()
    if first == "":
        length = int(last)
        if length == 0:
            raise RangeNotSatisfiable()
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        raise RangeNotSatisfiable()
    return start, end


def file_chunks(name: str, start: int, length: int) -> Iterator[bytes]:
    with default_storage.open(name, "rb") as handle:
        handle.seek(start)
        remaining = length
        while remaining > 0:
            chunk = handle.read(min(CHUNK_BYTES, remaining))
            if not chunk:
                return
            remaining -= len(chunk)
            yield chunk


async def _in_threads(iterator: Iterator[bytes]) -> AsyncIterator[bytes]:
    done = object()
    step = sync_to_async(next, thread_sensitive=False)
    try:
        while (chunk := await step(iterator, done)) is not done:
            yield chunk
    finally:
        close = getattr(iterator, "close", None)
        if close:
            close()


def streamed(request, iterator: Iterator[bytes]):
    return _in_threads(iterator) if isinstance(getattr(request, "_request", request), ASGIRequest) else iterator


def attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def file_response(request, *, name: str, size: int, filename: str, content_type: str, etag: str = ""):
    """200 with the whole file, 206 with one range, or 416. Returns (response, range_start or None)."""
    try:
        wanted = parse_range(request.headers.get("Range"), size)
    except RangeNotSatisfiable:
        response = JsonResponse({"detail": f"The requested range is not satisfiable (size {size})."}, status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response, None
    start, end = wanted if wanted else (0, size - 1)
    length = max(end - start + 1, 0)
    response = StreamingHttpResponse(
        streamed(request, file_chunks(name, start, length)), status=206 if wanted else 200, content_type=content_type
    )
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    if wanted:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    if etag:
        response["ETag"] = f'"{etag}"'
    return attachment(response, filename), (start if wanted else None)


def generated_response(request, *, chunks: Iterator[bytes], filename: str, content_type: str):
    return attachment(StreamingHttpResponse(streamed(request, chunks), content_type=content_type), filename)
