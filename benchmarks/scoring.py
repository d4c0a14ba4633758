"""Scores of measured counts against an ideal distribution (plain Python + numpy; no Django).

- Hellinger fidelity F = (sum_x sqrt(p_x q_x))^2.
- Normalized fidelity (QED-C): (F - F_uniform) / (1 - F_uniform), where F_uniform is the fidelity of the uniform
  distribution; 0 means "no better than noise", 1 the ideal. When the ideal itself is uniform the rescaling is
  undefined and the normalized fidelity is F.
- Total variation distance: half the L1 distance.
- Uncertainty from the shot count: the standard deviation of the fidelity over multinomial resamples of the
  measured distribution, combined with the shortfall a perfect device shows at this many shots (its expected
  1 - F), so that an ideal result is within its uncertainty of 1.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

RESAMPLES = 200
CONFIDENCE_Z = 1.96
UNIFORM_EPSILON = 1e-9


def probabilities(counts: Mapping[str, int]) -> dict[str, float]:
    total = sum(counts.values())
    return {key: value / total for key, value in counts.items()} if total else {}


def _aligned(ideal: Mapping[str, float], measured: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray]:
    keys = sorted(set(ideal) | set(measured))
    return (
        np.array([ideal.get(k, 0.0) for k in keys], dtype=float),
        np.array([measured.get(k, 0.0) for k in keys], dtype=float),
    )


def hellinger_fidelity(ideal: Mapping[str, float], measured: Mapping[str, float]) -> float:
    p, q = _aligned(ideal, measured)
    return float(np.sum(np.sqrt(p * q)) ** 2)


def total_variation_distance(ideal: Mapping[str, float], measured: Mapping[str, float]) -> float:
    p, q = _aligned(ideal, measured)
    return float(0.5 * np.sum(np.abs(p - q)))


def uniform_fidelity(ideal: Mapping[str, float], qubits: int) -> float:
    """F(ideal, uniform over 2^qubits outcomes) = (sum_x sqrt(p_x))^2 / 2^qubits."""
    return float(sum(math.sqrt(v) for v in ideal.values()) ** 2 / 2**qubits)


def normalize(fidelity: float, uniform: float) -> float:
    if uniform >= 1 - UNIFORM_EPSILON:
        return fidelity
    return (fidelity - uniform) / (1 - uniform)


def _resampled_fidelities(p: np.ndarray, q: np.ndarray, shots: int, rng: np.random.Generator) -> np.ndarray:
    samples = rng.multinomial(shots, q / q.sum(), size=RESAMPLES) / shots
    return np.sum(np.sqrt(samples * p), axis=1) ** 2


def fidelity_uncertainty(ideal: Mapping[str, float], counts: Mapping[str, int]) -> float:
    """One standard deviation of the Hellinger fidelity due to the finite number of shots (deterministic)."""
    shots = sum(counts.values())
    if not shots:
        return 0.0
    p, q = _aligned(ideal, probabilities(counts))
    rng = np.random.default_rng(12345)
    spread = float(np.std(_resampled_fidelities(p, q, shots, rng)))
    shortfall = 1.0 - float(np.mean(_resampled_fidelities(p, p, shots, rng)))
    return math.sqrt(spread**2 + shortfall**2)


def score(ideal: Mapping[str, float], counts: Mapping[str, int], *, qubits: int) -> dict[str, float]:
    """Every fidelity metric of one result; `normalized_fidelity_lcb` is the lower 95% confidence bound."""
    measured = probabilities(counts)
    fidelity = hellinger_fidelity(ideal, measured)
    uniform = uniform_fidelity(ideal, qubits)
    sigma = fidelity_uncertainty(ideal, counts)
    scale = 1.0 if uniform >= 1 - UNIFORM_EPSILON else 1 / (1 - uniform)
    normalized = normalize(fidelity, uniform)
    heavy = heavy_output_probability(ideal, measured, qubits=qubits)
    heavy_sigma = math.sqrt(heavy * (1 - heavy) / max(sum(counts.values()), 1))
    return {
        "normalized_fidelity": round(normalized, 6),
        "normalized_fidelity_uncertainty": round(sigma * scale, 6),
        "normalized_fidelity_lcb": round(normalized - CONFIDENCE_Z * sigma * scale, 6),
        "hellinger_fidelity": round(fidelity, 6),
        "hellinger_fidelity_uncertainty": round(sigma, 6),
        "hellinger_fidelity_lcb": round(fidelity - CONFIDENCE_Z * sigma, 6),
        "total_variation_distance": round(total_variation_distance(ideal, measured), 6),
        "heavy_output_probability": round(heavy, 6),
        "heavy_output_probability_lcb": round(heavy - CONFIDENCE_Z * heavy_sigma, 6),
        "uniform_fidelity": round(uniform, 6),
        "shots": sum(counts.values()),
    }


def heavy_output_probability(ideal: Mapping[str, float], measured: Mapping[str, float], *, qubits: int) -> float:
    """The measured weight on outcomes whose ideal probability exceeds the median over all 2^qubits outcomes
    (quantum volume's heavy-output test)."""
    if not ideal:
        return 0.0
    values = list(ideal.values()) + [0.0] * max(0, 2**qubits - len(ideal))
    median = float(np.median(values))
    return float(sum(v for k, v in measured.items() if ideal.get(k, 0.0) > median))


def statevector_probabilities(vector: list[list[float]], *, cutoff: float = 1e-12) -> dict[str, float]:
    """Probabilities of a statevector in the wire format ([real, imag] pairs, qubit 0 the least significant bit)."""
    width = max(len(vector).bit_length() - 1, 0)
    return {
        format(i, f"0{width}b"): re * re + im * im for i, (re, im) in enumerate(vector) if re * re + im * im > cutoff
    }


def ideal_distribution(qasm: str, *, cutoff: float = 1e-12) -> dict[str, float]:
    """Exact output probabilities of a measurement-free circuit (statevector), qubit 0 the rightmost bit."""
    from qiskit import qasm2, transpile
    from qiskit.quantum_info import Statevector

    circuit = qasm2.loads(qasm, custom_instructions=qasm2.LEGACY_CUSTOM_INSTRUCTIONS)
    circuit.remove_final_measurements(inplace=True)
    flat = transpile(circuit, basis_gates=["u", "cx"], optimization_level=0)  # Statevector is slow on big gates
    probs = Statevector(flat).probabilities()
    width = circuit.num_qubits
    return {format(i, f"0{width}b"): round(float(v), 12) for i, v in enumerate(probs) if v > cutoff}


def problem_ideal(problem: Any) -> dict[str, float]:
    """The ideal distribution of a problem (a ProblemSpec); every one of its reference circuits must produce it."""
    ideal = ideal_distribution(problem.circuits[0].qasm)
    for circuit in problem.circuits[1:]:
        if hellinger_fidelity(ideal, ideal_distribution(circuit.qasm)) < 1 - 1e-9:
            raise ValueError(
                f"{problem.name}: circuit {circuit.name} does not produce the problem's ideal distribution"
            )
    return ideal
