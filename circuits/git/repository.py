"""The bare repository of a circuit: derived data, rebuilt from the stored versions whenever stale.

One commit per version, on `refs/heads/main`. Everything in a commit comes from the version rows (files,
author, date, message), so a rebuild from scratch gives the very same hashes. A version that came from
`git push` keeps the pushed commit (its raw object is stored on the version) when the tree and parent
still match, so the pusher's history and the server's stay identical.
"""

import base64
import fcntl
import json
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from dulwich.objects import Blob, Commit, Tree
from dulwich.repo import Repo

from circuits.manifest import MANIFEST_NAME, METADATA_NAME
from circuits.models import Circuit, CircuitVersion
from circuits.storage import read_bytes

BRANCH = b"refs/heads/main"
FILE_MODE = 0o100644
DIR_MODE = 0o040000
STATE_FILE = "qubithub-versions.json"
NOREPLY = "users.noreply.qubithub"


def repository_path(circuit_id) -> Path:
    return Path(settings.QH_GIT_ROOT) / f"{circuit_id}.git"


@contextmanager
def repository_lock(circuit_id):
    path = repository_path(circuit_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(f"{path}.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def repository_remove(*, circuit_id) -> None:
    path = repository_path(circuit_id)
    shutil.rmtree(path, ignore_errors=True)
    Path(f"{path}.lock").unlink(missing_ok=True)


def git_files(version: CircuitVersion) -> list:
    """The files a version's commit holds: all but metadata.json when it is generated from qubithub.toml."""
    files = list(version.files.all())
    generated = any(f.name == MANIFEST_NAME for f in files)
    return [f for f in files if not (generated and f.name == METADATA_NAME)]


def _ident(text: str) -> str:
    return re.sub(r"[<>\n\r]", "", text).strip() or "QubitHub"


def default_signature(version: CircuitVersion) -> dict:
    author = version.author
    who = f"{_ident(author.display_name)} <{author.username}@{NOREPLY}>" if author else f"QubitHub <noreply@{NOREPLY}>"
    when = int(version.created_at.timestamp())
    message = (version.commit_message or f"Version {version.version_number}").rstrip("\n") + "\n"
    return {"author": who, "committer": who, "author_time": when, "commit_time": when, "tz": 0, "message": message}


def _commit_from_signature(sig: dict, tree: bytes, parents: list[bytes]) -> Commit:
    commit = Commit()
    commit.tree = tree
    commit.parents = parents
    commit.author, commit.committer = sig["author"].encode(), sig["committer"].encode()
    commit.author_time, commit.commit_time = sig["author_time"], sig["commit_time"]
    commit.author_timezone = sig.get("author_tz", sig.get("tz", 0))
    commit.commit_timezone = sig.get("commit_tz", sig.get("tz", 0))
    commit.message = sig["message"].encode()
    return commit


def pushed_commit(version: CircuitVersion) -> Commit | None:
    raw = (version.git_commit or {}).get("raw")
    return Commit.from_string(base64.b64decode(raw)) if raw else None


def version_commit(version: CircuitVersion, tree: bytes, parents: list[bytes]) -> Commit:
    pushed = pushed_commit(version)
    if pushed is not None and pushed.tree == tree and list(pushed.parents) == parents:
        return pushed
    signature = signature_of(pushed) if pushed is not None else default_signature(version)
    return _commit_from_signature(signature, tree, parents)


def signature_of(commit: Commit) -> dict:
    return {
        "author": commit.author.decode(),
        "committer": commit.committer.decode(),
        "author_time": commit.author_time,
        "commit_time": commit.commit_time,
        "author_tz": commit.author_timezone,
        "commit_tz": commit.commit_timezone,
        "message": commit.message.decode(),
    }


class TreeBuilder:
    """Writes blobs and nested trees into an object store, reading each stored file at most once."""

    def __init__(self, repo: Repo):
        self.store = repo.object_store
        self.blobs: dict[str, bytes] = {}

    def blob(self, record) -> bytes:
        if record.path not in self.blobs:
            blob = Blob.from_string(read_bytes(record.path))
            self.store.add_object(blob)
            self.blobs[record.path] = blob.id
        return self.blobs[record.path]

    def tree(self, records) -> bytes:
        root: dict = {}
        for record in records:
            *folders, leaf = record.name.split("/")
            node = root
            for folder in folders:
                node = node.setdefault(folder, {})
            node[leaf] = self.blob(record)
        return self._write(root)

    def _write(self, node: dict) -> bytes:
        tree = Tree()
        for name, value in node.items():
            if isinstance(value, dict):
                tree.add(name.encode(), DIR_MODE, self._write(value))
            else:
                tree.add(name.encode(), FILE_MODE, value)
        self.store.add_object(tree)
        return tree.id


def _open(path: Path) -> Repo:
    if (path / "HEAD").exists():
        return Repo(str(path))
    repo = Repo.init_bare(str(path), mkdir=True)
    repo.refs.set_symbolic_ref(b"HEAD", BRANCH)
    return repo


def _read_state(path: Path) -> list[list[str]]:
    try:
        return json.loads((path / STATE_FILE).read_text())
    except (OSError, ValueError):
        return []


def _versions(circuit_id) -> list[CircuitVersion]:
    return list(
        CircuitVersion.objects.filter(circuit_id=circuit_id)
        .select_related("author")
        .prefetch_related("files")
        .order_by("version_number")
    )


def _reusable(repo: Repo, cached: str | None, parents: list[bytes]) -> bytes | None:
    if not cached or cached.encode() not in repo.object_store:
        return None
    commit = repo[cached.encode()]
    return commit.id if list(commit.parents) == parents else None


def _build(repo: Repo, path: Path, versions: list[CircuitVersion]) -> None:
    state, known = [], {v: c for v, c in _read_state(path)}
    builder, parent = TreeBuilder(repo), None
    for version in versions:
        parents = [parent] if parent else []
        commit_id = _reusable(repo, known.get(str(version.id)), parents)
        if commit_id is None:
            commit = version_commit(version, builder.tree(git_files(version)), parents)
            repo.object_store.add_object(commit)
            commit_id = commit.id
        state.append([str(version.id), commit_id.decode()])
        parent = commit_id
    if parent is None:
        repo.refs.remove_if_equals(BRANCH, None)
    else:
        repo.refs[BRANCH] = parent
    (path / STATE_FILE).write_text(json.dumps(state))


def repository_sync(circuit: Circuit) -> Repo:
    """The circuit's repository, rebuilt (incrementally) if it does not match the stored versions.

    Call it while holding `repository_lock(circuit.id)`.
    """
    path = repository_path(circuit.id)
    repo = _open(path)
    versions = _versions(circuit.id)
    state = _read_state(path)
    current = repo.refs.as_dict().get(BRANCH)
    fresh = state and versions and [s[0] for s in state] == [str(v.id) for v in versions]
    if fresh and current == state[-1][1].encode():
        return repo
    if not versions and current is None:
        return repo
    _build(repo, path, versions)
    return repo
