"""quantum/ and sandbox/ stay plain Python."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IMPORT = re.compile(r"^\s*(import|from)\s+django\b", re.MULTILINE)


def test_the_engine_and_the_sandbox_import_nothing_from_django():
    offenders = [
        str(path)
        for package in ("quantum", "sandbox")
        for path in (ROOT / package).rglob("*.py")
        if IMPORT.search(path.read_text())
    ]
    assert offenders == []
