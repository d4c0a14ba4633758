"""The engine's public functions, called by the Django side. Users' code runs only inside the sandbox.

Counts are bitstrings in Qiskit's order: classical bit 0 (qubit 0 for circuits without explicit measurements)
is the rightmost character. Statevectors are [real, imag] pairs, index bit i = qubit i, for up to 16 qubits.
Errors are quantum.errors.QuantumError subclasses with a stable error_class.
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Callable
from typing import Any

from quantum import backends
from quantum.backends.hardware import unavailable_reason
from quantum.errors import BackendUnavailable, ParseError, ResourceLimit
from quantum.loading import normalise_framework
from quantum.sandboxed import call_engine

MAX_SHOTS = 100_000


def _names(files: dict[str, bytes]) -> list[str]:
    if not files:
        raise ParseError("the circuit has no files")
    return sorted(files)


def _backend(backend_id: str) -> dict[str, Any]:
    entry = backends.spec(backend_id)
    if entry is None:
        raise BackendUnavailable(f"unknown backend {backend_id!r}; the catalogue lists the available ones")
    if entry["type"] == "hardware" or entry["status"] != "available":
        raise BackendUnavailable(unavailable_reason(entry["id"]))
    return {key: entry[key] for key in ("id", "engine", "option", "qubits")}


def execute(
    *,
    files: dict[str, bytes],
    framework: str,
    entry_point: str | None,
    entry_function: str | None,
    backend: str,
    shots: int,
    parameters: dict[str, Any],
    want_statevector: bool = False,
    timeout_s: float = 60,
    cancel_event: threading.Event | None = None,
    seed: int | None = None,
) -> dict[str, Any]:
    """Load, bind parameters and run the circuit on backend, in the sandbox.

    Returns {"results": {"counts", "statevector", optional "pennylane_result", "expectation_values"},
             "metrics": {"execution_time_ms", "execution_time", "transpilation_time_ms", "qubits", "depth", "shots",
                         "backend"}}.
    """
    if not 1 <= int(shots) <= MAX_SHOTS:
        raise ResourceLimit(f"shots must be between 1 and {MAX_SHOTS}")
    payload = {
        "op": "execute",
        "names": _names(files),
        "framework": normalise_framework(framework),
        "entry_point": entry_point,
        "entry_function": entry_function,
        "parameters": dict(parameters or {}),
        "backend": _backend(backend),
        "shots": int(shots),
        "want_statevector": want_statevector,
        "seed": seed,
    }
    return dict(call_engine(files=files, payload=payload, timeout_s=timeout_s, cancel_event=cancel_event))


def export_circuit(
    *,
    files: dict[str, bytes],
    framework: str,
    entry_point: str | None,
    entry_function: str | None,
    parameters: dict[str, Any],
    fmt: str = "qpy",
    timeout_s: float = 60,
    cancel_event: threading.Event | None = None,
) -> bytes | str:
    """Load, bind parameters and convert the circuit to Qiskit in the sandbox; return it serialized, as data.

    fmt="qpy": QPY bytes; fmt="qasm3": OpenQASM 3 text. Measurements are added (measure_all) when the circuit has
    none. Used to submit to hardware from the worker without running the user's code outside the sandbox.
    """
    if fmt not in ("qpy", "qasm3"):
        raise ParseError(f"unknown export format {fmt!r}; use qpy or qasm3")
    payload = {
        "op": "export",
        "names": _names(files),
        "framework": normalise_framework(framework),
        "entry_point": entry_point,
        "entry_function": entry_function,
        "parameters": dict(parameters or {}),
        "fmt": fmt,
    }
    value = str(call_engine(files=files, payload=payload, timeout_s=timeout_s, cancel_event=cancel_event))
    return base64.b64decode(value) if fmt == "qpy" else value


def analyse(
    *,
    files: dict[str, bytes],
    framework: str,
    entry_point: str | None = None,
    entry_function: str | None = None,
    timeout_s: float = 30,
) -> dict[str, Any]:
    """{"qubits", "depth", "gates" (names), "gate_counts", "two_qubit_gates", "parameters" (names), "has_measurements"}."""
    payload = {
        "op": "analyse",
        "names": _names(files),
        "framework": normalise_framework(framework),
        "entry_point": entry_point,
        "entry_function": entry_function,
    }
    return dict(call_engine(files=files, payload=payload, timeout_s=timeout_s))


def equivalent(
    *, a: dict[str, Any], b: dict[str, Any], parameters: dict[str, Any] | None = None, timeout_s: float = 60
) -> dict[str, Any]:
    """Whether two circuits are equal up to global phase, each loaded in the sandbox from its own files.

    a and b: {"files", "framework", optional "entry_point", "entry_function", "parameters" (else parameters)}.
    Unitaries up to 10 qubits, statevectors on random product inputs up to 20; final measurements are ignored.
    Returns {"equivalent": bool | None, "method": "unitary" | "statevector" | None, "reason": str | None}; None
    (unknown) with a reason for mid-circuit measurements or resets, unbound parameters, or too many qubits.
    """
    files: dict[str, bytes] = {}
    sides: dict[str, Any] = {}
    for key, side in (("a", a), ("b", b)):
        own = dict(side.get("files") or {})
        files.update({f"{key}/{name}": data for name, data in own.items()})
        sides[key] = {
            "names": _names(own),
            "framework": normalise_framework(side.get("framework")),
            "entry_point": side.get("entry_point"),
            "entry_function": side.get("entry_function"),
            "parameters": dict(side.get("parameters", parameters) or {}),
        }
    return dict(call_engine(files=files, payload={"op": "equivalent", **sides}, timeout_s=timeout_s))


def draw(
    *,
    files: dict[str, bytes],
    framework: str,
    entry_point: str | None = None,
    entry_function: str | None = None,
    fmt: str = "svg",
    timeout_s: float = 30,
) -> str:
    """The circuit drawn as an SVG document (fmt="svg") or text (fmt="text")."""
    if fmt not in ("svg", "text"):
        raise ParseError(f"unknown drawing format {fmt!r}; use svg or text")
    payload = {
        "op": "draw",
        "names": _names(files),
        "framework": normalise_framework(framework),
        "entry_point": entry_point,
        "entry_function": entry_function,
        "fmt": fmt,
    }
    return str(call_engine(files=files, payload=payload, timeout_s=timeout_s))


def visualize_code(
    *,
    code: str | None = None,
    framework: str | None = None,
    timeout_s: float = 30,
    files: dict[str, bytes] | None = None,
    file_to_visualize: str | None = None,
    fmt: str = "svg",
) -> dict[str, str]:
    """Draw the circuit a snippet (code) or one of files (file_to_visualize) builds: create_circuit() / circuit() /
    circuit / qc / main(), else the last circuit object it defines; framework detected when None.

    files are all present in the work directory, so the code may import them.
    Returns {"framework", "format" (svg | text), "diagram", and "svg" (the same drawing) for svg}.
    """
    if fmt not in ("svg", "text"):
        raise ParseError(f"unknown drawing format {fmt!r}; use svg or text")
    files = dict(files or {})
    if (code is None) == (file_to_visualize is None):
        raise ParseError("give either code or file_to_visualize")
    entry = file_to_visualize
    if code is not None:
        entry = "__visualize__.qasm" if code.lstrip().upper().startswith("OPENQASM") else "__visualize__.py"
        files[entry] = code.encode()
    elif entry not in files:
        raise ParseError(f"{entry!r} is not among the files")
    payload = {
        "op": "visualize",
        "names": sorted(files),
        "entry": entry,
        "fmt": fmt,
        "framework": normalise_framework(framework) if framework else None,
    }
    return dict(call_engine(files=files, payload=payload, timeout_s=timeout_s))


def run_python(
    *,
    files: dict[str, bytes],
    code: str | None,
    file_to_run: str | None,
    timeout_s: float,
    cancel_event: threading.Event | None = None,
    save_outputs: bool = False,
    on_output: Callable[[str, bytes], None] | None = None,
) -> dict[str, Any]:
    """Run a space's code with its files in the work directory.

    Returns {"status": success|error|timeout, "output" (stdout, capped, marked when cut), "error" (traceback),
    "execution_time" (s), "cpu_seconds" (at least the wall time), "files" (created or changed files, when
    save_outputs)}. on_output hears ("stdout" | "stderr", bytes) chunks as they are written.
    """
    from quantum.spaces import run_space_code

    return run_space_code(
        files=files,
        code=code,
        file_to_run=file_to_run,
        timeout_s=timeout_s,
        cancel_event=cancel_event,
        save_outputs=save_outputs,
        on_output=on_output,
    )


def warm_up() -> None:
    """Start the sandbox's warm pool and load the backend catalogue now (call once when a worker starts), so the
    first job does not pay the zygote's library imports (seconds) or the catalogue build."""
    from sandbox import get_sandbox

    backends.catalogue()
    pool = getattr(get_sandbox(), "pool", None)
    if pool is not None:
        pool.warm_up()
