"""HDF5: a tree of groups and datasets. Nothing that reads other files on the server is accepted:
no external links, no virtual datasets, no external storage. The tree is walked without following
soft or external links, and the number of objects is capped."""

import os
from collections import deque

import h5py
import numpy as np

from datasets.formats.errors import FormatError
from datasets.formats.npyfile import array_preview, array_stats
from datasets.formats.profile import PREVIEW_CACHE_ROWS, Limits, Preview, Profile, check_expansion

SIGNATURE = b"\x89HDF\r\n\x1a\n"
MAX_STATS_DATASETS = 100


def _has_signature(path: str, size: int) -> bool:
    offset = 0
    with open(path, "rb") as handle:
        while offset + 8 <= size:
            handle.seek(offset)
            if handle.read(8) == SIGNATURE:
                return True
            offset = 512 if offset == 0 else offset * 2
    return False


def open_file(path: str, size: int) -> h5py.File:
    if not _has_signature(path, size):
        raise FormatError("This is not an HDF5 file (no HDF5 signature).")
    try:
        return h5py.File(path, "r", locking=False)
    except (OSError, ValueError) as exc:
        raise FormatError(f"The HDF5 file is truncated or corrupted: {exc}") from None


def _check_dataset(dataset: h5py.Dataset, path: str) -> dict:
    if dataset.is_virtual:
        raise FormatError(f"'{path}' is a virtual dataset: it reads other files, which is not allowed.")
    if dataset.id.get_create_plist().get_external_count() > 0:
        raise FormatError(f"'{path}' keeps its data in external files, which is not allowed.")
    return {"path": path, "type": "dataset", "shape": list(dataset.shape or ()), "dtype": str(dataset.dtype)}


def _node(link, obj, path: str) -> dict:
    if isinstance(link, h5py.ExternalLink):
        raise FormatError(f"'{path}' is an external link to '{link.filename}': external links are not allowed.")
    if isinstance(link, h5py.SoftLink):
        return {"path": path, "type": "soft_link", "target": link.path}
    if isinstance(obj, h5py.Dataset):
        return _check_dataset(obj, path)
    return {"path": path, "type": "group" if isinstance(obj, h5py.Group) else "datatype"}


def walk(handle: h5py.File, limits: Limits) -> list[dict]:
    """Groups and datasets breadth first, each reached through hard links only, each listed once."""
    nodes: list[dict] = []
    seen = {h5py.h5o.get_info(handle.id).addr}
    queue = deque([("", handle)])
    while queue:
        prefix, group = queue.popleft()
        if len(nodes) + len(group) > limits.max_hdf5_objects:  # link count is O(1): refuse floods before walking
            raise FormatError(f"The HDF5 file has more than {limits.max_hdf5_objects:,} objects.")
        for name in group:
            path = f"{prefix}/{name}"
            link = group.get(name, getlink=True)
            obj = group.get(name) if isinstance(link, h5py.HardLink) else None
            if obj is not None:
                address = h5py.h5o.get_info(obj.id).addr
                if address in seen:
                    nodes.append({"path": path, "type": "hard_link"})
                    continue
                seen.add(address)
            nodes.append(_node(link, obj, path))
            if isinstance(obj, h5py.Group):
                queue.append((path, obj))
    return nodes


def _declared_bytes(nodes: list[dict], handle: h5py.File) -> int:
    total = 0
    for node in nodes:
        if node["type"] == "dataset":
            total += int(np.prod(node["shape"], dtype=np.int64)) * handle[node["path"]].dtype.itemsize
    return total


def validate(path: str, *, size: int, limits: Limits) -> dict:
    with open_file(path, size) as handle:
        nodes = walk(handle, limits)
        check_expansion(declared_bytes=_declared_bytes(nodes, handle), file_bytes=size, limits=limits)
        if size <= limits.sync_validate_bytes:
            for node in [n for n in nodes if n["type"] == "dataset"][:MAX_STATS_DATASETS]:
                _read_head(handle[node["path"]], node["path"])
    return {"tree": nodes, "default_path": default_path(nodes)}


def _read_head(dataset: h5py.Dataset, path: str) -> None:
    try:
        dataset[()] if dataset.ndim == 0 else dataset[:PREVIEW_CACHE_ROWS]
    except (OSError, ValueError, TypeError) as exc:
        raise FormatError(f"The data of '{path}' cannot be read: {exc}") from None


def default_path(nodes: list[dict]) -> str | None:
    return next((n["path"] for n in nodes if n["type"] == "dataset"), None)


def dataset_paths(structure: dict) -> set[str]:
    return {n["path"] for n in structure.get("tree", []) if n["type"] == "dataset"}


def process(path: str, *, structure: dict, derived_path: str | None = None) -> Profile:
    with open_file(path, os.path.getsize(path)) as handle:
        nodes = structure.get("tree") or walk(handle, Limits())  # the tree checked at upload
        default = default_path(nodes)
        stats = {
            n["path"]: array_stats(handle[n["path"]])
            for n in [n for n in nodes if n["type"] == "dataset"][:MAX_STATS_DATASETS]
        }
        head = array_preview(handle[default], offset=0, rows=PREVIEW_CACHE_ROWS) if default else None
    return Profile(
        dataset_schema=head.dataset_schema if head else {},
        total_rows=head.total_rows if head else 0,
        column_stats=stats,
        structure={"tree": nodes, "default_path": default},
        columns=head.columns if head else [],
        rows=head.rows if head else [],
    )


def preview(path: str, *, offset: int, rows: int, inner_path: str | None = None) -> Preview:
    with open_file(path, os.path.getsize(path)) as handle:
        return array_preview(handle[inner_path], offset=offset, rows=rows)
