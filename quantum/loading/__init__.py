"""Load a user's circuit from its files, per framework, with parameters bound by name.

Qiskit and Cirq files define create_circuit(); PennyLane files define circuit() (a QNode or quantum function);
a module-level circuit or qc, or the result of main(), also work; entry_function overrides the convention.
OpenQASM 3 and 2 files (.qasm) load through Qiskit. Runs inside the sandbox: it imports the user's code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from quantum.errors import ParseError
from quantum.loading import entry, source
from quantum.loading.pennylane_program import PennyLaneProgram

FRAMEWORKS = ("qiskit", "cirq", "pennylane", "openqasm3", "openqasm2")


@dataclass
class Loaded:
    """framework of the circuit object: qiskit (QuantumCircuit), cirq (cirq.Circuit), pennylane (PennyLaneProgram)."""

    framework: str
    circuit: Any
    source_framework: str
    unbound: list[str] = field(default_factory=list)
    # Names the entry function accepts as keyword arguments (parameters bind them too); None: any (**kwargs).
    arguments: list[str] | None = field(default_factory=list)


def load(
    root: str,
    names: list[str],
    *,
    framework: str,
    entry_point: str | None,
    entry_function: str | None,
    parameters: dict[str, Any],
    lenient: bool,
    any_circuit: bool = False,
) -> Loaded:
    """lenient: missing function arguments become symbolic placeholders (for analysis and drawing).
    any_circuit: without a conventional entry, take the last circuit object the module defines (snippets)."""
    framework = normalise_framework(framework)
    path = os.path.join(root, source.choose_entry(names, framework, entry_point))
    if source.is_qasm(path):
        from quantum.loading.qasm import load_qasm

        return _bind(load_qasm(path), parameters, framework)
    module = source.import_user_module(path, root)
    name, found = entry.find_entry(module, framework, entry_function, any_circuit=any_circuit)
    loaded = _bind(_materialise(name, found, framework, parameters, lenient), parameters, framework)
    loaded.arguments = entry.keyword_names(found) if callable(found) and not _is_circuit(found) else []
    return loaded


def normalise_framework(framework: str | None) -> str:
    value = (framework or "qiskit").strip().lower().replace(" ", "")
    aliases = {"openqasm": "openqasm3", "qasm": "openqasm3", "qasm3": "openqasm3", "qasm2": "openqasm2"}
    value = aliases.get(value, value)
    if value not in FRAMEWORKS:
        raise ParseError(f"unknown framework {framework!r}; use one of {', '.join(FRAMEWORKS)}")
    return value


def _materialise(name: str, found: Any, framework: str, parameters: dict[str, Any], lenient: bool) -> Any:
    """Turn the entry object into a circuit: call functions, wrap PennyLane programs."""
    import pennylane as qml

    if isinstance(found, qml.QNode) or (framework == "pennylane" and callable(found) and not _is_circuit(found)):
        return _pennylane(found, parameters)
    if _is_circuit(found) or not callable(found):
        return found
    placeholder = _placeholder(framework) if lenient else None
    result = entry.call_entry(name, found, entry.arguments_for(found, parameters, placeholder))
    if isinstance(result, qml.QNode):
        return _pennylane(result, parameters)
    return result


def _pennylane(function: Any, parameters: dict[str, Any]) -> PennyLaneProgram:
    signature = entry.signature_of(function)
    names = [n for n in signature.parameters] if signature else []
    arguments = entry.arguments_for(function, parameters, lambda _name: 0.0)
    return PennyLaneProgram(function=function, arguments=arguments, argument_names=names)


def _placeholder(framework: str) -> Any:
    if framework == "cirq":
        import sympy

        return sympy.Symbol
    from qiskit.circuit import Parameter

    return Parameter


def _is_circuit(value: Any) -> bool:
    import cirq
    from qiskit import QuantumCircuit

    return isinstance(value, (QuantumCircuit, cirq.Circuit))


def _bind(circuit: Any, parameters: dict[str, Any], source_framework: str) -> Loaded:
    import cirq
    from qiskit import QuantumCircuit

    if isinstance(circuit, QuantumCircuit):
        values = {p: float(parameters[p.name]) for p in circuit.parameters if p.name in parameters}
        bound = circuit.assign_parameters(values) if values else circuit
        return Loaded("qiskit", bound, source_framework, sorted(p.name for p in bound.parameters))
    if isinstance(circuit, cirq.Circuit):
        bound = cirq.resolve_parameters(circuit, {k: v for k, v in parameters.items() if isinstance(v, (int, float))})
        return Loaded("cirq", bound, source_framework, sorted(cirq.parameter_names(bound)))
    if isinstance(circuit, PennyLaneProgram):
        return Loaded("pennylane", circuit, source_framework)
    raise ParseError(
        f"the entry returned {type(circuit).__name__}, not a circuit (QuantumCircuit, cirq.Circuit or QNode)"
    )
