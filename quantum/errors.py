"""Typed errors of the quantum engine. Each carries a stable error_class and a message the user can act on."""

from __future__ import annotations


class QuantumError(Exception):
    error_class = "internal_error"
    default_message = "the circuit could not be processed"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)
        self.message = message or self.default_message

    def wire(self) -> dict[str, str]:
        return {"error_class": self.error_class, "message": self.message}


class ParseError(QuantumError):
    """The file is missing, does not parse, has no entry function or returns no circuit."""

    error_class = "parse_error"
    default_message = "the circuit file could not be loaded"


class SandboxTimeout(QuantumError):
    error_class = "sandbox_timeout"
    default_message = "the job ran past its time limit and was stopped"


class BackendUnavailable(QuantumError):
    error_class = "backend_unavailable"
    default_message = "this backend is not available"


class ResourceLimit(QuantumError):
    """Too many qubits for the backend, too much memory, too much output."""

    error_class = "resource_limit"
    default_message = "the job exceeded a resource limit"


class Cancelled(QuantumError):
    error_class = "cancelled"
    default_message = "the job was cancelled"


class InternalError(QuantumError):
    error_class = "internal_error"
    default_message = "an internal error stopped the job; it has been logged"


ERROR_CLASSES: dict[str, type[QuantumError]] = {
    cls.error_class: cls
    for cls in (ParseError, SandboxTimeout, BackendUnavailable, ResourceLimit, Cancelled, InternalError)
}


def from_wire(data: object) -> QuantumError:
    """Rebuild an error the sandboxed runner reported; unknown shapes become internal errors."""
    if not isinstance(data, dict):
        return InternalError()
    cls = ERROR_CLASSES.get(str(data.get("error_class")), InternalError)
    message = data.get("message")
    return cls(str(message)[:2000] if message else None)
