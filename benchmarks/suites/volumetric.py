"""volumetric-v1: random circuits of width = depth (quantum-volume style), 2 to 10 qubits.

Each layer permutes the qubits at random and applies a random two-qubit unitary to each pair; the unitaries are
decomposed into u and cx once, here, so the stored circuit is exact and fixed. Seeds are per width.
"""

from __future__ import annotations

from typing import Any

from benchmarks.suites.spec import CircuitSpec, ProblemSpec, SuiteSpec, qasm_of

WIDTHS = tuple(range(2, 11))
SMALL_WIDTHS = (2, 3)


def square_circuit(width: int, seed: int) -> Any:
    import numpy as np
    from qiskit import QuantumCircuit, transpile
    from qiskit.quantum_info import random_unitary

    rng = np.random.default_rng(seed)
    qc = QuantumCircuit(width, name=f"volumetric_{width}")
    for _layer in range(width):
        order = rng.permutation(width)
        for k in range(width // 2):
            unitary = random_unitary(4, seed=int(rng.integers(2**31)))
            qc.unitary(unitary, [int(order[2 * k]), int(order[2 * k + 1])])
    return transpile(qc, basis_gates=["u", "cx"], optimization_level=1, seed_transpiler=seed)


def suite(*, small: bool = False) -> SuiteSpec:
    problems = []
    for width in SMALL_WIDTHS if small else WIDTHS:
        seed = 1000 + width
        circuit = CircuitSpec(
            name="square", title=f"Random square circuit, seed {seed}", qasm=qasm_of(square_circuit(width, seed))
        )
        problems.append(
            ProblemSpec(
                name=f"square-{width}",
                title=f"Random circuit, width = depth = {width}",
                family="square",
                qubits=width,
                circuits=(circuit,),
                params={"seed": seed},
                headline=width == 4,
            )
        )
    return SuiteSpec(
        name="volumetric",
        version=1,
        title="Volumetric",
        description="Random circuits of width = depth from 2 to 10 qubits, quantum-volume style. Ranked by "
        "normalized fidelity; the heavy-output probability is reported too.",
        problems=tuple(problems),
    )
