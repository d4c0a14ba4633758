"""Resource limits of one sandboxed job."""

from __future__ import annotations

import math
import os
from dataclasses import asdict, dataclass, replace

MiB = 1024 * 1024
GiB = 1024 * MiB


@dataclass(frozen=True)
class Limits:
    """wall_s is enforced by the host (the whole process tree is killed); the rest by the kernel.

    memory_bytes is address space on top of what the warm zygote already mapped (its preloaded libraries).
    disk_bytes sizes the private tmpfs that holds /job and /tmp.
    """

    wall_s: float = 60.0
    memory_bytes: int = 2 * GiB
    processes: int = 64
    file_size_bytes: int = 64 * MiB
    open_files: int = 256
    disk_bytes: int = 256 * MiB
    output_bytes: int = 1 * MiB
    result_bytes: int = 64 * MiB
    output_files_bytes: int = 16 * MiB

    @property
    def cpu_s(self) -> int:
        return max(1, math.ceil(self.wall_s) + 1)

    def with_wall(self, wall_s: float) -> Limits:
        return replace(self, wall_s=wall_s)

    def kernel_spec(self) -> dict[str, int]:
        """The part applied inside the sandbox, as sent over the wire."""
        spec = {key: value for key, value in asdict(self).items() if isinstance(value, int)}
        spec["cpu_s"] = self.cpu_s
        return spec


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from error


def limits_from_env() -> Limits:
    """Defaults, overridable with QH_SANDBOX_MEMORY_MB, QH_SANDBOX_PROCESSES, QH_SANDBOX_DISK_MB, QH_SANDBOX_OUTPUT_KB."""
    base = Limits()
    return replace(
        base,
        memory_bytes=_env_int("QH_SANDBOX_MEMORY_MB", base.memory_bytes // MiB) * MiB,
        processes=_env_int("QH_SANDBOX_PROCESSES", base.processes),
        disk_bytes=_env_int("QH_SANDBOX_DISK_MB", base.disk_bytes // MiB) * MiB,
        output_bytes=_env_int("QH_SANDBOX_OUTPUT_KB", base.output_bytes // 1024) * 1024,
    )
