"""The backend catalogue: simulators, emulators of real devices, hardware providers.

catalogue(), get() and calibration() come from our own code and the installed libraries (no user code). The fake
devices' data is built in a child process (quantum.backends.build: qiskit's native code has crashed when building
them inside a multi-threaded web process) and cached on disk per qiskit-ibm-runtime version, and in memory.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from quantum.backends import hardware, simulators

PUBLIC_FIELDS = ("id", "name", "type", "provider", "qubits", "basis_gates", "coupling_map", "status", "description")
_lock = threading.RLock()  # one build at a time per process
BUILD_TIMEOUT_S = 300


def _cache_dir() -> Path:
    base = os.environ.get("QH_QUANTUM_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "qubithub"
    )
    return Path(base)


@functools.lru_cache(maxsize=1)
def _devices_version() -> str:
    """qiskit-ibm-runtime's version (its fake devices), read without importing it."""
    from importlib.metadata import version

    return version("qiskit-ibm-runtime")


def _cache_file() -> Path:
    return _cache_dir() / f"devices-{_devices_version()}.json"


def _write_atomically(path: Path, data: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        temporary.write_text(json.dumps(data))
        temporary.replace(path)
    except OSError:
        pass


class CatalogueUnavailable(RuntimeError):
    pass


def _built_in_child(*args: str) -> Any:
    root = Path(__file__).resolve().parent.parent.parent
    try:
        done = subprocess.run(
            [sys.executable, "-m", "quantum.backends.build", *args],
            cwd=root,
            capture_output=True,
            timeout=BUILD_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise CatalogueUnavailable(f"building the device data ({' '.join(args)}) timed out") from exc
    if done.returncode != 0:
        tail = done.stderr.decode(errors="replace")[-500:]
        raise CatalogueUnavailable(f"building the device data ({' '.join(args)}) failed ({done.returncode}): {tail}")
    return json.loads(done.stdout)


def _build_devices() -> list[dict[str, Any]]:
    return list(_built_in_child("devices"))


def _build_calibration(backend_id: str) -> dict[str, Any] | None:
    return _built_in_child("calibration", backend_id)


def _device_entries() -> list[dict[str, Any]]:
    path = _cache_file()
    try:
        return list(json.loads(path.read_text()))
    except (OSError, ValueError):
        pass
    entries = _build_devices()
    _write_atomically(path, entries)
    return entries


@functools.lru_cache(maxsize=1)
def _full_catalogue() -> tuple[dict[str, Any], ...]:
    with _lock:
        return tuple([*simulators.SIMULATORS, *_device_entries(), *hardware.hardware_entries()])


def resolve_id(backend_id: str) -> str:
    return simulators.ALIASES.get(backend_id, backend_id)


def spec(backend_id: str) -> dict[str, Any] | None:
    """Full entry including the engine fields used to run it, or None."""
    wanted = resolve_id(backend_id)
    for entry in _full_catalogue():
        if entry["id"] == wanted:
            return copy.deepcopy(entry)
    return None


def catalogue() -> list[dict[str, Any]]:
    """Every backend: id, name, type (simulation/emulation/hardware), provider, qubits, basis_gates, coupling_map,
    status, description."""
    return [{key: copy.deepcopy(entry[key]) for key in PUBLIC_FIELDS} for entry in _full_catalogue()]


def get(backend_id: str) -> dict[str, Any] | None:
    entry = spec(backend_id)
    return {key: entry[key] for key in PUBLIC_FIELDS} if entry else None


_calibrations: dict[str, dict[str, Any] | None] = {}


def _calibration_cached(backend_id: str) -> dict[str, Any] | None:
    """A device's calibration from the disk cache (a fake device's snapshot never changes for one
    qiskit-ibm-runtime version), built in a child process only when missing."""
    path = _cache_dir() / f"calibration-{_devices_version()}-{backend_id}.json"
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        pass
    built = _build_calibration(backend_id)
    if built is not None:
        _write_atomically(path, built)
    return built


def calibration(backend_id: str) -> dict[str, Any] | None:
    """Per-qubit T1, T2 (µs), frequency (GHz), readout error; per-gate error and duration (ns); timestamp.
    None for backends without calibration (simulators, hardware without credentials, unknown ids).

    Built once per device and qiskit-ibm-runtime version, in a child process, one at a time."""
    wanted = resolve_id(backend_id)
    with _lock:
        if wanted not in _calibrations:
            _calibrations[wanted] = _calibration_cached(wanted) if spec(wanted) is not None else None
        return copy.deepcopy(_calibrations[wanted])
