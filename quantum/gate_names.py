"""One spelling of gate names across frameworks (lowercase, Qiskit's): H -> h, CNOT -> cx, Hadamard -> h."""

from __future__ import annotations

import re

ALIASES = {
    "hadamard": "h",
    "paulix": "x",
    "pauliy": "y",
    "pauliz": "z",
    "cnot": "cx",
    "toffoli": "ccx",
    "ccnot": "ccx",
    "phaseshift": "p",
    "u3": "u",
    "measurementgate": "measure",
    "m": "measure",
    "cphase": "cp",
    "adjoint(s)": "sdg",
    "adjoint(t)": "tdg",
    "s**-1": "sdg",
    "t**-1": "tdg",
    "iswap": "iswap",
    "cswap": "cswap",
    "fredkin": "cswap",
}


def canonical(name: str) -> str:
    plain = re.sub(r"\(.*\)$", "", name.strip()) if not name.lower().startswith("adjoint") else name
    plain = plain.strip().lower()
    return ALIASES.get(plain, plain)
