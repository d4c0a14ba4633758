"""The backend catalogue: simulators, emulators of real devices, hardware providers.

catalogue() and get() are computed in-process from our own code and the installed libraries (no user code) and
cached: in memory, and on disk per qiskit-ibm-runtime version (building the fake devices takes seconds).
"""

from __future__ import annotations

import copy
import functools
import json
import os
import threading
from pathlib import Path
from typing import Any

from quantum.backends import devices, hardware, simulators
from quantum.backends.calibration import device_calibration

PUBLIC_FIELDS = ("id", "name", "type", "provider", "qubits", "basis_gates", "coupling_map", "status", "description")
# One lock for every in-process use of qiskit's fake devices (the catalogue and the calibrations): building two
# at once from two request threads has crashed qiskit's native code (a segfault that takes the web process down).
_lock = threading.RLock()


def _cache_dir() -> Path:
    base = os.environ.get("QH_QUANTUM_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "qubithub"
    )
    return Path(base)


def _cache_file() -> Path:
    import qiskit_ibm_runtime

    return _cache_dir() / f"devices-{qiskit_ibm_runtime.__version__}.json"


def _write_atomically(path: Path, data: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        temporary.write_text(json.dumps(data))
        temporary.replace(path)
    except OSError:
        pass


def _build_devices() -> list[dict[str, Any]]:
    return [devices.device_entry(devices.fake_backend(name)) for name in devices.device_names()]


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
    qiskit-ibm-runtime version), built in this process only when missing."""
    import qiskit_ibm_runtime

    path = _cache_dir() / f"calibration-{qiskit_ibm_runtime.__version__}-{backend_id}.json"
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        pass
    built = device_calibration(backend_id)
    if built is not None:
        _write_atomically(path, built)
    return built


def calibration(backend_id: str) -> dict[str, Any] | None:
    """Per-qubit T1, T2 (µs), frequency (GHz), readout error; per-gate error and duration (ns); timestamp.
    None for backends without calibration (simulators, hardware without credentials, unknown ids).

    Built once per process and device, one at a time: building fake devices from several threads at once has
    crashed qiskit's native code."""
    wanted = resolve_id(backend_id)
    with _lock:
        if wanted not in _calibrations:
            _calibrations[wanted] = _calibration_cached(wanted) if spec(wanted) is not None else None
        return copy.deepcopy(_calibrations[wanted])
