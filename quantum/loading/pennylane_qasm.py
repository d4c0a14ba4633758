"""PennyLane's OpenQASM 2 output made loadable by Qiskit's qasm2 reader.

qml.to_openqasm writes two things that are not OpenQASM 2 and that Qiskit refuses:
- `gphase(phi) [wires];` for qml.GlobalPhase, which many decompositions emit (QubitUnitary, SX, Hamiltonian
  measurement rotations). PennyLane's GlobalPhase(phi) is exp(-i phi) on the whole state, so the lines are removed
  and their sum becomes the circuit's global phase (-phi in Qiskit's convention). A global phase under an `if` is a
  phase of one measured branch only, which no measurement can see: it is dropped.
- mid-circuit measurements into one register `mcms` conditioned bit by bit (`if(mcms[k]==1)`), while OpenQASM 2
  conditions on whole registers: each mid-circuit measurement gets its own one-bit register `mcm<k>`, declared after
  the terminal register `c`, so `c` stays the rightmost bits of the counts.
"""

from __future__ import annotations

import re

GLOBAL_PHASE = re.compile(r"^\s*gphase\s*\(([^)]*)\)[^;]*;\s*$")
CONDITIONAL_GLOBAL_PHASE = re.compile(r"^\s*if\s*\([^)]*\)\s*gphase\b.*$")
MCM_REGISTER = re.compile(r"^\s*creg\s+mcms\[(\d+)\];\s*$")
MCM_CONDITION = re.compile(r"\bif\s*\(\s*mcms\[(\d+)\]")
MCM_BIT = re.compile(r"\bmcms\[(\d+)\]")


def for_qiskit(text: str) -> tuple[str, float]:
    """(OpenQASM 2 that Qiskit's qasm2.loads accepts, global phase to set on the loaded circuit, in radians)."""
    phase = 0.0
    lines = []
    for line in text.splitlines():
        if CONDITIONAL_GLOBAL_PHASE.match(line):
            continue
        gphase = GLOBAL_PHASE.match(line)
        if gphase:
            phase -= float(gphase.group(1))
            continue
        lines.append(_one_bit_registers(line))
    return "\n".join(lines) + "\n", phase


def _one_bit_registers(line: str) -> str:
    declared = MCM_REGISTER.match(line)
    if declared:
        return " ".join(f"creg mcm{index}[1];" for index in range(int(declared.group(1))))
    line = MCM_CONDITION.sub(lambda match: f"if(mcm{match.group(1)}", line)
    return MCM_BIT.sub(lambda match: f"mcm{match.group(1)}[0]", line)
