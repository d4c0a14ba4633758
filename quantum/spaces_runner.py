"""Sandboxed side of run_python: run a space's script as __main__ in the warm, preloaded interpreter.

With save_outputs, the files the script created or changed under /job come back (base64) in the result.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import resource
import runpy
import sys
import traceback
from typing import Any

JOB_DIR = "/job"
SKIPPED_DIRS = {".tmp", "__pycache__"}
TRACEBACK_CHARS = 8000


def run_script(payload: dict[str, Any]) -> dict[str, Any]:
    """Runs /job/<file>; its stdout/stderr go to the sandbox's capped pipes. Returns status, error text, CPU time."""
    path = os.path.join(JOB_DIR, payload["file"])
    before = _digests() if payload.get("save_outputs") else {}
    answer = _run(path)
    answer["cpu_seconds"] = _cpu_seconds()
    if payload.get("save_outputs"):
        answer["files"] = _changed_files(before, skip={payload["file"]}, budget=int(payload.get("saved_bytes", 0)))
    return answer


def _run(path: str) -> dict[str, Any]:
    sys.argv = [path]
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as stop:
        if stop.code not in (None, 0):
            return {"status": "error", "error": f"exited with status {stop.code}"}
    except BaseException:  # noqa: BLE001 - the user's error is the result
        return {"status": "error", "error": _user_traceback()}
    finally:
        _flush()
    return {"status": "success", "error": None}


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()


def _cpu_seconds() -> float:
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return round(sum(u.ru_utime + u.ru_stime for u in usage), 4)


def _walk() -> list[str]:
    found = []
    for directory, dirs, names in os.walk(JOB_DIR, followlinks=False):
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS]
        found.extend(os.path.relpath(os.path.join(directory, name), JOB_DIR) for name in names)
    return found


def _digest(relative: str) -> str | None:
    path = os.path.join(JOB_DIR, relative)
    if os.path.islink(path) or not os.path.isfile(path):
        return None
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _digests() -> dict[str, str | None]:
    return {relative: _digest(relative) for relative in _walk()}


def _changed_files(before: dict[str, str | None], *, skip: set[str], budget: int) -> dict[str, str]:
    """New or changed regular files, smallest first, up to budget bytes in all."""
    current = {relative: _digest(relative) for relative in _walk() if relative not in skip}
    changed = [path for path, digest in current.items() if digest is not None and digest != before.get(path)]
    files: dict[str, str] = {}
    for relative in sorted(changed, key=lambda r: os.path.getsize(os.path.join(JOB_DIR, r))):
        with open(os.path.join(JOB_DIR, relative), "rb") as handle:
            data = handle.read(budget + 1)
        if len(data) > budget:
            break
        budget -= len(data)
        files[relative] = base64.b64encode(data).decode()
    return files


def _user_traceback() -> str:
    kind, value, trace = sys.exc_info()
    frames = [frame for frame in traceback.extract_tb(trace) if frame.filename.startswith(JOB_DIR)]
    lines = traceback.format_list(frames) + traceback.format_exception_only(kind, value)
    text = "Traceback (most recent call last):\n" + "".join(lines)
    if len(text) <= TRACEBACK_CHARS:
        return text
    return "[traceback truncated]\n" + text[-TRACEBACK_CHARS:]
