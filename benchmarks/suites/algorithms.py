"""algorithms-v1: textbook algorithms with known answers, 2 to 12 qubits (after QED-C's application suite).

Every circuit ends in a state whose measurement we know exactly; ancillas are returned to |0> so that measuring
every qubit is meaningful. Secrets and marked states come from a fixed seed per problem (stable forever).
"""

from __future__ import annotations

import math
import random
from typing import Any

from benchmarks.suites.spec import CircuitSpec, ProblemSpec, SuiteSpec, qasm_of

WIDTHS = (2, 4, 6, 8, 10, 12)


def _bits(width: int, tag: str, *, nonzero: bool = True) -> str:
    """A fixed bitstring of `width` bits (Qiskit order: qubit 0 is the rightmost character)."""
    rng = random.Random(f"algorithms-v1:{tag}:{width}")
    while True:
        bits = "".join(rng.choice("01") for _ in range(width))
        if not nonzero or "1" in bits:
            return bits


def _qubit_bits(bits: str) -> list[int]:
    """The qubits whose bit is 1 in a Qiskit-order bitstring."""
    return [q for q, bit in enumerate(reversed(bits)) if bit == "1"]


def ghz_chain(n: int) -> Any:
    from qiskit import QuantumCircuit

    qc = QuantumCircuit(n, name=f"ghz_chain_{n}")
    qc.h(0)
    for q in range(n - 1):
        qc.cx(q, q + 1)
    return qc


def ghz_tree(n: int) -> Any:
    """Logarithmic depth: every entangled qubit entangles one more per layer."""
    from qiskit import QuantumCircuit

    qc = QuantumCircuit(n, name=f"ghz_tree_{n}")
    qc.h(0)
    done = 1
    while done < n:
        for q in range(min(done, n - done)):
            qc.cx(q, done + q)
        done *= 2
    return qc


def qft_into(qc: Any, qubits: list[int], *, inverse: bool = False) -> None:
    """The quantum Fourier transform (with its final swaps) on `qubits`, qubit 0 the least significant."""
    n = len(qubits)
    steps = []
    for j in reversed(range(n)):
        steps.append(("h", j, None))
        for k in reversed(range(j)):
            steps.append(("cp", k, math.pi / 2 ** (j - k), j))
    if inverse:
        for q in range(n // 2):
            qc.swap(qubits[q], qubits[n - q - 1])
        for step in reversed(steps):
            _apply(qc, qubits, step, -1)
        return
    for step in steps:
        _apply(qc, qubits, step, 1)
    for q in range(n // 2):
        qc.swap(qubits[q], qubits[n - q - 1])


def _apply(qc: Any, qubits: list[int], step: tuple, sign: int) -> None:
    if step[0] == "h":
        qc.h(qubits[step[1]])
    else:
        qc.cp(sign * step[2], qubits[step[1]], qubits[step[3]])


def qft_basis(n: int, state: str) -> Any:
    from qiskit import QuantumCircuit

    qc = QuantumCircuit(n, name=f"qft_{n}")
    for q in _qubit_bits(state):
        qc.x(q)
    qft_into(qc, list(range(n)))
    return qc


def bernstein_vazirani(n: int, secret: str) -> Any:
    """n - 1 data qubits and an ancilla (the last qubit), which ends back in |0>."""
    from qiskit import QuantumCircuit

    qc = QuantumCircuit(n, name=f"bv_{n}")
    ancilla = n - 1
    qc.x(ancilla)
    qc.h(range(n))
    for q in _qubit_bits(secret):
        qc.cx(q, ancilla)
    qc.h(range(n))
    qc.x(ancilla)
    return qc


def deutsch_jozsa(n: int, mask: str) -> Any:
    """Balanced oracle f(x) = parity(x XOR mask): the data register ends in |1...1>, the ancilla in |0>."""
    from qiskit import QuantumCircuit

    qc = QuantumCircuit(n, name=f"dj_{n}")
    ancilla, data = n - 1, list(range(n - 1))
    qc.x(ancilla)
    qc.h(range(n))
    flips = _qubit_bits(mask)
    for q in flips:
        qc.x(q)
    for q in data:
        qc.cx(q, ancilla)
    for q in flips:
        qc.x(q)
    qc.h(range(n))
    qc.x(ancilla)
    return qc


def _phase_flip(qc: Any, n: int, marked: str) -> None:
    zeros = [q for q in range(n) if q not in _qubit_bits(marked)]
    for q in zeros:
        qc.x(q)
    _multi_controlled_z(qc, n)
    for q in zeros:
        qc.x(q)


def _multi_controlled_z(qc: Any, n: int) -> None:
    if n == 1:
        qc.z(0)
        return
    qc.h(n - 1)
    qc.mcx(list(range(n - 1)), n - 1)
    qc.h(n - 1)


def grover_iterations(n: int) -> int:
    return max(1, math.floor(math.pi / 4 * math.sqrt(2**n)))


def grover(n: int, marked: str) -> Any:
    from qiskit import QuantumCircuit

    qc = QuantumCircuit(n, name=f"grover_{n}")
    qc.h(range(n))
    for _ in range(grover_iterations(n)):
        _phase_flip(qc, n, marked)
        qc.h(range(n))
        _phase_flip(qc, n, "0" * n)
        qc.h(range(n))
    return qc


def phase_estimation(n: int, phase: str) -> Any:
    """n - 1 counting qubits estimate the phase of P(2 pi theta) on its eigenstate |1> (the last qubit);
    theta = phase / 2^(n-1) exactly, so the counting register reads `phase`."""
    from qiskit import QuantumCircuit

    counting = n - 1
    theta = int(phase, 2) / 2**counting
    qc = QuantumCircuit(n, name=f"qpe_{n}")
    qc.x(n - 1)
    qc.h(range(counting))
    for j in range(counting):
        qc.cp(2 * math.pi * theta * 2**j, j, n - 1)
    qft_into(qc, list(range(counting)), inverse=True)
    return qc


def amplitude_estimation(n: int, numerator: int) -> Any:
    """Estimate a = sin^2(theta) prepared by RY(2 theta) on the last qubit, theta = pi * numerator / 2^(n-1):
    the counting register reads numerator or 2^(n-1) - numerator (the two eigenphases of the Grover operator)."""
    from qiskit import QuantumCircuit

    counting = n - 1
    theta = math.pi * numerator / 2**counting
    qc = QuantumCircuit(n, name=f"ae_{n}")
    qc.ry(2 * theta, n - 1)
    qc.h(range(counting))
    for j in range(counting):
        qc.cry(4 * theta * 2**j, j, n - 1)
    qft_into(qc, list(range(counting)), inverse=True)
    return qc


def hidden_shift(n: int, shift: str) -> Any:
    """Bent function f(x) = x0 x1 + x2 x3 + ... (self-dual): the register ends in |shift> (n even)."""
    from qiskit import QuantumCircuit

    qc = QuantumCircuit(n, name=f"hidden_shift_{n}")
    qc.h(range(n))
    for q in _qubit_bits(shift):
        qc.x(q)
    _bent_oracle(qc, n)
    for q in _qubit_bits(shift):
        qc.x(q)
    qc.h(range(n))
    _bent_oracle(qc, n)
    qc.h(range(n))
    return qc


def _bent_oracle(qc: Any, n: int) -> None:
    for q in range(0, n - 1, 2):
        qc.cz(q, q + 1)


def _problem(family: str, n: int, title: str, circuits: list[tuple[str, str, Any]], **params: Any) -> ProblemSpec:
    specs = tuple(CircuitSpec(name=name, title=ctitle, qasm=qasm_of(circuit)) for name, ctitle, circuit in circuits)
    return ProblemSpec(
        name=f"{family}-{n}",
        title=title,
        family=family,
        qubits=n,
        circuits=specs,
        params=params,
        headline=(family == "ghz" and n == 4) or (family == "grover" and n == 4),
    )


def _ghz(n: int) -> ProblemSpec:
    circuits = [("ghz-chain", "CNOT chain", ghz_chain(n)), ("ghz-tree", "Logarithmic-depth tree", ghz_tree(n))]
    return _problem("ghz", n, f"GHZ state on {n} qubits", circuits)


def _qft(n: int) -> ProblemSpec:
    state = _bits(n, "qft", nonzero=False)
    return _problem("qft", n, f"QFT of the basis state |{state}>", [("qft", "QFT", qft_basis(n, state))], state=state)


def _bv(n: int) -> ProblemSpec:
    secret = _bits(n - 1, "bv")
    circuits = [("bv", "Bernstein-Vazirani", bernstein_vazirani(n, secret))]
    return _problem("bv", n, f"Bernstein-Vazirani, {n - 1}-bit secret", circuits, secret=secret)


def _dj(n: int) -> ProblemSpec:
    mask = _bits(n - 1, "dj", nonzero=False)
    circuits = [("dj", "Deutsch-Jozsa", deutsch_jozsa(n, mask))]
    return _problem("dj", n, f"Deutsch-Jozsa, balanced oracle on {n - 1} bits", circuits, mask=mask, balanced=True)


def _grover(n: int) -> ProblemSpec:
    marked = _bits(n, "grover", nonzero=False)
    circuits = [("grover", "Grover", grover(n, marked))]
    return _problem(
        "grover", n, f"Grover search for |{marked}>", circuits, marked=marked, iterations=grover_iterations(n)
    )


def _qpe(n: int) -> ProblemSpec:
    phase = _bits(n - 1, "qpe")
    circuits = [("qpe", "Phase estimation", phase_estimation(n, phase))]
    return _problem("qpe", n, f"Phase estimation of theta = {int(phase, 2)}/{2 ** (n - 1)}", circuits, phase=phase)


def _ae(n: int) -> ProblemSpec:
    numerator = 1 + random.Random(f"algorithms-v1:ae:{n}").randrange(max(1, 2 ** (n - 1) - 1))
    circuits = [("ae", "Amplitude estimation", amplitude_estimation(n, numerator))]
    return _problem(
        "ae", n, f"Amplitude estimation of sin^2(pi {numerator}/{2 ** (n - 1)})", circuits, numerator=numerator
    )


def _hidden_shift(n: int) -> ProblemSpec:
    shift = _bits(n, "hidden-shift")
    return _problem(
        "hidden-shift",
        n,
        f"Hidden shift {shift}",
        [("hidden-shift", "Hidden shift", hidden_shift(n, shift))],
        shift=shift,
    )


# family -> (builder, widths, small widths). Gate-heavy families stop earlier so that the whole suite emulates on
# one device in about a minute; Grover runs its optimal number of iterations.
FAMILY_BUILDERS = {
    "ghz": (_ghz, WIDTHS, (3,)),
    "qft": (_qft, (2, 4, 6, 8, 10), (3,)),
    "bv": (_bv, WIDTHS, (3,)),
    "dj": (_dj, WIDTHS, (3,)),
    "grover": (_grover, (2, 3, 4, 5, 6), (2,)),
    "qpe": (_qpe, (2, 4, 6, 8, 10), (3,)),
    "ae": (_ae, (3, 4, 6, 8, 10), (3,)),
    "hidden-shift": (_hidden_shift, WIDTHS, (2,)),
}


def problem(family: str, n: int) -> ProblemSpec:
    return FAMILY_BUILDERS[family][0](n)


def suite(*, small: bool = False) -> SuiteSpec:
    problems = [
        builder(n)
        for builder, widths, small_widths in FAMILY_BUILDERS.values()
        for n in (small_widths if small else widths)
    ]
    return SuiteSpec(
        name="algorithms",
        version=1,
        title="Algorithms",
        description="GHZ, QFT, Bernstein-Vazirani, Deutsch-Jozsa, Grover, phase estimation, amplitude estimation and "
        "hidden shift at 2 to 12 qubits, each with an exactly known output distribution. Ranked by "
        "normalized fidelity (a uniform distribution scores 0, the ideal 1).",
        problems=tuple(problems),
    )
