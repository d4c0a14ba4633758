"""Host side of run_python: a space's script in the sandbox, its output capped."""

from __future__ import annotations

import threading
from typing import Any

from quantum.errors import ParseError, SandboxTimeout
from quantum.sandboxed import run_job

SNIPPET_NAME = "__qubithub_snippet__.py"
TRUNCATED = "\n[output truncated]"


def _script(files: dict[str, bytes], code: str | None, file_to_run: str | None) -> tuple[dict[str, bytes], str]:
    if (code is None) == (file_to_run is None):
        raise ParseError("give either code or file_to_run")
    if code is not None:
        return {**files, SNIPPET_NAME: code.encode()}, SNIPPET_NAME
    assert file_to_run is not None
    if file_to_run not in files:
        raise ParseError(f"{file_to_run!r} is not among the space's files")
    return dict(files), file_to_run


def run_space_code(*, files: dict[str, bytes], code: str | None, file_to_run: str | None, timeout_s: float,
                   cancel_event: threading.Event | None) -> dict[str, Any]:
    job_files, name = _script(files, code, file_to_run)
    try:
        result = run_job(files=job_files, call="quantum.spaces_runner:run_script", payload={"file": name},
                         timeout_s=timeout_s, cancel_event=cancel_event)
    except SandboxTimeout:
        return {"status": "timeout", "output": "", "error": f"execution timed out after {timeout_s:g} s",
                "execution_time": float(timeout_s)}
    output = result.stdout.decode(errors="replace") + (TRUNCATED if result.stdout_truncated else "")
    answer = result.value if isinstance(result.value, dict) else {}
    error = answer.get("error") or (None if result.ok else _stderr_or_status(result))
    status = "success" if result.ok and answer.get("status") == "success" else "error"
    return {"status": status, "output": output, "error": error, "execution_time": round(result.wall_time_s, 4)}


def _stderr_or_status(result: Any) -> str:
    text = result.stderr.decode(errors="replace").strip()
    if result.status.value == "killed":
        return "the program was stopped: it exceeded its memory or process limit"
    return text[-4000:] or f"the program exited with status {result.exit_code}"
