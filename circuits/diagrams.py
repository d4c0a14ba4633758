"""The circuit diagram of a version, drawn by the engine in the sandbox and cached per version."""

from django.core.cache import cache

from circuits.models import CircuitVersion
from circuits.storage import read_bytes
from quantum.errors import QuantumError

CACHE_SECONDS = 7 * 24 * 3600
DRAW_TIMEOUT_S = 20


def version_diagram(*, version: CircuitVersion) -> dict:
    """{"svg": str} or {"error": str}; a version never changes, so its drawing is cached by id."""
    key = f"qh:diagram:{version.pk}"
    drawn = cache.get(key)
    if drawn is None:
        drawn = _draw(version)
        cache.set(key, drawn, CACHE_SECONDS if "svg" in drawn else 15)
    return drawn


def _draw(version: CircuitVersion) -> dict:
    from quantum import api as quantum_api

    files = {record.name: read_bytes(record.path) for record in version.files.all()}
    try:
        svg = quantum_api.draw(
            files=files,
            framework=version.circuit.framework,
            entry_point=version.entry_point or None,
            entry_function=(version.manifest or {}).get("execution", {}).get("entry_function"),
            fmt="svg",
            timeout_s=DRAW_TIMEOUT_S,
        )
    except QuantumError as exc:
        return {"error": exc.message}
    return {"svg": svg}
