"""Resolve the entry of a user's module (create_circuit(), circuit(), circuit, qc, main()) and call it with parameters."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from types import ModuleType
from typing import Any

from quantum.errors import ParseError

CONVENTIONS = {
    "qiskit": ("create_circuit", "circuit", "qc", "main"),
    "cirq": ("create_circuit", "circuit", "qc", "main"),
    "pennylane": ("circuit", "create_circuit", "qc", "main"),
}


def find_entry(
    module: ModuleType, framework: str, entry_function: str | None, any_circuit: bool = False
) -> tuple[str, Any]:
    """The conventional entry; with any_circuit, else the last circuit object (or QNode) the module defines."""
    if entry_function:
        if not hasattr(module, entry_function):
            raise ParseError(f"the entry function {entry_function}() is not defined in the entry file")
        return entry_function, getattr(module, entry_function)
    for name in CONVENTIONS.get(framework, CONVENTIONS["qiskit"]):
        if hasattr(module, name):
            return name, getattr(module, name)
    last = last_circuit(module) if any_circuit else None
    if last is not None:
        return last
    expected = "circuit()" if framework == "pennylane" else "create_circuit()"
    raise ParseError(f"no entry found: define {expected}, or a module-level circuit/qc, or main()")


def last_circuit(module: ModuleType) -> tuple[str, Any] | None:
    import cirq
    import pennylane as qml
    from qiskit import QuantumCircuit

    kinds = (QuantumCircuit, cirq.Circuit, qml.QNode)
    found = [(name, value) for name, value in vars(module).items() if isinstance(value, kinds)]
    return found[-1] if found else None


def signature_of(function: Callable[..., Any]) -> inspect.Signature | None:
    try:
        return inspect.signature(function)
    except (TypeError, ValueError):
        return None


def keyword_names(function: Callable[..., Any]) -> list[str] | None:
    """The names `function` accepts as keyword arguments; None when it takes any (**kwargs) or can't be told."""
    signature = signature_of(function)
    if signature is None:
        return None
    kinds = {p.kind for p in signature.parameters.values()}
    if inspect.Parameter.VAR_KEYWORD in kinds:
        return None
    keyword = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    return sorted(name for name, p in signature.parameters.items() if p.kind in keyword)


def arguments_for(
    function: Callable[..., Any], parameters: dict[str, Any], placeholder: Callable[[str], Any] | None
) -> dict[str, Any]:
    """Keyword arguments binding parameters by name; missing required ones get placeholder(name) or raise."""
    signature = signature_of(function)
    if signature is None:
        return {}
    accepts_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in signature.parameters.values())
    arguments = {name: value for name, value in parameters.items() if accepts_any or name in signature.parameters}
    for name, parameter in signature.parameters.items():
        if name in arguments or parameter.default is not inspect.Parameter.empty:
            continue
        if parameter.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
            continue
        if placeholder is None:
            raise ParseError(f"the entry function needs the parameter {name!r}: pass it in parameters")
        arguments[name] = placeholder(name)
    return arguments


def call_entry(name: str, function: Callable[..., Any], arguments: dict[str, Any]) -> Any:
    try:
        return function(**arguments)
    except ParseError:
        raise
    except Exception as error:
        raise ParseError(f"{name}() raised {type(error).__name__}: {error}") from error
