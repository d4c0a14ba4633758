"""Writes on circuits: create, publish versions from files."""

import hashlib
import mimetypes
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from circuits.filenames import FileNameError, check_text_content, clean_relative_path
from circuits.manifest import MANIFEST_NAME, METADATA_NAME, ManifestError, metadata_json, parse_manifest
from circuits.models import Circuit, CircuitFile, CircuitVersion, Tag
from orgs.access import has_role
from orgs.models import Organization, Role
from orgs.services import org_get_by_slug
from qubithub.api.exceptions import Forbidden, InvalidInput, NotFound

DEFAULT_ENTRY_POINTS = {
    "qiskit": "circuit.py",
    "cirq": "circuit.py",
    "pennylane": "circuit.py",
    "openqasm3": "circuit.qasm",
}


@dataclass(frozen=True)
class IncomingFile:
    name: str
    content: bytes


def owner_organization(*, user, organization_name: str | None) -> Organization:
    """The namespace a new resource goes to: the named org (membership required) or the personal one."""
    if not organization_name:
        return user.personal_org
    org = org_get_by_slug(organization_name)
    if org is None:
        raise NotFound(f"Organization '{organization_name}' not found.")
    if not has_role(user, org, Role.MEMBER):
        raise Forbidden(f"You are not a member of the organization '{org.slug}'.")
    return org


def tags_set(circuit: Circuit, names: list[str]) -> None:
    cleaned = sorted({name.strip().lower() for name in names if name and name.strip()})
    existing = {t.name: t for t in Tag.objects.filter(name__in=cleaned)}
    missing = [Tag(name=n) for n in cleaned if n not in existing]
    if missing:
        Tag.objects.bulk_create(missing, ignore_conflicts=True)
    circuit.tags.set(Tag.objects.filter(name__in=cleaned))


@transaction.atomic
def circuit_create(
    *,
    creator,
    name: str,
    title: str,
    framework: str,
    description: str = "",
    tags: list[str] | None = None,
    qubits: int = 0,
    gates: list[str] | None = None,
    depth: int | None = None,
    is_public: bool = True,
    organization_name: str | None = None,
    extra_metadata: dict | None = None,
) -> Circuit:
    organization = owner_organization(user=creator, organization_name=organization_name)
    if Circuit.objects.filter(organization=organization, name=name).exists():
        raise InvalidInput(f"A circuit named '{name}' already exists for '{organization.slug}'.")
    circuit = Circuit(
        organization=organization,
        created_by=creator,
        name=name,
        title=title,
        framework=framework,
        description=description,
        qubits=qubits,
        gates=gates or [],
        depth=depth,
        is_public=is_public,
        extra_metadata=extra_metadata or {},
    )
    circuit.full_clean()
    try:
        with transaction.atomic():
            circuit.save()
    except IntegrityError:
        raise InvalidInput(f"A circuit named '{name}' already exists for '{organization.slug}'.") from None
    tags_set(circuit, tags or [])
    return circuit


def storage_path(circuit: Circuit, version_number: int, name: str) -> str:
    return f"circuits/{circuit.id}/v{version_number}/{name}"


def _validated_files(files: list[IncomingFile], max_bytes: int) -> tuple[dict[str, bytes], list[dict]]:
    accepted: dict[str, bytes] = {}
    errors: list[dict] = []
    for incoming in files:
        try:
            name = clean_relative_path(incoming.name)
            if len(incoming.content) > max_bytes:
                raise FileNameError(f"'{name}' is larger than the {max_bytes // (1024 * 1024)} MiB file limit.")
            check_text_content(name, incoming.content)
            if name == METADATA_NAME:
                raise FileNameError("metadata.json is generated from qubithub.toml; upload qubithub.toml instead.")
            if name == MANIFEST_NAME:
                parse_manifest(incoming.content)
        except (FileNameError, ManifestError) as exc:
            errors.append({"filename": incoming.name, "error": str(exc)})
            continue
        accepted[name] = incoming.content
    return accepted, errors


def _content_hash(snapshot: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for name in sorted(snapshot):
        digest.update(f"{name}\0{snapshot[name]}\n".encode())
    return digest.hexdigest()[:40]


def _previous_files(circuit: Circuit) -> dict[str, CircuitFile]:
    latest = circuit.versions.order_by("-version_number").first()
    return {f.name: f for f in latest.files.all()} if latest else {}


def _entry_point(circuit: Circuit, manifest_data: dict, names: set[str]) -> str:
    entry = manifest_data.get("project", {}).get("entry_point") if manifest_data else None
    if entry:
        return entry
    default = DEFAULT_ENTRY_POINTS[circuit.framework]
    if default in names:
        return default
    suffix = ".qasm" if circuit.framework == "openqasm3" else ".py"
    candidates = sorted(n for n in names if n.endswith(suffix))
    return candidates[0] if candidates else ""


@transaction.atomic
def circuit_version_publish(
    *, circuit: Circuit, author, files: list[IncomingFile], commit_message: str = "", max_bytes: int
) -> tuple[CircuitVersion, list[dict]]:
    """A new version: the previous version's files overlaid with the accepted uploads.

    Returns the version and per-file errors. Raises InvalidInput if no file was accepted.
    """
    accepted, errors = _validated_files(files, max_bytes)
    if not accepted:
        detail = "; ".join(f"{e['filename']}: {e['error']}" for e in errors) or "No file was uploaded."
        raise InvalidInput(detail, fields={"errors": errors})
    circuit = Circuit.objects.select_for_update().get(pk=circuit.pk)
    previous = _previous_files(circuit)
    number = (max((v for v in circuit.versions.values_list("version_number", flat=True)), default=0)) + 1
    manifest_raw = accepted.get(MANIFEST_NAME)
    if manifest_raw is None and MANIFEST_NAME in previous:
        manifest_raw = default_storage.open(previous[MANIFEST_NAME].path).read()
    manifest = parse_manifest(manifest_raw) if manifest_raw else None
    if manifest is not None:
        accepted[METADATA_NAME] = metadata_json(manifest)
    version = CircuitVersion.objects.create(
        circuit=circuit,
        version_number=number,
        commit_hash="",
        commit_message=commit_message[:1000],
        author=author,
        manifest=manifest.data if manifest else {},
    )
    snapshot = _store_files(version, previous, accepted)
    version.commit_hash = _content_hash(snapshot)
    version.entry_point = _entry_point(circuit, version.manifest, set(snapshot))
    version.save(update_fields=["commit_hash", "entry_point"])
    circuit.save(update_fields=["updated_at"])
    return version, errors


def _store_files(version: CircuitVersion, previous: dict[str, CircuitFile], accepted: dict[str, bytes]) -> dict:
    snapshot: dict[str, str] = {}
    rows = []
    for name, old in previous.items():
        if name not in accepted:
            rows.append(
                CircuitFile(
                    version=version,
                    name=name,
                    path=old.path,
                    size=old.size,
                    sha256=old.sha256,
                    content_type=old.content_type,
                )
            )
            snapshot[name] = old.sha256
    for name, content in accepted.items():
        sha = hashlib.sha256(content).hexdigest()
        old = previous.get(name)
        if old is not None and old.sha256 == sha:
            path = old.path
        else:
            path = default_storage.save(
                storage_path(version.circuit, version.version_number, name), ContentFile(content)
            )
        rows.append(
            CircuitFile(
                version=version,
                name=name,
                path=path,
                size=len(content),
                sha256=sha,
                content_type=content_type_for(name),
            )
        )
        snapshot[name] = sha
    CircuitFile.objects.bulk_create(rows)
    return snapshot


def content_type_for(name: str) -> str:
    if name.endswith((".py", ".qasm", ".toml", ".md", ".txt")):
        return "text/plain; charset=utf-8"
    guessed, _ = mimetypes.guess_type(name)
    return guessed or "application/octet-stream"
