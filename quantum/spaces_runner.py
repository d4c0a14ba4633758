"""Sandboxed side of run_python: run a space's script as __main__ in the warm, preloaded interpreter."""

from __future__ import annotations

import os
import runpy
import sys
import traceback
from typing import Any

JOB_DIR = "/job"


def run_script(payload: dict[str, Any]) -> dict[str, Any]:
    """Runs /job/<file>; its stdout/stderr go to the sandbox's capped pipes. Returns status and error text."""
    path = os.path.join(JOB_DIR, payload["file"])
    sys.argv = [path]
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as stop:
        if stop.code not in (None, 0):
            return {"status": "error", "error": f"exited with status {stop.code}"}
    except BaseException:  # noqa: BLE001 - the user's error is the result
        return {"status": "error", "error": _user_traceback()}
    return {"status": "success", "error": None}


def _user_traceback() -> str:
    kind, value, trace = sys.exc_info()
    frames = [frame for frame in traceback.extract_tb(trace) if frame.filename.startswith(JOB_DIR)]
    lines = traceback.format_list(frames) + traceback.format_exception_only(kind, value)
    return ("Traceback (most recent call last):\n" + "".join(lines))[-8000:]
