"""OpenQASM 3 and 2 files, loaded into Qiskit circuits."""

from __future__ import annotations

import re

from quantum.errors import ParseError

VERSION = re.compile(r"^\s*OPENQASM\s+(\d+)(?:\.\d+)?\s*;", re.MULTILINE)


def qasm_version(text: str) -> int:
    match = VERSION.search(text)
    return int(match.group(1)) if match else 3


def load_qasm(path: str):  # type: ignore[no-untyped-def]
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise ParseError(f"the OpenQASM file cannot be read: {error}") from error
    return parse_qasm(text)


def parse_qasm(text: str):  # type: ignore[no-untyped-def]
    from qiskit import qasm2, qasm3

    try:
        if qasm_version(text) == 2:
            return qasm2.loads(text, custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
        return qasm3.loads(text)
    except Exception as error:
        raise ParseError(f"the OpenQASM file does not parse: {error}") from error
