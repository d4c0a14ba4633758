"""Errors of the sandbox itself (not of the job it runs)."""


class SandboxError(RuntimeError):
    """The sandbox could not run the job (misconfiguration, missing tool, broken zygote)."""


class SandboxUnavailable(SandboxError):
    """The selected sandbox implementation cannot run on this machine (e.g. bwrap or dockerd missing)."""
