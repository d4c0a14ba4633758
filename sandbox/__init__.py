"""Run untrusted code in isolation. Plain Python: imports nothing from Django.

    from sandbox import Job, get_sandbox
    result = get_sandbox().run(Job(command=["python", "main.py"], files={"main.py": b"print(1)"}))

Implementations: bubblewrap warm pool (default), bubblewrap one-shot, Docker; see sandbox.factory.
"""

from sandbox.errors import SandboxError, SandboxUnavailable
from sandbox.job import Job, JobResult, Status
from sandbox.limits import Limits

__all__ = ["Job", "JobResult", "Limits", "SandboxError", "SandboxUnavailable", "Status", "get_sandbox"]


def get_sandbox(backend: str | None = None, *, warm: bool | None = None):  # type: ignore[no-untyped-def]
    from sandbox.factory import get_sandbox as _get

    return _get(backend, warm=warm)
