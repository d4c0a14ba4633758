"""Host side of run_python: a space's script in the sandbox, its output capped and optionally streamed."""

from __future__ import annotations

import base64
import threading
from collections.abc import Callable
from typing import Any

from quantum.errors import ParseError, SandboxTimeout
from quantum.sandboxed import run_job

SNIPPET_NAME = "__qubithub_snippet__.py"
TRUNCATED = "\n[output truncated]"
SAVED_FILES_BYTES = 16 * 1024 * 1024

OutputListener = Callable[[str, bytes], None]


def _script(files: dict[str, bytes], code: str | None, file_to_run: str | None) -> tuple[dict[str, bytes], str]:
    if (code is None) == (file_to_run is None):
        raise ParseError("give either code or file_to_run")
    if code is not None:
        return {**files, SNIPPET_NAME: code.encode()}, SNIPPET_NAME
    assert file_to_run is not None
    if file_to_run not in files:
        raise ParseError(f"{file_to_run!r} is not among the space's files")
    return dict(files), file_to_run


class _Collector:
    """Keeps the stdout that arrived (so a timed-out job still shows what it printed) and forwards every chunk."""

    def __init__(self, forward: OutputListener | None) -> None:
        self.stdout = bytearray()
        self.forward = forward

    def __call__(self, stream: str, chunk: bytes) -> None:
        if stream == "stdout":
            self.stdout += chunk
        if self.forward is not None:
            self.forward(stream, chunk)


def run_space_code(
    *,
    files: dict[str, bytes],
    code: str | None,
    file_to_run: str | None,
    timeout_s: float,
    cancel_event: threading.Event | None,
    save_outputs: bool = False,
    on_output: OutputListener | None = None,
) -> dict[str, Any]:
    job_files, name = _script(files, code, file_to_run)
    collector = _Collector(on_output)
    # cpu_seconds is at least the wall time the sandbox was held: the job's own report can be forged by its code.
    payload = {"file": name, "save_outputs": save_outputs, "saved_bytes": SAVED_FILES_BYTES}
    try:
        result = run_job(
            files=job_files,
            call="quantum.spaces_runner:run_script",
            payload=payload,
            timeout_s=timeout_s,
            cancel_event=cancel_event,
            on_output=collector,
        )
    except SandboxTimeout:
        return {
            "status": "timeout",
            "output": collector.stdout.decode(errors="replace"),
            "error": f"execution timed out after {timeout_s:g} s",
            "execution_time": float(timeout_s),
            "cpu_seconds": float(timeout_s),
            "files": {},
        }
    output = result.stdout.decode(errors="replace") + (TRUNCATED if result.stdout_truncated else "")
    answer = result.value if isinstance(result.value, dict) else {}
    error = answer.get("error") or (None if result.ok else _stderr_or_status(result))
    status = "success" if result.ok and answer.get("status") == "success" else "error"
    cpu = answer.get("cpu_seconds") if isinstance(answer.get("cpu_seconds"), (int, float)) else 0.0
    return {
        "status": status,
        "output": output,
        "error": error,
        "execution_time": round(result.wall_time_s, 4),
        "cpu_seconds": round(max(float(cpu), result.wall_time_s), 4),
        "files": _saved_files(answer.get("files")),
    }


def _saved_files(raw: Any) -> dict[str, bytes]:
    """The job's own report: a dict of path -> base64, or anything else (its code can write what it likes)."""
    if not isinstance(raw, dict):
        return {}
    try:
        return {str(path): base64.b64decode(str(data), validate=True) for path, data in raw.items()}
    except ValueError:
        return {}


def _stderr_or_status(result: Any) -> str:
    text = result.stderr.decode(errors="replace").strip()
    if result.status.value == "killed":
        return "the program was stopped: it exceeded its memory or process limit"
    if len(text) > 4000:
        return "[error output truncated]\n" + text[-4000:]
    return text or f"the program exited with status {result.exit_code}"
