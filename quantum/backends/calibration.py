"""Latest calibration of an emulated device, read from its qiskit-ibm-runtime snapshot."""

from __future__ import annotations

from typing import Any

from quantum.backends.devices import fake_backend


def _qubit(target: Any, index: int) -> dict[str, Any]:
    props = target.qubit_properties[index] if target.qubit_properties else None
    measure = target["measure"].get((index,)) if "measure" in target.operation_names else None
    return {
        "qubit": index,
        "t1_us": _scaled(getattr(props, "t1", None), 1e6),
        "t2_us": _scaled(getattr(props, "t2", None), 1e6),
        "frequency_ghz": _scaled(getattr(props, "frequency", None), 1e-9),
        "readout_error": getattr(measure, "error", None),
    }


def _scaled(value: float | None, factor: float) -> float | None:
    return None if value is None else float(value) * factor


def _gates(target: Any) -> list[dict[str, Any]]:
    gates = []
    for name in sorted(target.operation_names):
        if name == "measure":
            continue
        for qargs, props in target[name].items():
            if qargs is None or props is None:
                continue
            duration = getattr(props, "duration", None)
            gates.append(
                {
                    "gate": name,
                    "qubits": list(qargs),
                    "error": getattr(props, "error", None),
                    "duration_ns": None if duration is None else duration * 1e9,
                }
            )
    return gates


def _timestamp(backend: Any) -> str | None:
    try:
        updated = backend.properties().last_update_date
    except Exception:  # noqa: BLE001 - snapshots without properties have no date
        return None
    return updated.isoformat() if updated else None


def snapshot_id(backend: Any) -> str:
    """Names the calibration an emulated device runs with: its name and the snapshot's date."""
    return f"{backend.name}@{_timestamp(backend) or 'undated'}"


def device_calibration(backend_id: str) -> dict[str, Any] | None:
    backend = fake_backend(backend_id)
    if backend is None:
        return None
    target = backend.target
    return {
        "backend_id": backend_id,
        "timestamp": _timestamp(backend),
        "source": "qiskit-ibm-runtime calibration snapshot",
        "snapshot_id": snapshot_id(backend),
        "qubits": [_qubit(target, index) for index in range(backend.num_qubits)],
        "gates": _gates(target),
    }
