"""The sandboxed side of the engine: called with the job's payload inside the sandbox, its files already in /job.

Every operation returns {"ok": True, "value": ...} or {"ok": False, "error": {"error_class", "message"}}.
Preloaded by the warm zygote, so it imports the quantum libraries at module level.
"""

from __future__ import annotations

import os
import warnings
from typing import Any

import cirq  # noqa: F401 - preload for the warm pool
import numpy  # noqa: F401
import pennylane  # noqa: F401
import qiskit  # noqa: F401
import qiskit_aer  # noqa: F401

from quantum.errors import InternalError, QuantumError, ResourceLimit

JOB_DIR = "/job"


def serve(payload: dict[str, Any]) -> dict[str, Any]:
    warnings.simplefilter("ignore")
    try:
        return {"ok": True, "value": OPERATIONS[payload["op"]](payload)}
    except QuantumError as error:
        return {"ok": False, "error": error.wire()}
    except MemoryError:
        return {"ok": False, "error": ResourceLimit("the job ran out of memory").wire()}
    except Exception as error:  # noqa: BLE001 - anything else is ours to investigate
        return {"ok": False, "error": InternalError(f"{type(error).__name__}: {error}"[:1000]).wire()}


def _load(payload: dict[str, Any], lenient: bool) -> Any:
    from quantum.loading import load

    return load(
        JOB_DIR,
        list(payload["names"]),
        framework=payload["framework"],
        entry_point=payload.get("entry_point"),
        entry_function=payload.get("entry_function"),
        parameters=dict(payload.get("parameters") or {}),
        lenient=lenient,
    )


def _execute(payload: dict[str, Any]) -> dict[str, Any]:
    from quantum.execution import execute_loaded

    loaded = _load(payload, lenient=False)
    return execute_loaded(
        loaded,
        backend=payload["backend"],
        shots=int(payload["shots"]),
        want_statevector=bool(payload.get("want_statevector")),
        seed=payload.get("seed"),
        memory_mb=payload.get("memory_mb"),
    )


def _export(payload: dict[str, Any]) -> str:
    """The bound circuit as Qiskit, serialized: QPY (base64) or OpenQASM 3."""
    import base64
    import io

    from qiskit import qasm3, qpy

    from quantum import convert
    from quantum.execution import _unbound_check

    circuit = convert.to_qiskit(_load(payload, lenient=False), measure_all=True)
    _unbound_check(circuit)
    if not any(instruction.operation.name == "measure" for instruction in circuit.data):
        circuit = circuit.measure_all(inplace=False)
    if payload.get("fmt") == "qasm3":
        return qasm3.dumps(circuit)
    buffer = io.BytesIO()
    qpy.dump(circuit, buffer)
    return base64.b64encode(buffer.getvalue()).decode()


def _analyse(payload: dict[str, Any]) -> dict[str, Any]:
    from quantum.analysis import analyse_loaded

    return analyse_loaded(_load(payload, lenient=True))


def _draw(payload: dict[str, Any]) -> str:
    from quantum.drawing import draw_loaded

    return draw_loaded(_load(payload, lenient=True), payload.get("fmt", "svg"))


def _visualize(payload: dict[str, Any]) -> dict[str, Any]:
    from quantum.detect import detect_framework
    from quantum.drawing import draw_loaded
    from quantum.errors import ParseError
    from quantum.loading import load

    name = payload.get("entry") or payload["names"][0]
    with open(os.path.join(JOB_DIR, name), encoding="utf-8", errors="replace") as handle:
        framework = payload.get("framework") or detect_framework(handle.read())
    if framework is None:
        raise ParseError("cannot tell the framework: import qiskit, cirq or pennylane, or pass framework")
    loaded = load(
        JOB_DIR,
        list(payload["names"]),
        framework=framework,
        entry_point=name,
        entry_function=None,
        parameters={},
        lenient=True,
        any_circuit=True,
    )
    fmt = payload.get("fmt") or "svg"
    drawing = draw_loaded(loaded, fmt)
    return {"framework": framework, "format": fmt, "diagram": drawing, **({"svg": drawing} if fmt == "svg" else {})}


def _equivalent(payload: dict[str, Any]) -> dict[str, Any]:
    from quantum.equivalence import equivalence

    return equivalence(JOB_DIR, payload["a"], payload["b"])


OPERATIONS = {
    "execute": _execute,
    "export": _export,
    "analyse": _analyse,
    "draw": _draw,
    "visualize": _visualize,
    "equivalent": _equivalent,
}
