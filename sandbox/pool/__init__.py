"""The warm pool: long-lived zygotes that already imported the quantum libraries and fork one child per job."""

from sandbox.pool.pool import WarmPool, WarmPoolSandbox

__all__ = ["WarmPool", "WarmPoolSandbox"]
