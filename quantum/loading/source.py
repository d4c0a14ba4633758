"""Find the entry file among the job's files and import a Python one as a module."""

from __future__ import annotations

import importlib.util
import os
import sys
import traceback
from types import ModuleType

from quantum.errors import ParseError

QASM_SUFFIXES = (".qasm", ".qasm3", ".qasm2")
DEFAULT_PY = ("circuit.py", "main.py", "create_circuit.py")
DEFAULT_QASM = ("circuit.qasm", "main.qasm")


def choose_entry(names: list[str], framework: str, entry_point: str | None) -> str:
    if entry_point:
        if entry_point not in names:
            raise ParseError(f"the entry point {entry_point!r} is not among the circuit's files")
        return entry_point
    wanted = DEFAULT_QASM if framework.startswith("openqasm") else DEFAULT_PY
    suffixes = QASM_SUFFIXES if framework.startswith("openqasm") else (".py",)
    for name in wanted:
        if name in names:
            return name
    candidates = sorted(name for name in names if name.endswith(suffixes))
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise ParseError(
            f"no {'.qasm' if framework.startswith('openqasm') else '.py'} file found; name one as entry_point"
        )
    raise ParseError(f"several candidate files ({', '.join(candidates[:5])}); set entry_point in qubithub.toml")


def is_qasm(path: str) -> bool:
    return path.endswith(QASM_SUFFIXES)


def import_user_module(path: str, root: str) -> ModuleType:
    """Execute the user's file as a module; its own folder and root are importable from it."""
    for folder in {root, os.path.dirname(path)}:
        if folder not in sys.path:
            sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location("qubithub_user_circuit", path)
    if spec is None or spec.loader is None:
        raise ParseError(f"{os.path.basename(path)} cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    except SyntaxError as error:
        raise ParseError(f"{os.path.basename(path)}, line {error.lineno}: syntax error: {error.msg}") from error
    except ImportError as error:
        raise ParseError(f"{os.path.basename(path)} imports {error.name or error}, which is not available") from error
    except Exception as error:
        raise ParseError(
            f"{os.path.basename(path)} raised {type(error).__name__} when loaded: {error}{_where(error)}"
        ) from error
    return module


def _where(error: BaseException) -> str:
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename.startswith("/job")]
    if not frames:
        return ""
    return f" (at {os.path.basename(frames[-1].filename)}, line {frames[-1].lineno})"
