"""Whether two circuits do the same thing, up to global phase. Runs inside the sandbox: it loads users' code.

Each side's files are under its own folder of the job (a/, b/). Final measurements and barriers are ignored; a
circuit that still measures or resets (mid-circuit), keeps unbound parameters or has an operation without a
unitary gets an unknown answer (None) with a reason. Up to UNITARY_MAX_QUBITS the unitaries are compared; up to
STATEVECTOR_MAX_QUBITS the output states on random product inputs (fixed seeds); beyond, the answer is unknown.
"""

from __future__ import annotations

import contextlib
import inspect
import os
import sys
from collections.abc import Iterator
from typing import Any

UNITARY_MAX_QUBITS = 10
STATEVECTOR_MAX_QUBITS = 20
INPUT_SEEDS = (11, 23, 37, 53)
TOLERANCE = 1e-6
NOT_UNITARY = {"measure", "reset", "if_else", "while_loop", "for_loop", "switch_case", "box"}


class Undecided(Exception):
    """The equivalence cannot be decided; the message says why."""


def answer(equivalent: bool | None, method: str | None, reason: str | None = None) -> dict[str, Any]:
    return {"equivalent": equivalent, "method": method, "reason": reason}


def equivalence(root: str, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """{"equivalent": bool | None, "method": "unitary" | "statevector" | None, "reason": str | None}."""
    try:
        return compare(side_circuit(root, "a", a), side_circuit(root, "b", b))
    except Undecided as undecided:
        return answer(None, None, str(undecided))


def compare(a: Any, b: Any) -> dict[str, Any]:
    if a.num_qubits != b.num_qubits:
        return answer(
            False, None, f"the circuits act on different numbers of qubits ({a.num_qubits} and {b.num_qubits})"
        )
    qubits = a.num_qubits
    if qubits <= UNITARY_MAX_QUBITS:
        return answer(bool(_operator(a).equiv(_operator(b))), "unitary")
    if qubits <= STATEVECTOR_MAX_QUBITS:
        return answer(same_on_random_inputs(a, b), "statevector")
    raise Undecided(f"{qubits} qubits is too many to compare (at most {STATEVECTOR_MAX_QUBITS})")


def same_on_random_inputs(a: Any, b: Any) -> bool:
    """Equal outputs, up to one global phase shared by every input, on random product states (fixed seeds)."""
    import numpy as np

    phase = None
    for seed in INPUT_SEEDS:
        start = random_product_state(a.num_qubits, seed)
        overlap = complex(np.vdot(_evolve(start, a), _evolve(start, b)))
        if abs(abs(overlap) - 1) > TOLERANCE or (phase is not None and abs(overlap - phase) > TOLERANCE):
            return False
        phase = overlap if phase is None else phase
    return True


def random_product_state(qubits: int, seed: int) -> Any:
    """A product of random single-qubit states; index bit i is qubit i (Qiskit's order)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    state = np.ones(1, dtype=complex)
    for _ in range(qubits):
        single = rng.normal(size=2) + 1j * rng.normal(size=2)
        state = np.kron(single / np.linalg.norm(single), state)
    return state


def _evolve(start: Any, circuit: Any) -> Any:
    from qiskit.quantum_info import Statevector

    try:
        return Statevector(start).evolve(circuit).data
    except Exception as error:
        raise Undecided(f"the circuit cannot be simulated as a unitary: {error}") from error


def _operator(circuit: Any) -> Any:
    from qiskit.quantum_info import Operator

    try:
        return Operator(circuit)
    except Exception as error:
        raise Undecided(f"the circuit has no unitary: {error}") from error


def side_circuit(root: str, key: str, side: dict[str, Any]) -> Any:
    """Load one side from root/key, bind its parameters, convert to Qiskit and keep its unitary part."""
    from quantum import convert
    from quantum.loading import load

    folder = os.path.join(root, key)
    parameters = dict(side.get("parameters") or {})
    with isolated(folder):
        loaded = load(
            folder,
            list(side["names"]),
            framework=side["framework"],
            entry_point=side.get("entry_point"),
            entry_function=side.get("entry_function"),
            parameters=parameters,
            lenient=True,
        )
        _require_bound(key, _unbound(loaded, parameters))
        return unitary_part(key, convert.to_qiskit(loaded))


def _unbound(loaded: Any, parameters: dict[str, Any]) -> list[str]:
    if loaded.framework != "pennylane":
        return list(loaded.unbound)
    signature = inspect.signature(loaded.circuit.quantum_function)
    required = [n for n, p in signature.parameters.items() if p.default is inspect.Parameter.empty]
    return [n for n in required if n not in parameters and signature.parameters[n].kind not in _VARIADIC]


_VARIADIC = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)


def _require_bound(key: str, unbound: list[str]) -> None:
    if unbound:
        raise Undecided(f"circuit {key} has unbound parameters ({', '.join(sorted(unbound))}): pass them")


def unitary_part(key: str, circuit: Any) -> Any:
    """The circuit without final measurements and without barriers; Undecided when something non-unitary stays."""
    stripped = circuit.remove_final_measurements(inplace=False)
    kept = stripped.copy_empty_like()
    for instruction in stripped.data:
        name = instruction.operation.name
        if name in NOT_UNITARY:
            raise Undecided(
                f"circuit {key} has a {name} before its end (mid-circuit measurement, reset or control flow)"
            )
        if name != "barrier":
            kept.append(instruction)
    if kept.parameters:
        _require_bound(key, [p.name for p in kept.parameters])
    return kept


@contextlib.contextmanager
def isolated(folder: str) -> Iterator[None]:
    """Load a side from its folder, then forget its modules, so the other side's own imports are its own."""
    path, cwd = list(sys.path), os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(cwd)
        sys.path[:] = path
        for name, module in list(sys.modules.items()):
            if name == "qubithub_user_circuit" or _under(getattr(module, "__file__", None), folder):
                del sys.modules[name]


def _under(path: str | None, folder: str) -> bool:
    return bool(path) and os.path.abspath(str(path)).startswith(folder.rstrip("/") + "/")
