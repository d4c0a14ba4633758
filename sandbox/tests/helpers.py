"""Run a Python snippet in a sandbox and read what it printed."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

from sandbox import Job, JobResult, Limits
from sandbox.base import Sandbox

REPO_ROOT = Path(__file__).resolve().parents[2]


def run_python(
    sandbox: Sandbox,
    code: str,
    *,
    limits: Limits | None = None,
    files: dict[str, bytes] | None = None,
    cancel_event: Any = None,
) -> JobResult:
    job = Job(
        command=["python3", "main.py"],
        files={"main.py": textwrap.dedent(code).encode(), **(files or {})},
        limits=limits or Limits(wall_s=20),
    )
    return sandbox.run(job, cancel_event=cancel_event)


def report(result: JobResult) -> Any:
    """The JSON the snippet printed on its last stdout line."""
    assert result.stdout, f"no output; status={result.status} stderr={result.stderr[-2000:]!r}"
    return json.loads(result.stdout.decode().strip().splitlines()[-1])
