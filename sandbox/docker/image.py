"""Build the runner image from a local root filesystem: the shared libraries the interpreter and the virtual
environment's extension modules link against (their ldd closure), a shell, and a few /etc files; then docker import.

The interpreter, the virtual environment and our two packages are bind-mounted read-only at run time, at the same
paths as in the bubblewrap sandbox, so the image stays small (tens of MB) and builds in seconds.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable
from pathlib import Path

from sandbox import runtime

IMAGE = "qubithub-runner:latest"
BASE_FILES = ("/bin/sh", "/usr/bin/sh", "/usr/bin/dash", "/usr/bin/env", "/usr/bin/sleep", "/usr/bin/true")
LDD_PATH = re.compile(r"(/\S+)")
SYSTEM_LIBRARY_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")


def _shared_objects(roots: Iterable[str]) -> list[str]:
    found = []
    for root in roots:
        for directory, _dirs, names in os.walk(root):
            found += [os.path.join(directory, n) for n in names if ".so" in n or n.startswith("python")]
    return found


def _library_closure(binaries: list[str]) -> set[str]:
    libraries: set[str] = set()
    for chunk in range(0, len(binaries), 200):
        result = subprocess.run(["ldd", *binaries[chunk : chunk + 200]], capture_output=True, text=True, check=False)
        for line in result.stdout.splitlines():
            match = LDD_PATH.search(line.split("=>")[-1])
            if match and match.group(1).startswith(SYSTEM_LIBRARY_DIRS) and os.path.isfile(match.group(1)):
                libraries.add(match.group(1))
    return libraries


def _members(layout: runtime.RuntimeLayout) -> set[str]:
    roots = [layout.interpreter_home] + ([layout.venv] if layout.venv else [])
    binaries = [path for path in _shared_objects(roots) + list(BASE_FILES) if os.path.isfile(path)]
    paths = _library_closure(binaries) | {p for p in BASE_FILES if os.path.exists(p)}
    paths |= {p for p in runtime.etc_files() if os.path.isfile(p)}
    return paths


def _mount_parents(layout: runtime.RuntimeLayout) -> list[str]:
    """Directories above the bind-mounted interpreter, world-traversable (Docker would make /root 0700)."""
    parts = layout.interpreter_home.strip("/").split("/")[:-1]
    return ["/".join(parts[: index + 1]) for index in range(len(parts))]


def _write_rootfs(paths: set[str], target: str, mount_parents: list[str]) -> None:
    with tarfile.open(target, "w") as archive:
        for link in ("bin", "lib", "lib64", "sbin"):
            if os.path.islink(f"/{link}"):
                info = tarfile.TarInfo(link)
                info.type, info.linkname = tarfile.SYMTYPE, os.readlink(f"/{link}")
                archive.addfile(info)
        for directory in ("job", "tmp", "opt", "etc", "proc", "dev", "sys", *mount_parents):
            info = tarfile.TarInfo(directory)
            info.type, info.mode = tarfile.DIRTYPE, 0o1777 if directory in ("job", "tmp") else 0o755
            archive.addfile(info)
        added = {"/job", "/tmp", "/opt", "/etc", "/proc", "/dev", "/sys", "/bin", "/lib", "/lib64", "/sbin"}
        added |= {f"/{parent}" for parent in mount_parents}
        for path in sorted(paths):
            for entry in {_canonical(path), os.path.realpath(path)}:
                _add(archive, entry, added)
        passwd = b"root:x:0:0::/:/bin/sh\nnobody:x:65534:65534::/job:/bin/sh\n"
        info = tarfile.TarInfo("etc/passwd")
        info.size = len(passwd)
        archive.addfile(info, fileobj=io.BytesIO(passwd))


def _canonical(path: str) -> str:
    """The path with its directories' symlinks resolved but not the file itself."""
    return os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))


def _add(archive: tarfile.TarFile, path: str, added: set[str]) -> None:
    parent = os.path.dirname(path)
    if parent != "/" and parent not in added:
        _add(archive, parent, added)
    if path not in added:
        archive.add(path, arcname=path.lstrip("/"), recursive=False)
        added.add(path)


def build_image(client, layout: runtime.RuntimeLayout | None = None, tag: str = IMAGE) -> str:  # type: ignore[no-untyped-def]
    """Build (or rebuild) the runner image; returns its tag."""
    layout = layout or runtime.current_layout()
    with tempfile.TemporaryDirectory() as scratch:
        target = str(Path(scratch) / "rootfs.tar")
        _write_rootfs(_members(layout), target, [p for p in _mount_parents(layout) if not p.startswith("usr")])
        repository, _, version = tag.partition(":")
        client.api.import_image(src=target, repository=repository, tag=version or "latest")
    return tag
