"""Guess a circuit's framework from its source text."""

from __future__ import annotations

import re

PATTERNS = (
    ("openqasm3", re.compile(r"^\s*OPENQASM\s+3", re.MULTILINE)),
    ("openqasm2", re.compile(r"^\s*OPENQASM\s+2", re.MULTILINE)),
    ("pennylane", re.compile(r"^\s*(import|from)\s+pennylane\b", re.MULTILINE)),
    ("cirq", re.compile(r"^\s*(import|from)\s+cirq\b", re.MULTILINE)),
    ("qiskit", re.compile(r"^\s*(import|from)\s+qiskit\b", re.MULTILINE)),
)


def detect_framework(source: str) -> str | None:
    for framework, pattern in PATTERNS:
        if pattern.search(source):
            return framework
    return None
