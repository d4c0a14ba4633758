"""Hardware providers: listed always, usable only with credentials."""

from __future__ import annotations

import os
from typing import Any

IBM_TOKEN_VARIABLES = ("QH_IBM_QUANTUM_TOKEN", "QISKIT_IBM_TOKEN")


def ibm_configured() -> bool:
    return any(os.environ.get(name) for name in IBM_TOKEN_VARIABLES)


def hardware_entries() -> list[dict[str, Any]]:
    return [{
        "id": "ibm_quantum", "name": "IBM Quantum", "type": "hardware", "provider": "ibm", "qubits": None,
        "basis_gates": None, "coupling_map": None,
        "status": "unavailable",
        "description": "Real IBM Quantum devices through qiskit-ibm-runtime. "
                       + ("Credentials are configured, but submission to hardware is not enabled on this server yet."
                          if ibm_configured() else "Unavailable: the server has no IBM Quantum credentials "
                          f"({' or '.join(IBM_TOKEN_VARIABLES)})."),
        "engine": "hardware", "option": "ibm_quantum",
    }]


def unavailable_reason(backend_id: str) -> str:
    if not ibm_configured():
        return (f"{backend_id} needs IBM Quantum credentials, which this server does not have; "
                "choose a simulation or emulation backend")
    return f"{backend_id}: submission to real hardware is not enabled on this server; choose an emulation backend"
