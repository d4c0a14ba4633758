"""Warm a zygote before it forks jobs: import what jobs import lazily and run tiny circuits on the pure-Python
simulators, so the first call in each forked job does not pay for it.

Aer and the transpiler are only imported, never run here: their thread pools (OpenMP, Rust's rayon) must not
exist before fork(), or the forked job would wait forever on threads it does not have.
"""

from __future__ import annotations

import importlib
import warnings

LAZY_MODULES = (
    "qiskit.qasm2",
    "qiskit.qasm3",
    "qiskit_qasm3_import",
    "qiskit.quantum_info",
    "qiskit.transpiler.preset_passmanagers",
    "qiskit_ibm_runtime.fake_provider",
    "qiskit_aer.noise",
    "cirq.contrib.svg",
    "matplotlib.pyplot",
    "qiskit.visualization",
    "pennylane_lightning",
    "sympy",
    "quantum.loading",
    "quantum.execution",
    "quantum.analysis",
    "quantum.equivalence",
    "quantum.drawing",
    "quantum.convert_targets",
    "quantum.spaces_runner",
)


def warm_up() -> None:
    warnings.simplefilter("ignore")
    for name in LAZY_MODULES:
        importlib.import_module(name)
    _cirq()
    _pennylane()
    _devices()


def _cirq() -> None:
    import cirq

    qubits = cirq.LineQubit.range(2)
    circuit = cirq.Circuit(cirq.H(qubits[0]), cirq.CNOT(*qubits), cirq.measure(*qubits, key="m"))
    cirq.Simulator(seed=1).run(circuit, repetitions=4)


def _pennylane() -> None:
    import pennylane as qml

    def circuit() -> object:
        qml.Hadamard(0)
        qml.CNOT([0, 1])
        return qml.counts()

    qml.QNode(circuit, qml.device("default.qubit", wires=2), shots=4)()
    qml.tape.make_qscript(circuit)()


def _devices() -> None:
    """Build the fake-device provider once (pure Python, no threads: ~1.5 s, ~20 MB), so an emulation job does
    not rebuild it after fork; and discover the transpiler's stage plugins without running a pass."""
    from qiskit.transpiler.preset_passmanagers.plugin import PassManagerStagePluginManager

    from quantum.backends import devices

    devices.device_names()
    PassManagerStagePluginManager()
