"""Run a job's body in the current (already confined) process: exec a command or call a Python entry."""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from typing import Any, NoReturn

from sandbox.inside import frames

RESULT_FD = 3
JOB_DIR = "/job"


def job_environment() -> dict[str, str]:
    return {
        "PATH": "/opt/venv/bin:/usr/bin:/bin",
        "HOME": JOB_DIR,
        "TMPDIR": "/tmp",
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUNBUFFERED": "1",
        "MPLCONFIGDIR": "/tmp",
        "MPLBACKEND": "Agg",
        "OPENBLAS_NUM_THREADS": "1",
    }


def run_exec(argv: list[str]) -> NoReturn:
    try:
        os.execvpe(argv[0], argv, job_environment())
    except OSError as error:
        os.write(2, f"cannot run {argv[0]}: {error.strerror}\n".encode())
        os._exit(127)


def run_call(target: str, payload: Any) -> NoReturn:
    """Call module:function(payload) and write its JSON result as a frame on the result fd."""
    os.environ.clear()
    os.environ.update(job_environment())
    sys.path.insert(0, JOB_DIR)
    code = 0
    try:
        module_name, _, function_name = target.partition(":")
        function = getattr(importlib.import_module(module_name), function_name)
        value = function(payload)
        message = {"type": "result", "value": value}
    except BaseException as error:  # noqa: BLE001 - report anything, then exit non-zero
        message = {
            "type": "crash",
            "error": f"{type(error).__name__}: {error}",
            "traceback": traceback.format_exc()[-4000:],
        }
        code = 1
    os._exit(_report(message) or code)


def _report(message: dict[str, Any]) -> int:
    """Write the message frame on the result fd; a non-JSON value becomes a crash report."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    try:
        encoded = frames.encode(message)
    except (TypeError, ValueError) as error:
        encoded = frames.encode({"type": "crash", "error": f"the result is not JSON-serialisable: {error}"})
    try:
        frames.write_all(RESULT_FD, encoded)
    except OSError:
        return 1
    return 0


def run_body(job: dict[str, Any]) -> NoReturn:
    if job.get("command"):
        run_exec(list(job["command"]))
    run_call(job["call"], job.get("payload"))
