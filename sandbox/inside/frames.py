"""Length-prefixed JSON frames, the wire format between the host and the sandbox."""

from __future__ import annotations

import json
import os
import struct
from typing import Any

HEADER = struct.Struct(">I")
MAX_FRAME = 256 * 1024 * 1024


def encode(message: Any) -> bytes:
    body = json.dumps(message, separators=(",", ":")).encode()
    return HEADER.pack(len(body)) + body


def write_frame(fd: int, message: Any) -> None:
    write_all(fd, encode(message))


def write_all(fd: int, payload: bytes) -> None:
    data = memoryview(payload)
    while data:
        written = os.write(fd, data)
        data = data[written:]


def decode_all(buffer: bytes) -> tuple[list[Any], int]:
    """Every complete frame in buffer and how many bytes they took; a truncated tail is left."""
    frames, offset = [], 0
    while offset + HEADER.size <= len(buffer):
        (size,) = HEADER.unpack_from(buffer, offset)
        end = offset + HEADER.size + size
        if size > MAX_FRAME or end > len(buffer):
            break
        frames.append(json.loads(buffer[offset + HEADER.size : end]))
        offset = end
    return frames, offset
