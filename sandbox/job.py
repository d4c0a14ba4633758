"""What a sandbox runs (Job) and what it gives back (JobResult)."""

from __future__ import annotations

import base64
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sandbox.limits import Limits


class Status(str, enum.Enum):
    SUCCESS = "success"
    ERROR = "error"
    TIMEOUT = "timeout"
    CANCELLED = "cancelled"
    KILLED = "killed"


@dataclass(frozen=True)
class Job:
    """Either a command (argv run in /job) or a Python entry "module:function" called with payload.

    files are written under /job before the job starts; files the job writes under /job/out come back.
    A call entry must be importable inside the sandbox (the quantum and sandbox packages are).
    """

    files: Mapping[str, bytes] = field(default_factory=dict)
    command: Sequence[str] | None = None
    call: str | None = None
    payload: Any = None
    limits: Limits = field(default_factory=Limits)

    def __post_init__(self) -> None:
        if (self.command is None) == (self.call is None):
            raise ValueError("a Job needs exactly one of command or call")

    def wire(self) -> dict[str, Any]:
        return {
            "files": {name: base64.b64encode(data).decode() for name, data in self.files.items()},
            "command": list(self.command) if self.command else None,
            "call": self.call,
            "payload": self.payload,
            "limits": self.limits.kernel_spec(),
        }


@dataclass
class JobResult:
    status: Status
    exit_code: int | None
    stdout: bytes
    stderr: bytes
    wall_time_s: float
    stdout_truncated: bool = False
    stderr_truncated: bool = False
    value: Any = None
    crash: str | None = None
    files: dict[str, bytes] = field(default_factory=dict)
    sandbox_error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is Status.SUCCESS
