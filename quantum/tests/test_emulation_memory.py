"""Noisy emulation sizes itself to the job's memory limit: many shots never need more memory than a few."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quantum import api
from quantum.execution.aer import emulation_method, simulator_options

GHZ_12 = b"""
from qiskit import QuantumCircuit

def create_circuit():
    qc = QuantumCircuit(12)
    qc.h(0)
    for q in range(11):
        qc.cx(q, q + 1)
    return qc
"""


def test_ten_qubits_use_one_density_matrix_whatever_the_shots():
    assert emulation_method(10, 100_000, 2048) == "density_matrix"
    assert emulation_method(10, 1024, 2048) == "density_matrix"


def test_a_density_matrix_too_big_for_the_limit_falls_back_to_trajectories():
    assert emulation_method(14, 100_000, 2048) == "statevector"  # 4 GiB
    assert emulation_method(12, 5000, 256) == "statevector"  # 256 MiB in a 256 MiB job


def test_few_shots_on_many_qubits_use_trajectories():
    assert emulation_method(10, 100, 2048) == "statevector"


def test_aer_is_told_the_jobs_limit_not_the_hosts_memory():
    options = simulator_options(2048)
    assert options["max_memory_mb"] == 1024
    assert 1 <= options["max_parallel_threads"] <= 8
    assert simulator_options(256)["max_parallel_threads"] == 1


def test_more_shots_than_states_run_in_a_small_job(monkeypatch):
    """5,000 shots > 2^12: Aer alone picks a 256 MiB density matrix and fails in a 256 MiB job."""
    monkeypatch.setenv("QH_SANDBOX_MEMORY_MB", "256")
    answer = api.execute(
        files={"circuit.py": GHZ_12},
        framework="qiskit",
        entry_point="circuit.py",
        entry_function=None,
        backend="fake_guadalupe",
        shots=5000,
        parameters={},
        seed=3,
    )
    counts = answer["results"]["counts"]
    assert sum(counts.values()) == 5000
    assert counts.get("0" * 12, 0) + counts.get("1" * 12, 0) > 2500, counts


@pytest.mark.slow
def test_the_ten_qubit_amplitude_estimation_benchmark_runs_with_the_maximum_shots_on_brisbane():
    qasm = (Path(__file__).parent / "samples" / "ae_10.qasm").read_bytes()
    answer = api.execute(
        files={"circuit.qasm": qasm},
        framework="openqasm2",
        entry_point="circuit.qasm",
        entry_function=None,
        backend="fake_brisbane",
        shots=api.MAX_SHOTS,
        parameters={},
        seed=1,
    )
    counts = answer["results"]["counts"]
    assert sum(counts.values()) == api.MAX_SHOTS
    numerator = 1 + random.Random("algorithms-v1:ae:10").randrange(2**9 - 1)
    readings = {format(numerator, "09b"), format(2**9 - numerator, "09b")}
    on_answer = sum(n for key, n in counts.items() if key[1:] in readings)
    assert on_answer > api.MAX_SHOTS * 0.05, "the counting register reads the encoded amplitude above noise"
