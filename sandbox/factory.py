"""Choose the sandbox implementation from arguments or the environment.

QH_SANDBOX_BACKEND   bubblewrap (default) | docker
QH_SANDBOX_WARM_POOL 1 (default) | 0     bubblewrap only: reuse warm zygotes
QH_SANDBOX_POOL_MAX_JOBS                 jobs per zygote before it is recycled (default 500)
"""

from __future__ import annotations

import os
import threading

from sandbox.base import Sandbox
from sandbox.errors import SandboxUnavailable

BACKENDS = ("bubblewrap", "docker")
_instances: dict[tuple[str, bool], Sandbox] = {}
_lock = threading.Lock()


def _flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if raw == "":
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{name} must be 0 or 1, got {raw!r}")


def _build(backend: str, warm: bool) -> Sandbox:
    if backend == "docker":
        from sandbox.docker.container import DockerSandbox

        return DockerSandbox()
    if warm:
        from sandbox.pool import WarmPool, WarmPoolSandbox

        return WarmPoolSandbox(WarmPool(max_jobs=int(os.environ.get("QH_SANDBOX_POOL_MAX_JOBS", "500"))))
    from sandbox.bwrap.oneshot import BubblewrapSandbox

    return BubblewrapSandbox()


def get_sandbox(backend: str | None = None, *, warm: bool | None = None) -> Sandbox:
    """The process-wide sandbox for this backend (created once, shared by all threads)."""
    backend = backend or os.environ.get("QH_SANDBOX_BACKEND", "bubblewrap")
    if backend not in BACKENDS:
        raise SandboxUnavailable(f"QH_SANDBOX_BACKEND must be one of {', '.join(BACKENDS)}, got {backend!r}")
    warm = _flag("QH_SANDBOX_WARM_POOL", True) if warm is None else warm
    key = (backend, warm and backend == "bubblewrap")
    with _lock:
        if key not in _instances:
            _instances[key] = _build(*key)
        return _instances[key]
