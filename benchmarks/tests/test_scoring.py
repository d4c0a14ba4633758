"""Scores: normalized fidelity (QED-C), Hellinger fidelity, total variation distance, shot-noise uncertainty."""

import pytest

from benchmarks import scoring

BELL = {"00": 0.5, "11": 0.5}


def test_the_ideal_distribution_scores_one_and_a_uniform_one_scores_zero():
    perfect = scoring.score(BELL, {"00": 512, "11": 512}, qubits=2)
    noise = scoring.score(BELL, {"00": 256, "01": 256, "10": 256, "11": 256}, qubits=2)
    assert perfect["normalized_fidelity"] == pytest.approx(1.0)
    assert perfect["hellinger_fidelity"] == pytest.approx(1.0) and perfect["total_variation_distance"] == 0
    assert noise["normalized_fidelity"] == pytest.approx(0.0, abs=1e-9)
    assert noise["hellinger_fidelity"] == pytest.approx(0.5)
    assert noise["total_variation_distance"] == pytest.approx(0.5)


def test_a_deterministic_answer_scores_by_the_share_of_right_shots():
    result = scoring.score({"101": 1.0}, {"101": 900, "001": 100}, qubits=3)
    assert result["hellinger_fidelity"] == pytest.approx(0.9)
    assert result["normalized_fidelity"] == pytest.approx((0.9 - 1 / 8) / (1 - 1 / 8))


def test_shot_noise_keeps_an_ideal_sample_within_its_uncertainty_of_one():
    sampled = {"00": 530, "11": 494}  # a perfect device, 1024 shots
    result = scoring.score(BELL, sampled, qubits=2)
    assert result["normalized_fidelity"] < 1
    assert 1 - result["normalized_fidelity"] <= 2 * result["normalized_fidelity_uncertainty"]
    assert result["normalized_fidelity_lcb"] < result["normalized_fidelity"]


def test_the_uncertainty_shrinks_with_more_shots_and_is_reproducible():
    few = scoring.fidelity_uncertainty(BELL, {"00": 45, "01": 5, "11": 50})
    many = scoring.fidelity_uncertainty(BELL, {"00": 4500, "01": 500, "11": 5000})
    assert many < few
    assert few == scoring.fidelity_uncertainty(BELL, {"00": 45, "01": 5, "11": 50})


def test_a_uniform_ideal_keeps_the_raw_fidelity_as_its_normalized_score():
    uniform = {"0": 0.5, "1": 0.5}
    assert scoring.score(uniform, {"0": 60, "1": 40}, qubits=1)["normalized_fidelity"] == pytest.approx(
        scoring.hellinger_fidelity(uniform, {"0": 0.6, "1": 0.4})
    )


def test_heavy_outputs_are_those_above_the_median_ideal_probability():
    ideal = {"00": 0.4, "01": 0.3, "10": 0.2, "11": 0.1}
    assert scoring.heavy_output_probability(ideal, {"00": 0.5, "11": 0.5}, qubits=2) == pytest.approx(0.5)


def test_statevector_probabilities_put_qubit_zero_rightmost():
    vector = [[0, 0], [1, 0], [0, 0], [0, 0]]  # |q1 q0> = |01>
    assert scoring.statevector_probabilities(vector) == {"01": 1}
