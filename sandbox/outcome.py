"""Turn what was captured from a finished job into a JobResult."""

from __future__ import annotations

import base64
import signal

from sandbox.capture import StreamCapture
from sandbox.inside import frames
from sandbox.job import JobResult, Status

CPU_LIMIT_CODES = {128 + signal.SIGXCPU, -signal.SIGXCPU}


def status_of(exit_code: int | None, interrupted: str | None) -> Status:
    if interrupted == "timeout" or exit_code in CPU_LIMIT_CODES:
        return Status.TIMEOUT
    if interrupted == "cancelled":
        return Status.CANCELLED
    if exit_code == 0:
        return Status.SUCCESS
    if exit_code in (-signal.SIGKILL, 128 + signal.SIGKILL):
        return Status.KILLED
    return Status.ERROR


def build_result(
    capture: StreamCapture, exit_code: int | None, wall_time_s: float, interrupted: str | None
) -> JobResult:
    stdout, stderr = capture.get("stdout"), capture.get("stderr")
    result = JobResult(
        status=status_of(exit_code, interrupted),
        exit_code=exit_code,
        stdout=bytes(stdout.data),
        stderr=bytes(stderr.data),
        wall_time_s=wall_time_s,
        stdout_truncated=stdout.truncated,
        stderr_truncated=stderr.truncated,
    )
    _apply_frames(result, bytes(capture.get("result").data))
    return result


def _apply_frames(result: JobResult, channel: bytes) -> None:
    try:
        messages, _ = frames.decode_all(channel)
    except ValueError:
        result.crash = "the job wrote an unreadable result"
        return
    for message in messages:
        if not isinstance(message, dict):
            continue
        kind = message.get("type")
        if kind == "result":
            result.value = message.get("value")
        elif kind == "crash":
            result.crash = str(message.get("error"))
        elif kind == "sandbox_error":
            result.sandbox_error = str(message.get("error"))
        elif kind == "files" and isinstance(message.get("files"), dict):
            result.files = {str(name): base64.b64decode(str(data)) for name, data in message["files"].items()}
