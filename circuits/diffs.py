"""Comparing two versions of a circuit: a unified diff per changed file and the engine's view of both sides."""

import difflib

from circuits.manifest import METADATA_NAME
from circuits.models import Circuit, CircuitVersion
from circuits.services.analysis import EngineUnavailable, engine, engine_analyse, version_files
from circuits.storage import read_bytes
from qubithub.api.exceptions import NotFound

MAX_DIFF_BYTES = 512 * 1024


def _version(circuit: Circuit, number: int) -> CircuitVersion:
    version = next((v for v in circuit.versions.all() if v.version_number == number), None)
    if version is None:
        raise NotFound(f"Version {number} of this circuit does not exist.")
    return version


def _text(path: str | None) -> list[str] | None:
    if path is None:
        return []
    raw = read_bytes(path)
    if len(raw) > MAX_DIFF_BYTES or b"\x00" in raw:
        return None
    try:
        return raw.decode("utf-8").splitlines(keepends=True)
    except UnicodeDecodeError:
        return None


def _file_diff(name: str, old, new) -> dict:
    status = "added" if old is None else "removed" if new is None else "modified"
    before, after = _text(old and old.path), _text(new and new.path)
    if before is None or after is None:
        return {"name": name, "status": status, "diff": f"Binary or large file {name} differs.\n"}
    lines = difflib.unified_diff(before, after, fromfile=f"a/{name}", tofile=f"b/{name}")
    return {"name": name, "status": status, "diff": "".join(lines)}


def file_diffs(a: CircuitVersion, b: CircuitVersion) -> list[dict]:
    old = {f.name: f for f in a.files.all()}
    new = {f.name: f for f in b.files.all()}
    changed = sorted(n for n in old.keys() | new.keys() if n != METADATA_NAME and _sha(old, n) != _sha(new, n))
    return [_file_diff(name, old.get(name), new.get(name)) for name in changed]


def _sha(files: dict, name: str) -> str | None:
    record = files.get(name)
    return record.sha256 if record else None


def _side(version: CircuitVersion) -> dict:
    analysis = version.analysis or {}
    if analysis.get("status") != "ok":
        try:
            analysis = {"status": "ok", **engine_analyse(version, version_files(version))}
        except EngineUnavailable as exc:
            analysis = {"error": str(exc)}
        except Exception as exc:  # the engine's typed errors about the user's code
            analysis = {"error": str(exc)}
    return {
        "version": version.version_number,
        "qubits": analysis.get("qubits"),
        "depth": analysis.get("depth"),
        "gate_counts": analysis.get("gate_counts") or {},
        "two_qubit_gates": analysis.get("two_qubit_gates"),
        "error": analysis.get("error"),
    }


def _delta(a: dict, b: dict) -> dict:
    def minus(x, y):
        return None if x is None or y is None else y - x

    gates = sorted(a["gate_counts"].keys() | b["gate_counts"].keys())
    return {
        "qubits": minus(a["qubits"], b["qubits"]),
        "depth": minus(a["depth"], b["depth"]),
        "two_qubit_gates": minus(a["two_qubit_gates"], b["two_qubit_gates"]),
        "gate_counts": {g: b["gate_counts"].get(g, 0) - a["gate_counts"].get(g, 0) for g in gates},
    }


def _engine_side(version: CircuitVersion) -> dict:
    execution = (version.manifest or {}).get("execution", {})
    return {
        "framework": version.circuit.framework,
        "files": version_files(version),
        "entry_point": version.entry_point,
        "entry_function": execution.get("entry_function"),
    }


def _equivalence(a: CircuitVersion, b: CircuitVersion) -> dict:
    """Asks the engine (which runs both circuits in the sandbox); unknown, with the reason, when it cannot tell."""
    if a.commit_hash == b.commit_hash:
        return {"equivalent": True, "method": "identical_files", "reason": None}
    try:
        result = engine().equivalent(a=_engine_side(a), b=_engine_side(b))
    except Exception as exc:  # a side does not load: the equivalence is unknown
        return {"equivalent": None, "method": None, "reason": str(exc) or exc.__class__.__name__}
    return {"equivalent": result.get("equivalent"), "method": result.get("method"), "reason": result.get("reason")}


def circuit_version_diff(*, circuit: Circuit, a: int, b: int) -> dict:
    version_a, version_b = _version(circuit, a), _version(circuit, b)
    side_a, side_b = _side(version_a), _side(version_b)
    equivalence = _equivalence(version_a, version_b)
    return {
        "circuit_id": circuit.id,
        "a": a,
        "b": b,
        "files": file_diffs(version_a, version_b),
        "semantic": {
            "a": side_a,
            "b": side_b,
            "delta": _delta(side_a, side_b),
            "equivalent": equivalence["equivalent"],
            "equivalence_method": equivalence["method"],
            "equivalence_reason": equivalence["reason"],
        },
    }
