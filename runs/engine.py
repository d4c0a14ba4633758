"""The runs app's only door to the quantum engine (which runs users' code in the sandbox)."""

import threading

from django.core.files.storage import default_storage

from quantum.errors import QuantumError

__all__ = ["QuantumError", "backend_catalogue", "backend_get", "backend_calibration", "execute_version"]


def backend_catalogue() -> list[dict]:
    from quantum import backends as quantum_backends  # imports qiskit: only when first needed

    return quantum_backends.catalogue()


def backend_get(backend_id: str) -> dict | None:
    from quantum import backends as quantum_backends

    return quantum_backends.get(backend_id)


def backend_calibration(backend_id: str) -> dict | None:
    from quantum import backends as quantum_backends

    return quantum_backends.calibration(backend_id)


def version_files(version) -> dict[str, bytes]:
    files = {}
    for record in version.files.all():
        with default_storage.open(record.path, "rb") as handle:
            files[record.name] = handle.read()
    return files


def execute_version(*, run, timeout_s: float, cancel_event: threading.Event) -> dict:
    from quantum import api as quantum_api

    version = run.circuit_version
    manifest = version.manifest or {}
    return quantum_api.execute(
        files=version_files(version),
        framework=run.circuit.framework,
        entry_point=version.entry_point or None,
        entry_function=manifest.get("execution", {}).get("entry_function"),
        backend=run.backend_name,
        shots=run.shots,
        parameters=run.parameters or {},
        want_statevector=run.want_statevector,
        timeout_s=timeout_s,
        cancel_event=cancel_event,
        seed=run.seed,
    )
