"""Noisy emulators of real devices: one per qiskit-ibm-runtime fake backend (calibration snapshots of IBM devices)."""

from __future__ import annotations

import functools
import warnings
from typing import Any

PREFIX = "fake_"


@functools.lru_cache(maxsize=1)
def _provider() -> Any:
    from qiskit_ibm_runtime.fake_provider import FakeProviderForBackendV2

    return FakeProviderForBackendV2()


def device_names() -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sorted(backend.name for backend in _provider().backends())


@functools.lru_cache(maxsize=8)
def fake_backend(backend_id: str) -> Any | None:
    if not backend_id.startswith(PREFIX):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return _provider().backend(backend_id)
        except Exception:  # noqa: BLE001 - unknown name: the provider raises its own error type
            return None


def device_entry(backend: Any) -> dict[str, Any]:
    device = backend.name.removeprefix(PREFIX)
    coupling = backend.coupling_map
    return {
        "id": backend.name,
        "name": f"{device.capitalize()} emulator",
        "type": "emulation",
        "provider": "ibm",
        "qubits": backend.num_qubits,
        "basis_gates": sorted(name for name in backend.operation_names if name not in _CONTROL_FLOW),
        "coupling_map": [list(edge) for edge in coupling.get_edges()] if coupling is not None else None,
        "status": "available",
        "description": f"Noisy emulation of IBM {device} from its calibration snapshot "
        f"({backend.num_qubits} qubits; noise model and coupling map of the device).",
        "engine": "aer_noisy",
        "option": backend.name,
    }


_CONTROL_FLOW = {"for_loop", "if_else", "switch_case", "while_loop", "box"}
