"""Publishing versions: each version is the previous version's files overlaid with accepted uploads."""

import hashlib
import json
import mimetypes
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from accounts.usage import usage_check
from circuits.filenames import FileNameError, check_text_content, clean_relative_path
from circuits.manifest import MANIFEST_NAME, METADATA_NAME, ManifestError, metadata_json, parse_manifest
from circuits.models import Circuit, CircuitFile, CircuitVersion
from circuits.storage import StoredFiles, read_bytes, storage_path, storage_writes
from qubithub.api.exceptions import InvalidInput, NotFound

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
    error: str | None = None  # set when the upload was refused before its content was read


def _check_one(incoming: IncomingFile, max_bytes: int) -> str:
    name = clean_relative_path(incoming.name)
    if incoming.error:
        raise FileNameError(incoming.error)
    if len(incoming.content) > max_bytes:
        raise FileNameError(f"'{name}' is larger than the {max_bytes // (1024 * 1024)} MiB file limit.")
    check_text_content(name, incoming.content)
    return name


def _validated_files(files: list[IncomingFile], max_bytes: int) -> tuple[dict[str, bytes], list[dict]]:
    """Accepted files by clean name, and per-file errors. A bad qubithub.toml rejects the whole upload."""
    accepted: dict[str, bytes] = {}
    errors: list[dict] = []
    for incoming in files:
        try:
            name = _check_one(incoming, max_bytes)
        except FileNameError as exc:
            errors.append({"filename": incoming.name, "error": str(exc)})
            continue
        if name == MANIFEST_NAME:
            try:
                parse_manifest(incoming.content)
            except ManifestError as exc:
                raise InvalidInput(str(exc), fields={"errors": [{"filename": name, "error": str(exc)}]}) from None
        accepted[name] = incoming.content
    return accepted, errors


def _legacy_metadata_error(content: bytes) -> str | None:
    try:
        document = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return "metadata.json is not valid JSON."
    return None if isinstance(document, dict) else "metadata.json must be a JSON object."


def content_hash(snapshot: dict[str, str]) -> str:
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


def _with_metadata(accepted: dict[str, bytes], previous: dict[str, CircuitFile], errors: list[dict]):
    """metadata.json is generated from qubithub.toml; a legacy metadata.json is kept only without a manifest."""
    manifest_raw = accepted.get(MANIFEST_NAME)
    if manifest_raw is None and MANIFEST_NAME in previous:
        manifest_raw = read_bytes(previous[MANIFEST_NAME].path)
    if manifest_raw is not None:
        manifest = parse_manifest(manifest_raw)
        accepted[METADATA_NAME] = metadata_json(manifest)
        return manifest
    if METADATA_NAME in accepted:
        problem = _legacy_metadata_error(accepted[METADATA_NAME])
        if problem:
            accepted.pop(METADATA_NAME)
            errors.append({"filename": METADATA_NAME, "error": problem})
    return None


def circuit_version_publish(
    *,
    circuit: Circuit,
    author,
    files: list[IncomingFile],
    commit_message: str = "",
    max_bytes: int,
    replace: bool = False,
    git_commit: dict | None = None,
) -> tuple[CircuitVersion, list[dict]]:
    """A new version: the previous files overlaid with the accepted uploads (or exactly them, with `replace`).

    Returns the version and per-file errors. Raises InvalidInput (and stores nothing) if no file was
    accepted or the manifest is invalid. Analysis of the new version is dispatched after commit.
    """
    with storage_writes() as stored, transaction.atomic():
        version, errors = _publish(circuit, author, files, commit_message, max_bytes, replace, git_commit, stored)
    _dispatch_analysis_on_commit(version)
    return version, errors


def _publish(circuit, author, files, commit_message, max_bytes, replace, git_commit, stored):
    accepted, errors = _validated_files(files, max_bytes)
    if not accepted:
        detail = "; ".join(f"{e['filename']}: {e['error']}" for e in errors) or "No file was uploaded."
        raise InvalidInput(detail, fields={"errors": errors})
    usage_check(user=author, kind="storage", amount=sum(len(content) for content in accepted.values()))
    circuit = Circuit.objects.select_for_update().get(pk=circuit.pk)
    previous = _previous_files(circuit)
    manifest = _with_metadata(accepted, {} if replace else previous, errors)
    number = circuit.versions.aggregate(highest=Max("version_number"))["highest"] or 0
    version = CircuitVersion.objects.create(
        circuit=circuit,
        version_number=number + 1,
        commit_hash="",
        commit_message=commit_message[:1000],
        author=author,
        manifest=manifest.data if manifest else {},
        git_commit=git_commit or {},
    )
    kept = {} if replace else previous
    snapshot = _store_files(version, kept, previous, accepted, stored)
    version.commit_hash = content_hash(snapshot)
    version.entry_point = _entry_point(circuit, version.manifest, set(snapshot))
    version.save(update_fields=["commit_hash", "entry_point"])
    circuit.save(update_fields=["updated_at"])
    return version, errors


def _store_files(version, kept: dict, previous: dict, accepted: dict[str, bytes], stored: StoredFiles) -> dict:
    snapshot: dict[str, str] = {}
    rows = []
    for name, old in kept.items():
        if name not in accepted:
            rows.append(_copy_row(version, old))
            snapshot[name] = old.sha256
    for name, content in accepted.items():
        sha = hashlib.sha256(content).hexdigest()
        old = previous.get(name)
        if old is not None and old.sha256 == sha:
            path = old.path
        else:
            path = stored.save(storage_path(version.circuit_id, version.version_number, name), content)
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


def _copy_row(version: CircuitVersion, old: CircuitFile) -> CircuitFile:
    return CircuitFile(
        version=version, name=old.name, path=old.path, size=old.size, sha256=old.sha256, content_type=old.content_type
    )


def _dispatch_analysis_on_commit(version: CircuitVersion) -> None:
    from circuits.tasks import analyse_version
    from qubithub.dispatch import dispatch

    version_id = str(version.id)
    transaction.on_commit(lambda: dispatch(analyse_version, version_id, queue="processing"))


def content_type_for(name: str) -> str:
    if name.endswith((".py", ".qasm", ".toml", ".md", ".txt")):
        return "text/plain; charset=utf-8"
    guessed, _ = mimetypes.guess_type(name)
    return guessed or "application/octet-stream"


def circuit_file_delete(*, circuit: Circuit, author, name: str, commit_message: str = "", max_bytes: int):
    """A new version: the latest version's files without `name`, published as a git push of that tree is.

    The other files are republished unchanged through `circuit_version_publish(replace=True)` (same checks,
    same storage paths, no copies). Deleting qubithub.toml deletes the metadata.json generated from it.
    Refused for the only file, and for a generated metadata.json (it would come back).
    """
    with storage_writes(), transaction.atomic():
        circuit = Circuit.objects.select_for_update().get(pk=circuit.pk)
        files = _previous_files(circuit)
        _check_deletable(name, files)
        dropped = deleted_with(name, files)
        kept = [IncomingFile(name=n, content=read_bytes(f.path)) for n, f in files.items() if n not in dropped]
        message = commit_message.strip() or f"Delete {name}"
        version, errors = circuit_version_publish(
            circuit=circuit, author=author, files=kept, commit_message=message, max_bytes=max_bytes, replace=True
        )
        if errors:  # a kept file today's checks refuse: deleting `name` must not drop it silently
            detail = "; ".join(f"{e['filename']}: {e['error']}" for e in errors)
            raise InvalidInput(f"Other files would be dropped too: {detail}", fields={"errors": errors})
    return version


def _check_deletable(name: str, files: dict[str, CircuitFile]) -> None:
    if name not in files:
        raise NotFound(f"The latest version has no file named '{name}'.")
    refusal = file_delete_refusal(name, set(files))
    if refusal:
        raise InvalidInput(refusal)


def file_delete_refusal(name: str, names: set[str]) -> str | None:
    """Why the file `name` cannot be deleted from a version holding `names`, or None if it can."""
    if name == METADATA_NAME and MANIFEST_NAME in names:
        return f"{METADATA_NAME} is generated from {MANIFEST_NAME}: change {MANIFEST_NAME} instead."
    if not names - deleted_with(name, names):
        return f"'{name}' is the only file: a version needs at least one. Delete the circuit instead."
    return None


def deleted_with(name: str, names) -> set[str]:
    """The files deleting `name` removes: itself, and the metadata.json generated from a qubithub.toml."""
    return {name, METADATA_NAME} if name == MANIFEST_NAME and METADATA_NAME in names else {name}
