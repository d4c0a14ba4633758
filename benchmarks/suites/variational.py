"""variational-v1: variational circuits at fixed parameters (QAOA MaxCut on fixed small graphs, a VQE ansatz for
H2), so that the output distribution is fixed and the problem is a fidelity benchmark like the others."""

from __future__ import annotations

from typing import Any

from benchmarks.suites.spec import CircuitSpec, ProblemSpec, SuiteSpec, qasm_of

# Fixed graphs: name -> (nodes, edges).
GRAPHS: dict[str, tuple[int, tuple[tuple[int, int], ...]]] = {
    "ring-4": (4, ((0, 1), (1, 2), (2, 3), (3, 0))),
    "prism-6": (6, ((0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (0, 3), (1, 4), (2, 5))),
    "random-8": (8, ((0, 1), (0, 4), (1, 2), (1, 6), (2, 3), (2, 7), (3, 5), (4, 5), (4, 7), (5, 6), (6, 7))),
}
# (graph, layers, gammas, betas): angles fixed once, at the optimum of the expected cut for each graph and depth
# (Nelder-Mead from a grid; our cost layer is exp(-i gamma Z Z), the mixer exp(-i beta X)).
QAOA_PROBLEMS = (
    ("ring-4", 1, (0.3927,), (-0.3927,)),
    ("prism-6", 1, (1.2856,), (1.2226,)),
    ("prism-6", 2, (1.3196, 1.1124), (1.0924, 0.286)),
    ("random-8", 1, (0.3215,), (-0.3927,)),
)
# H2 at 0.735 A in STO-3G: the ground state is cos(t/2)|1100> - sin(t/2)|0011> with t = 0.2257 (Jordan-Wigner),
# and cos(t/2)|01> - sin(t/2)|10> on the two-qubit parity-reduced Hamiltonian.
H2_THETA = 0.2257


def qaoa_maxcut(graph: str, layers: int, gammas: tuple[float, ...], betas: tuple[float, ...]) -> Any:
    from qiskit import QuantumCircuit

    nodes, edges = GRAPHS[graph]
    qc = QuantumCircuit(nodes, name=f"qaoa_{graph}_p{layers}")
    qc.h(range(nodes))
    for gamma, beta in zip(gammas, betas, strict=True):
        for a, b in edges:
            qc.cx(a, b)
            qc.rz(2 * gamma, b)
            qc.cx(a, b)
        qc.rx(2 * beta, range(nodes))
    return qc


def vqe_h2_4(theta: float) -> Any:
    """Hartree-Fock |0011> (qubits 0 and 1 occupied) plus the double excitation, in 4 CNOTs."""
    from qiskit import QuantumCircuit

    qc = QuantumCircuit(4, name="vqe_h2_4")
    qc.ry(-theta, 2)
    qc.cx(2, 3)
    qc.x(0)
    qc.x(1)
    qc.cx(2, 0)
    qc.cx(2, 1)
    return qc


def vqe_h2_2(theta: float) -> Any:
    from qiskit import QuantumCircuit

    qc = QuantumCircuit(2, name="vqe_h2_2")
    qc.ry(-theta, 1)
    qc.x(0)
    qc.cx(1, 0)
    return qc


def expected_cut(graph: str, distribution: dict[str, float]) -> float:
    _, edges = GRAPHS[graph]
    return sum(p * sum(1 for a, b in edges if key[-1 - a] != key[-1 - b]) for key, p in distribution.items())


def _qaoa_problem(graph: str, layers: int, gammas: tuple[float, ...], betas: tuple[float, ...]) -> ProblemSpec:
    nodes, edges = GRAPHS[graph]
    circuit = CircuitSpec(
        name="qaoa", title=f"QAOA p={layers}", qasm=qasm_of(qaoa_maxcut(graph, layers, gammas, betas))
    )
    return ProblemSpec(
        name=f"qaoa-maxcut-{graph}-p{layers}",
        title=f"QAOA MaxCut, {graph} graph, p={layers}",
        family="qaoa-maxcut",
        qubits=nodes,
        circuits=(circuit,),
        headline=(graph == "prism-6" and layers == 1),
        params={"graph": graph, "edges": [list(e) for e in edges], "gammas": list(gammas), "betas": list(betas)},
    )


def suite(*, small: bool = False) -> SuiteSpec:
    qaoa = [_qaoa_problem(*spec) for spec in QAOA_PROBLEMS if not small or GRAPHS[spec[0]][0] <= 4]
    vqe = [
        ProblemSpec(
            name="vqe-h2-2",
            title="VQE ansatz for H2, 2 qubits (parity mapping)",
            family="vqe-h2",
            qubits=2,
            circuits=(CircuitSpec(name="vqe", title="Reduced ansatz", qasm=qasm_of(vqe_h2_2(H2_THETA))),),
            params={"theta": H2_THETA, "bond_length_angstrom": 0.735},
        ),
        ProblemSpec(
            name="vqe-h2-4",
            title="VQE ansatz for H2, 4 qubits (Jordan-Wigner)",
            family="vqe-h2",
            qubits=4,
            circuits=(CircuitSpec(name="vqe", title="Double excitation", qasm=qasm_of(vqe_h2_4(H2_THETA))),),
            params={"theta": H2_THETA, "bond_length_angstrom": 0.735},
            headline=True,
        ),
    ]
    return SuiteSpec(
        name="variational",
        version=1,
        title="Variational",
        description="QAOA MaxCut on fixed small graphs and a VQE ansatz for H2, at fixed parameters. "
        "Ranked by normalized fidelity of the output distribution.",
        problems=tuple(qaoa + vqe),
    )
