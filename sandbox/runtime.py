"""Which host paths a sandbox needs: the interpreter, the virtual environment, our two packages, system libraries.

Nothing else is mounted: in particular not the checkout the venv or the packages live in.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

CODE_ROOT_INSIDE = "/opt/qh"
VENV_INSIDE = "/opt/venv"
PACKAGES = ("sandbox", "quantum")
SYSTEM_DIRS = ("/usr",)
SYSTEM_LINKS = ("/lib", "/lib64", "/lib32", "/libx32", "/bin", "/sbin")
ETC_FILES = ("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/alternatives", "/etc/localtime", "/etc/mime.types")


@dataclass(frozen=True)
class RuntimeLayout:
    interpreter_home: str
    venv: str | None
    code_root: str

    @property
    def python(self) -> str:
        if self.venv:
            return f"{VENV_INSIDE}/bin/python"
        return f"{self.interpreter_home}/bin/python3"

    def package_binds(self) -> list[tuple[str, str]]:
        return [(os.path.join(self.code_root, name), f"{CODE_ROOT_INSIDE}/{name}") for name in PACKAGES]


def current_layout() -> RuntimeLayout:
    """From this interpreter, or QH_SANDBOX_PYTHON_HOME / QH_SANDBOX_VENV when the sandbox should use others."""
    home = os.environ.get("QH_SANDBOX_PYTHON_HOME") or sys.base_prefix
    venv = os.environ.get("QH_SANDBOX_VENV") or (sys.prefix if sys.prefix != sys.base_prefix else None)
    return RuntimeLayout(
        interpreter_home=os.path.realpath(home),
        venv=os.path.realpath(venv) if venv else None,
        code_root=str(Path(__file__).resolve().parent.parent),
    )


def system_links() -> list[tuple[str, str]]:
    """(target, link) for merged-/usr hosts where /lib etc. are symlinks into /usr."""
    return [(os.readlink(path), path) for path in SYSTEM_LINKS if os.path.islink(path)]


def system_dirs() -> list[str]:
    extra = [path for path in SYSTEM_LINKS if os.path.isdir(path) and not os.path.islink(path)]
    return [*SYSTEM_DIRS, *extra]


def etc_files() -> list[str]:
    return [path for path in ETC_FILES if os.path.exists(path)]
