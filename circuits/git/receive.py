"""`git push`: each new commit on main becomes a version, through the same validation as uploads.

A push is all or nothing: if any commit is refused, no version is created and nothing is stored.
"""

import base64

from django.conf import settings
from django.db import transaction
from dulwich.objects import Commit, Tree
from dulwich.repo import Repo

from circuits.git.repository import BRANCH, FILE_MODE, signature_of
from circuits.manifest import MANIFEST_NAME, METADATA_NAME
from circuits.models import Circuit
from circuits.services import IncomingFile, circuit_version_publish
from circuits.storage import storage_writes
from qubithub.api.exceptions import DomainError

ZERO = b"0" * 40
MAX_COMMITS_PER_PUSH = 100


class PushRejected(Exception):
    """The reason is shown by git as `! [remote rejected] main -> main (<reason>)`."""


def _new_commits(repo: Repo, old: bytes, new: bytes) -> list[Commit]:
    commits: list[Commit] = []
    sha = new
    while sha != old:
        commit = repo[sha]
        if len(commit.parents) > 1:
            raise PushRejected("merge commits are not supported: rebase onto main and push again")
        commits.append(commit)
        if len(commits) > MAX_COMMITS_PER_PUSH:
            raise PushRejected(f"push at most {MAX_COMMITS_PER_PUSH} commits at a time")
        if not commit.parents:
            if old != ZERO:
                raise PushRejected("non-fast-forward: fetch and rebase on the current main first")
            break
        sha = commit.parents[0]
    return list(reversed(commits))


def _tree_files(repo: Repo, tree: Tree, prefix: str = "") -> list[IncomingFile]:
    files: list[IncomingFile] = []
    for entry in tree.items():
        name = prefix + entry.path.decode("utf-8", errors="replace")
        if entry.mode == 0o040000:
            files += _tree_files(repo, repo[entry.sha], name + "/")
        elif entry.mode == FILE_MODE:
            files.append(IncomingFile(name=name, content=repo[entry.sha].data))
        else:
            raise PushRejected(f"{name}: only regular, non-executable files are supported (mode {entry.mode:o})")
    return files


def _commit_files(repo: Repo, commit: Commit) -> list[IncomingFile]:
    files = _tree_files(repo, repo[commit.tree])
    names = {f.name for f in files}
    if METADATA_NAME in names and MANIFEST_NAME in names:
        raise PushRejected("metadata.json is generated from qubithub.toml: git rm --cached metadata.json")
    if not files:
        raise PushRejected(f"commit {commit.id.decode()[:8]} has no files")
    return files


def _publish(circuit: Circuit, user, repo: Repo, commit: Commit) -> None:
    message = commit.message.decode("utf-8", errors="replace")
    _, errors = circuit_version_publish(
        circuit=circuit,
        author=user,
        files=_commit_files(repo, commit),
        commit_message=message.strip(),
        max_bytes=settings.QH_MAX_UPLOAD_BYTES,
        replace=True,
        git_commit={**signature_of(commit), "raw": base64.b64encode(commit.as_raw_string()).decode()},
    )
    if errors:
        detail = "; ".join(f"{e['filename']}: {e['error']}" for e in errors)
        raise PushRejected(f"commit {commit.id.decode()[:8]}: {detail}")


def versions_from_push(*, circuit: Circuit, user, repo: Repo, ref: bytes, old: bytes, new: bytes) -> int:
    """Publish one version per new commit; returns how many. Raises PushRejected with a one-line reason."""
    if ref != BRANCH:
        raise PushRejected("only the main branch is stored: git push origin HEAD:main")
    if new == ZERO:
        raise PushRejected("the main branch cannot be deleted")
    current = repo.refs.as_dict().get(BRANCH, ZERO)
    if old != current:
        raise PushRejected("main has moved on the server: fetch and rebase first")
    commits = _new_commits(repo, old, new)
    try:
        with storage_writes(), transaction.atomic():
            for commit in commits:
                _publish(circuit, user, repo, commit)
    except DomainError as exc:
        raise PushRejected(" ".join(exc.detail.split())) from None
    return len(commits)
