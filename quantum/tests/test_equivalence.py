"""Equivalence of two circuits (unitary up to global phase, statevectors beyond 10 qubits), in the sandbox."""

from __future__ import annotations

from quantum import api

BELL = b"""
from qiskit import QuantumCircuit

def create_circuit():
    qc = QuantumCircuit(2)
    qc.h(0)
    qc.cx(0, 1)
    qc.measure_all()
    return qc
"""

BELL_ROTATED = b"""
import math
from qiskit import QuantumCircuit

def create_circuit():
    qc = QuantumCircuit(2, 2)
    qc.z(0)
    qc.ry(math.pi / 2, 0)  # RY(pi/2) Z = H
    qc.cx(0, 1)
    qc.barrier()
    qc.measure([0, 1], [0, 1])
    return qc
"""

X_CX = b"""
from qiskit import QuantumCircuit

def create_circuit():
    qc = QuantumCircuit(2)
    qc.x(0)
    qc.cx(0, 1)
    return qc
"""

BELL_CIRQ = b"""
import cirq

def create_circuit():
    a, b = cirq.LineQubit.range(2)
    return cirq.Circuit([cirq.H(a), cirq.CNOT(a, b), cirq.measure(a, b, key="m")])
"""

PHASED = b"""
import math
from qiskit import QuantumCircuit

def create_circuit():
    qc = QuantumCircuit(1, global_phase=math.pi / 3)
    qc.rz(math.pi / 2, 0)
    return qc
"""

S_GATE = b"""
from qiskit import QuantumCircuit

def create_circuit():
    qc = QuantumCircuit(1)
    qc.s(0)
    return qc
"""

GHZ_FAN_REVERSED = b"""
from qiskit import QuantumCircuit

def create_circuit(n=12):
    qc = QuantumCircuit(n)
    qc.h(0)
    for i in reversed(range(1, n)):
        if i == 5:
            qc.h(i)
            qc.cz(0, i)
            qc.h(i)
        else:
            qc.cx(0, i)
    qc.measure_all()
    return qc
"""

GHZ_FAN = b"""
from qiskit import QuantumCircuit

def create_circuit(n=12):
    qc = QuantumCircuit(n)
    qc.h(0)
    for i in range(1, n):
        qc.cx(0, i)
    return qc
"""

GHZ_FAN_BROKEN = GHZ_FAN.replace(b"    return qc", b"    qc.z(7)\n    return qc")

MID_MEASURE = b"""
from qiskit import QuantumCircuit

def create_circuit():
    qc = QuantumCircuit(2, 1)
    qc.h(0)
    qc.measure(0, 0)
    qc.cx(0, 1)
    return qc
"""

ROTATION = b"""
from qiskit import QuantumCircuit

def create_circuit(theta):
    qc = QuantumCircuit(1)
    qc.rx(theta, 0)
    return qc
"""

HELPER_BUILT = {
    "circuit.py": b"from gates import build\n\ndef create_circuit():\n    return build()\n",
    "gates.py": b"from qiskit import QuantumCircuit\n\ndef build():\n    qc = QuantumCircuit(1)\n    qc.%s(0)\n    return qc\n",
}


def side(code: bytes, framework: str = "qiskit", **extra):  # type: ignore[no-untyped-def]
    return {"files": {"circuit.py": code}, "framework": framework, "entry_point": "circuit.py", **extra}


def check(a, b, **kwargs):  # type: ignore[no-untyped-def]
    return api.equivalent(a=a, b=b, **kwargs)


def test_a_bell_circuit_written_differently_is_equivalent():
    assert check(side(BELL), side(BELL_ROTATED)) == {"equivalent": True, "method": "unitary", "reason": None}


def test_h_then_cx_is_not_x_then_cx():
    assert check(side(BELL), side(X_CX)) == {"equivalent": False, "method": "unitary", "reason": None}


def test_a_cirq_bell_circuit_matches_a_qiskit_one():
    assert check(side(BELL), side(BELL_CIRQ, "cirq"))["equivalent"] is True


def test_a_global_phase_difference_is_ignored():
    assert check(side(PHASED), side(S_GATE))["equivalent"] is True


def test_twelve_qubit_ghz_circuits_built_two_ways_are_compared_by_statevector():
    assert check(side(GHZ_FAN_REVERSED), side(GHZ_FAN)) == {"equivalent": True, "method": "statevector", "reason": None}
    assert check(side(GHZ_FAN_REVERSED), side(GHZ_FAN_BROKEN))["equivalent"] is False


def test_a_mid_circuit_measurement_leaves_it_unknown():
    result = check(side(BELL), side(MID_MEASURE))
    assert result["equivalent"] is None and result["method"] is None
    assert "mid-circuit" in result["reason"]


def test_different_qubit_counts_are_not_equivalent():
    result = check(side(BELL), side(GHZ_FAN))
    assert result["equivalent"] is False and "different numbers of qubits" in result["reason"]


def test_parameters_are_bound_and_unbound_ones_leave_it_unknown():
    bound = check(side(ROTATION), side(ROTATION), parameters={"theta": 0.3})
    assert bound["equivalent"] is True
    differ = check(side(ROTATION, parameters={"theta": 0.3}), side(ROTATION, parameters={"theta": 0.4}))
    assert differ["equivalent"] is False
    unbound = check(side(ROTATION), side(ROTATION))
    assert unbound["equivalent"] is None and "theta" in unbound["reason"]


def test_each_side_imports_its_own_helper_modules():
    a = {"files": {**HELPER_BUILT, "gates.py": HELPER_BUILT["gates.py"] % b"x"}, "framework": "qiskit"}
    b = {"files": {**HELPER_BUILT, "gates.py": HELPER_BUILT["gates.py"] % b"h"}, "framework": "qiskit"}
    assert check(a, b)["equivalent"] is False
    assert check(a, a)["equivalent"] is True
