"""The job's work directory: write the input files, collect the output files."""

from __future__ import annotations

import base64
import os
import stat

OUTPUT_DIR = "out"


def safe_relative(name: str) -> str:
    parts = [part for part in name.replace("\\", "/").split("/") if part not in ("", ".")]
    if not parts or any(part == ".." for part in parts) or name.startswith("/"):
        raise ValueError(f"invalid file name: {name!r}")
    return "/".join(parts)


def write_files(root: str, files: dict[str, str]) -> None:
    """files maps a relative name to base64 content."""
    for name, encoded in files.items():
        path = os.path.join(root, safe_relative(name))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(base64.b64decode(encoded))


def collect_outputs(root: str, max_total_bytes: int) -> dict[str, str]:
    """Regular files under root/out, base64-encoded, up to max_total_bytes in all; symlinks are skipped."""
    base = os.path.join(root, OUTPUT_DIR)
    collected: dict[str, str] = {}
    budget = max_total_bytes
    for directory, _dirs, names in os.walk(base, followlinks=False):
        for name in sorted(names):
            path = os.path.join(directory, name)
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_size > budget:
                continue
            with open(path, "rb") as handle:
                data = handle.read(budget)
            budget -= len(data)
            collected[os.path.relpath(path, base)] = base64.b64encode(data).decode()
    return collected
