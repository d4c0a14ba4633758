"""Background analysis of a version by the quantum engine (which runs users' code in the sandbox).

The web process never imports users' code: it hands the files to `quantum.api.analyse`.
"""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from circuits.models import Circuit, CircuitVersion
from circuits.storage import read_bytes

logger = logging.getLogger(__name__)
GATE_ALIASES = {"cnot": "cx", "toffoli": "ccx", "cphase": "cp", "i": "id"}
NOT_GATES = {"barrier", "measure"}


class EngineUnavailable(RuntimeError):
    pass


def engine():
    """The quantum engine's public API (`quantum.api`)."""
    try:
        from quantum import api
    except ImportError as exc:
        raise EngineUnavailable(f"The quantum engine is not installed: {exc}.") from exc
    return api


def version_files(version: CircuitVersion) -> dict[str, bytes]:
    return {record.name: read_bytes(record.path) for record in version.files.all()}


def engine_analyse(version: CircuitVersion, files: dict[str, bytes]) -> dict:
    entry_function = (version.manifest or {}).get("execution", {}).get("entry_function")
    return dict(
        engine().analyse(
            files=files,
            framework=version.circuit.framework,
            entry_point=version.entry_point,
            entry_function=entry_function,
        )
    )


def _analysis_of(version: CircuitVersion) -> dict:
    try:
        return {"status": "ok", **engine_analyse(version, version_files(version))}
    except EngineUnavailable as exc:
        return {"status": "unavailable", "error": str(exc)}
    except Exception as exc:  # users' code fails in many ways; the engine types the ones it knows
        error_class = getattr(exc, "error_class", None)
        if error_class is None:
            logger.exception("Analysis of version %s failed", version.pk)
        return {"status": "error", "error": str(exc), "error_class": error_class or "internal_error"}


def normalised_gates(names) -> list[str]:
    cleaned = {str(n).strip().lower() for n in names or [] if str(n).strip()}
    return sorted({GATE_ALIASES.get(n, n) for n in cleaned} - NOT_GATES)


def reconcile(circuit: Circuit, result: dict) -> tuple[dict, dict]:
    """Fields to fill (the owner left them empty) and mismatches (the owner's values disagree)."""
    detected = {
        "qubits": result.get("qubits"),
        "depth": result.get("depth"),
        "gates": normalised_gates(result.get("gates") or list(result.get("gate_counts") or {})),
    }
    declared = {"qubits": circuit.qubits or None, "depth": circuit.depth, "gates": normalised_gates(circuit.gates)}
    fill, mismatch = {}, {}
    for field, value in detected.items():
        if value in (None, []):
            continue
        if declared[field] in (None, []):
            fill[field] = [g.upper() for g in value] if field == "gates" else value
        elif declared[field] != value:
            mismatch[field] = {"declared": declared[field], "detected": value}
    return fill, mismatch


def circuit_version_analyse(*, version_id) -> dict:
    """Analyse a version, store the result on it, and fill or flag the circuit's declared shape."""
    version = CircuitVersion.objects.select_related("circuit").filter(pk=version_id).first()
    if version is None:
        return {}
    analysis = _analysis_of(version)
    if analysis.get("error_class") == "internal_error":
        analysis["attempts"] = (version.analysis or {}).get("attempts", 0) + 1
    with transaction.atomic():
        circuit = Circuit.objects.select_for_update().get(pk=version.circuit_id)
        if analysis["status"] == "ok":
            fill, mismatch = reconcile(circuit, analysis)
            analysis.update(mismatch=mismatch, filled=sorted(fill))
            is_latest = not circuit.versions.filter(version_number__gt=version.version_number).exists()
            if fill and is_latest:
                Circuit.objects.filter(pk=circuit.pk).update(**fill)
        CircuitVersion.objects.filter(pk=version.pk).update(analysis=analysis)
    return analysis


ANALYSIS_ATTEMPTS = 3


def _needs_another_try(analysis: dict, *, now, grace) -> bool:
    attempts = analysis.get("attempts", 0)
    if not analysis:
        return True  # never ran: the process that sent it stopped first
    if analysis.get("status") == "pending":  # sent again by a recovery that was itself lost
        return now - datetime.fromisoformat(analysis["queued_at"]) > grace and attempts < ANALYSIS_ATTEMPTS
    return analysis.get("error_class") == "internal_error" and attempts < ANALYSIS_ATTEMPTS


def analyses_recover(*, grace_s: int = 120, limit: int = 50) -> int:
    """Send again the analyses that never arrived or failed on the platform's side (not the user's code),
    each at most ANALYSIS_ATTEMPTS times. Runs periodically (Celery beat; the embedded server's own timer)."""
    from circuits.tasks import analyse_version
    from qubithub.dispatch import dispatch

    now, grace = timezone.now(), timedelta(seconds=grace_s)
    candidates = CircuitVersion.objects.filter(created_at__lt=now - grace).filter(
        Q(analysis={}) | Q(analysis__status="pending") | Q(analysis__error_class="internal_error")
    )
    sent = 0
    for version in candidates.only("id", "analysis")[:limit]:
        analysis = version.analysis or {}
        if not _needs_another_try(analysis, now=now, grace=grace):
            continue
        pending = {"status": "pending", "attempts": analysis.get("attempts", 0), "queued_at": now.isoformat()}
        if CircuitVersion.objects.filter(pk=version.pk, analysis=analysis).update(analysis=pending):
            dispatch(analyse_version, str(version.pk), queue="processing")
            sent += 1
    return sent
