"""Read a job's stdout, stderr and result pipes until they close, keeping at most a fixed number of bytes of each."""

from __future__ import annotations

import os
import selectors
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

POLL_S = 0.05


@dataclass
class Capped:
    limit: int
    data: bytearray = field(default_factory=bytearray)
    truncated: bool = False

    def add(self, chunk: bytes) -> bytes:
        """Keep what fits; returns the part kept."""
        room = self.limit - len(self.data)
        if len(chunk) > room:
            self.truncated = True
        kept = chunk[: max(room, 0)]
        self.data += kept
        return kept


OutputListener = Callable[[str, bytes], None]
"""Called with ("stdout" | "stderr", bytes) as a job's output arrives (only what is kept under the cap)."""


class Interrupted(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class StreamCapture:
    """Owns the read ends; closes each one at EOF. A listener hears stdout and stderr as they come."""

    def __init__(self, fds: dict[str, int], limits: dict[str, int], listener: OutputListener | None = None) -> None:
        self.streams = {name: Capped(limits[name]) for name in fds}
        self.listener = listener
        self.selector = selectors.DefaultSelector()
        for name, fd in fds.items():
            os.set_blocking(fd, False)
            self.selector.register(fd, selectors.EVENT_READ, name)

    def pump(self, deadline: float, cancel_event: threading.Event | None = None) -> None:
        """Read until every pipe is closed; raise Interrupted("timeout"/"cancelled") first if so."""
        while self.selector.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Interrupted("timeout")
            if cancel_event is not None and cancel_event.is_set():
                raise Interrupted("cancelled")
            for key, _ in self.selector.select(min(POLL_S, remaining) if cancel_event else remaining):
                self._read(key)

    def _read(self, key: selectors.SelectorKey) -> None:
        try:
            chunk = os.read(key.fd, 1 << 16)
        except BlockingIOError:
            return
        if chunk:
            kept = self.streams[key.data].add(chunk)
            if kept and self.listener is not None and key.data in ("stdout", "stderr"):
                self.listener(key.data, kept)
            return
        self.selector.unregister(key.fd)
        os.close(key.fd)

    def close(self) -> None:
        for key in list(self.selector.get_map().values()):
            self.selector.unregister(key.fd)
            os.close(key.fd)
        self.selector.close()

    def get(self, name: str) -> Capped:
        return self.streams[name]
