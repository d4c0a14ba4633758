"""Build bubblewrap command lines.

Started by root, bwrap runs privileged without a user namespace: only CAP_SETUID/CAP_SETGID survive, and our
first Python statement inside drops to the unprivileged sandbox uid, so no job ever runs as host uid 0.
Started by anyone else, bwrap makes a user namespace and maps the sandbox uid onto the caller.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass

from sandbox import runtime
from sandbox.errors import SandboxUnavailable

SANDBOX_UID = 65534
SANDBOX_GID = 65534
ZYGOTE_TMP_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Identity:
    uid: int
    gid: int
    privileged: bool


def identity_from_env() -> Identity:
    uid = int(os.environ.get("QH_SANDBOX_UID", SANDBOX_UID))
    gid = int(os.environ.get("QH_SANDBOX_GID", SANDBOX_GID))
    if uid == 0 or gid == 0:
        raise SandboxUnavailable("QH_SANDBOX_UID/QH_SANDBOX_GID must not be 0")
    return Identity(uid=uid, gid=gid, privileged=os.geteuid() == 0)


def bwrap_path() -> str:
    path = os.environ.get("QH_BWRAP") or shutil.which("bwrap")
    if not path:
        raise SandboxUnavailable(
            "bubblewrap (bwrap) is not installed: run .ci/sandbox-setup.sh or apt-get install bubblewrap"
        )
    return path


def _namespaces(identity: Identity) -> list[str]:
    args = ["--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"]
    if identity.privileged:
        return [*args, "--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    return [*args, "--unshare-user", "--uid", str(identity.uid), "--gid", str(identity.gid), "--cap-drop", "ALL"]


def _parents(path: str) -> list[str]:
    parts = path.strip("/").split("/")[:-1]
    return ["/" + "/".join(parts[: index + 1]) for index in range(len(parts))]


def _ro_bind(source: str, target: str) -> list[str]:
    args: list[str] = []
    for parent in _parents(target):
        args += ["--perms", "0755", "--dir", parent]
    return [*args, "--ro-bind", source, target]


def _filesystem(layout: runtime.RuntimeLayout) -> list[str]:
    args: list[str] = []
    for directory in runtime.system_dirs():
        args += ["--ro-bind", directory, directory]
    for target, link in runtime.system_links():
        args += ["--symlink", target, link]
    for path in runtime.etc_files():
        args += _ro_bind(path, path)
    if not layout.interpreter_home.startswith("/usr/"):
        args += _ro_bind(layout.interpreter_home, layout.interpreter_home)
    if layout.venv:
        args += _ro_bind(layout.venv, runtime.VENV_INSIDE)
    for source, target in layout.package_binds():
        args += _ro_bind(source, target)
    return args


def bwrap_argv(
    layout: runtime.RuntimeLayout,
    identity: Identity,
    *,
    job_tmpfs_bytes: int | None,
    with_proc: bool,
    command: list[str],
) -> list[str]:
    """job_tmpfs_bytes: a size-limited tmpfs on /job (one-shot jobs); None: an empty /job the zygote mounts over."""
    args = [bwrap_path(), *_namespaces(identity), "--die-with-parent", "--new-session", "--clearenv"]
    args += [
        "--hostname",
        "sandbox",
        "--setenv",
        "PATH",
        "/usr/bin:/bin",
        "--setenv",
        "PYTHONPATH",
        runtime.CODE_ROOT_INSIDE,
    ]
    args += ["--setenv", "PYTHONDONTWRITEBYTECODE", "1", "--setenv", "LANG", "C.UTF-8"]
    args += _filesystem(layout)
    tmp_bytes = job_tmpfs_bytes or ZYGOTE_TMP_BYTES
    args += ["--dev", "/dev", "--size", str(tmp_bytes), "--perms", "01777", "--tmpfs", "/tmp"]
    if with_proc:
        args += ["--proc", "/proc"]
    if job_tmpfs_bytes is None:
        args += ["--perms", "0755", "--dir", "/job"]
    else:
        args += ["--size", str(job_tmpfs_bytes), "--perms", "01777", "--tmpfs", "/job"]
    return [*args, "--chdir", "/", *command]
