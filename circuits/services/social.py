"""Stars, forks and views: counters that stay exact under concurrency."""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F

from circuits.manifest import MANIFEST_NAME, METADATA_NAME
from circuits.models import Circuit, CircuitVersion, Star
from circuits.services.circuits import circuit_save_new
from circuits.services.versions import IncomingFile, circuit_version_publish
from circuits.storage import read_bytes, storage_writes
from qubithub.api.exceptions import Conflict
from qubithub.social import counter_bump, star_toggle

VIEW_WINDOW_SECONDS = 3600


def circuit_view_record(*, circuit: Circuit, viewer_key: str) -> bool:
    """Count a view once per viewer per hour. Returns whether this view was counted."""
    if not cache.add(f"qh:circuit-view:{circuit.pk}:{viewer_key}", 1, VIEW_WINDOW_SECONDS):
        return False
    Circuit.objects.filter(pk=circuit.pk).update(views_count=F("views_count") + 1)
    circuit.views_count += 1
    return True


def circuit_star_toggle(*, circuit: Circuit, user) -> tuple[bool, int]:
    """Star or unstar. The count moves only with a star row actually created or deleted."""
    return star_toggle(star_model=Star, target_field="circuit", target=circuit, user=user)


def _latest_files(source: Circuit) -> tuple[CircuitVersion | None, list[IncomingFile]]:
    latest = source.versions.order_by("-version_number").first()
    if latest is None:
        return None, []
    records = list(latest.files.all())
    names = {record.name for record in records}
    skip = METADATA_NAME if MANIFEST_NAME in names else None  # regenerated from the manifest
    return latest, [IncomingFile(name=r.name, content=read_bytes(r.path)) for r in records if r.name != skip]


def circuit_fork(*, source: Circuit, user, name: str | None = None) -> Circuit:
    """Copy metadata and the latest version's files (into the fork's own storage paths) to the caller's namespace."""
    name = name or source.name
    organization = user.personal_org
    latest, files = _latest_files(source)
    fork = Circuit(
        organization=organization,
        created_by=user,
        name=name,
        title=source.title,
        description=source.description,
        framework=source.framework,
        qubits=source.qubits,
        gates=list(source.gates or []),
        depth=source.depth,
        is_public=source.is_public,
        extra_metadata=dict(source.extra_metadata or {}),
        forked_from=source,
    )
    taken = Conflict(f"You already have a circuit named '{name}'. Pick another name for the fork.")
    with storage_writes(), transaction.atomic():
        circuit_save_new(fork, tags=[t.name for t in source.tags.all()], taken_error=taken)
        if files:
            circuit_version_publish(
                circuit=fork,
                author=user,
                files=files,
                commit_message=f"Fork of {source.repo_name} at version {latest.version_number}",
                max_bytes=max([settings.QH_MAX_UPLOAD_BYTES] + [len(f.content) for f in files]),
            )
        counter_bump(source, "forks_count")
    return fork
