"""Realtime events of one execution: output lines as they come, then its final state (channel group per execution).

Output so far is also kept in the cache, so that a WebSocket that connects late first catches up on it.
"""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache

OUTPUT_TTL_S = 3600


def group_name(execution_id) -> str:
    return f"space-execution.{execution_id}"


def _batch_key(execution_id, index) -> str:
    return f"qh:space-exec-out:{execution_id}:{index}"


def _count_key(execution_id) -> str:
    return f"qh:space-exec-out:{execution_id}:count"


def execution_state(execution) -> dict:
    return {
        "type": "status",
        "id": str(execution.id),
        "status": execution.status,
        "error": execution.error,
        "execution_time": execution.execution_time,
        "saved_files": execution.saved_files,
    }


def output_so_far(execution_id) -> list[str]:
    """Every line published so far (read after joining the group: later lines then arrive through it)."""
    count = cache.get(_count_key(execution_id)) or 0
    batches = cache.get_many([_batch_key(execution_id, index) for index in range(count)])
    return [line for index in range(count) for line in batches.get(_batch_key(execution_id, index), (0, []))[1]]


def _send(execution_id, message: dict) -> None:
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(group_name(execution_id), {"type": "execution.event", "message": message})


def publish_lines(execution_id, *, batch: int, seq: int, lines: list[str]) -> None:
    """Cache the batch, then send it: a subscriber finds in the cache whatever was sent before it joined."""
    cache.set(_batch_key(execution_id, batch), (seq, lines), OUTPUT_TTL_S)
    cache.set(_count_key(execution_id), batch + 1, OUTPUT_TTL_S)
    _send(execution_id, {"type": "output", "seq": seq, "lines": lines})


def publish_state(execution) -> None:
    """After the database write: every subscriber gets the new state (the final one closes their socket)."""
    _send(execution.id, execution_state(execution))


class LineSplitter:
    """Turns a job's stdout chunks into complete lines (a chunk may end mid-line or mid-character)."""

    def __init__(self, execution_id) -> None:
        self.execution_id = execution_id
        self.pending = b""
        self.batches = 0
        self.lines = 0

    def __call__(self, stream: str, chunk: bytes) -> None:
        if stream != "stdout":
            return
        *complete, self.pending = (self.pending + chunk).split(b"\n")
        if complete:
            self._publish([line.decode(errors="replace") for line in complete])

    def flush(self) -> None:
        if self.pending:
            self._publish([self.pending.decode(errors="replace")])
            self.pending = b""

    def _publish(self, lines: list[str]) -> None:
        publish_lines(self.execution_id, batch=self.batches, seq=self.lines, lines=lines)
        self.batches += 1
        self.lines += len(lines)
