"""Hardware providers: always listed, usable only with credentials a user or an organization has set.

The catalogue is the same for everybody: hardware entries say "unavailable" here, and the platform makes them
available to a caller who has credentials for the provider. The engine never runs them: the circuit is exported
from the sandbox (quantum.api.export_circuit) and submitted by the worker through the provider's SDK.
`option` is the provider's own device name (IBM backend name, Amazon Braket device ARN; "" for IBM's least busy).
"""

from __future__ import annotations

from typing import Any

PROVIDER_NAMES = {"ibm": "IBM Quantum", "braket": "Amazon Braket"}
IBM_DEVICES = (
    ("ibm_brisbane", 127),
    ("ibm_sherbrooke", 127),
    ("ibm_torino", 133),
    ("ibm_fez", 156),
    ("ibm_marrakesh", 156),
    ("ibm_kingston", 156),
)
BRAKET_DEVICES = (
    ("braket_sv1", "Amazon Braket SV1 (managed simulator)", 34, "arn:aws:braket:::device/quantum-simulator/amazon/sv1"),
    ("braket_ionq_forte1", "IonQ Forte-1 on Amazon Braket", 36, "arn:aws:braket:us-east-1::device/qpu/ionq/Forte-1"),
    ("braket_iqm_garnet", "IQM Garnet on Amazon Braket", 20, "arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet"),
    (
        "braket_rigetti_ankaa3",
        "Rigetti Ankaa-3 on Amazon Braket",
        84,
        "arn:aws:braket:us-west-1::device/qpu/rigetti/Ankaa-3",
    ),
)


def _entry(backend_id: str, name: str, provider: str, qubits: int | None, option: str, what: str) -> dict[str, Any]:
    return {
        "id": backend_id,
        "name": name,
        "type": "hardware",
        "provider": provider,
        "qubits": qubits,
        "basis_gates": None,
        "coupling_map": None,
        "status": "unavailable",
        "description": f"{what} Needs {PROVIDER_NAMES[provider]} credentials set for you or your organization "
        f"(Settings › Hardware providers, or PUT /api/providers/{provider}/credentials).",
        "engine": "hardware",
        "option": option,
    }


def hardware_entries() -> list[dict[str, Any]]:
    entries = [
        _entry(
            "ibm_quantum",
            "IBM Quantum (least busy device)",
            "ibm",
            None,
            "",
            "The least busy IBM Quantum device your account can use, through qiskit-ibm-runtime.",
        )
    ]
    entries += [
        _entry(
            device,
            f"IBM Quantum {device}",
            "ibm",
            qubits,
            device,
            f"The IBM Quantum device {device}, through qiskit-ibm-runtime (Sampler).",
        )
        for device, qubits in IBM_DEVICES
    ]
    entries += [
        _entry(backend_id, name, "braket", qubits, arn, f"{name}, through the Amazon Braket SDK.")
        for backend_id, name, qubits, arn in BRAKET_DEVICES
    ]
    return entries


def unavailable_reason(backend_id: str) -> str:
    return (
        f"{backend_id} is real hardware: it runs through its provider with the credentials set for you or your "
        "organization, not in the engine; choose a simulation or emulation backend here"
    )
