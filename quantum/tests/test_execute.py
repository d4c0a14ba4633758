"""Execution on each kind of backend, counts checked statistically (qubit 0 is the rightmost bit)."""

from __future__ import annotations

import math

import pytest

from quantum import api
from quantum.errors import BackendUnavailable, ParseError, ResourceLimit


def run(files, framework, backend="qiskit_aer", shots=2000, **extra):  # type: ignore[no-untyped-def]
    return api.execute(
        files=files,
        framework=framework,
        entry_point=extra.pop("entry_point", None),
        entry_function=extra.pop("entry_function", None),
        backend=backend,
        shots=shots,
        parameters=extra.pop("parameters", {}),
        **extra,
    )


def assert_bell(counts: dict[str, int], shots: int) -> None:
    assert set(counts) <= {"00", "11"}, counts
    assert all(0.4 <= counts.get(key, 0) / shots <= 0.6 for key in ("00", "11")), counts


@pytest.mark.parametrize(
    "backend",
    [
        "qiskit_aer",
        "aer_statevector",
        "aer_mps",
        "aer_density_matrix",
        "cirq_simulator",
        "pennylane_default",
        "pennylane_lightning",
    ],
)
def test_a_qiskit_bell_circuit_gives_only_00_and_11_on(backend, sample):
    answer = run(sample("bell_qiskit.py", "circuit.py"), "qiskit", backend=backend)
    assert_bell(answer["results"]["counts"], 2000)
    assert answer["metrics"]["backend"] == backend and answer["metrics"]["shots"] == 2000


def test_metrics_carry_times_qubits_and_depth(sample):
    metrics = run(sample("bell_qiskit.py", "circuit.py"), "qiskit")["metrics"]
    assert metrics["qubits"] == 2 and metrics["depth"] == 3
    assert metrics["execution_time"] == pytest.approx(metrics["execution_time_ms"] / 1000, rel=1e-3)
    assert metrics["transpilation_time_ms"] < 5, "an ideal Aer run must not be transpiled"


@pytest.mark.parametrize("backend", ["qiskit_aer", "cirq_simulator", "pennylane_default"])
def test_a_cirq_ghz_circuit_gives_only_000_and_111_on(backend, sample):
    counts = run(sample("ghz_cirq.py", "circuit.py"), "cirq", backend=backend)["results"]["counts"]
    assert set(counts) <= {"000", "111"} and min(counts.values()) > 800, counts


def test_an_openqasm3_file_runs(sample):
    counts = run(sample("ghz.qasm", "circuit.qasm"), "openqasm3")["results"]["counts"]
    assert set(counts) <= {"000", "111"} and min(counts.values()) > 800


@pytest.mark.parametrize("backend", ["qiskit_aer", "cirq_simulator", "pennylane_default"])
def test_qubit_zero_is_the_rightmost_bit_on(backend, sample):
    counts = run(sample("x_first.qasm", "circuit.qasm"), "openqasm2", backend=backend, shots=50)["results"]["counts"]
    assert counts == {"001": 50}


def test_a_symbolic_parameter_binds_by_name(sample):
    files = sample("rotation_qiskit.py", "circuit.py")
    counts = run(files, "qiskit", parameters={"theta": math.pi / 2}, shots=4000)["results"]["counts"]
    assert 0.4 <= counts["1"] / 4000 <= 0.6
    assert run(files, "qiskit", parameters={"theta": math.pi}, shots=100)["results"]["counts"] == {"1": 100}


def test_a_function_argument_binds_by_name(sample):
    counts = run(sample("rotation_function.py", "circuit.py"), "qiskit", parameters={"theta": math.pi}, shots=100)
    assert counts["results"]["counts"] == {"1": 100}


def test_a_missing_parameter_is_a_parse_error(sample):
    with pytest.raises(ParseError, match="theta"):
        run(sample("rotation_qiskit.py", "circuit.py"), "qiskit")


def test_a_pennylane_qnode_uses_its_own_shots_and_returns_counts(sample):
    results = run(sample("qnode_pennylane.py", "circuit.py"), "pennylane", backend="pennylane_default")["results"]
    assert_bell(results["counts"], 1000)
    assert sum(results["pennylane_result"].values()) == 1000


def test_a_pennylane_expectation_comes_back_as_a_value(sample):
    results = run(
        sample("expval_pennylane.py", "circuit.py"),
        "pennylane",
        backend="pennylane_lightning",
        parameters={"theta": math.pi},
    )["results"]
    assert results["counts"] == {}
    assert results["expectation_values"][0] == pytest.approx(-1.0, abs=0.2)


def test_the_statevector_comes_back_on_request(sample):
    vector = run(sample("bell_qiskit.py", "circuit.py"), "qiskit", want_statevector=True)["results"]["statevector"]
    assert [round(re, 3) for re, _ in vector] == [0.707, 0.0, 0.0, 0.707]


@pytest.mark.slow
def test_emulating_a_fake_device_shows_noise(sample):
    answer = run(sample("bell_qiskit.py", "circuit.py"), "qiskit", backend="fake_brisbane", shots=4000, seed=7)
    counts = answer["results"]["counts"]
    assert counts.get("01", 0) + counts.get("10", 0) > 0, "a noisy device must show some 01/10"
    assert counts["00"] + counts["11"] > 3000
    assert answer["metrics"]["transpilation_time_ms"] > 0


def test_hardware_without_credentials_is_unavailable(sample):
    with pytest.raises(BackendUnavailable, match="credentials"):
        run(sample("bell_qiskit.py", "circuit.py"), "qiskit", backend="ibm_quantum")


def test_an_unknown_backend_is_unavailable(sample):
    with pytest.raises(BackendUnavailable):
        run(sample("bell_qiskit.py", "circuit.py"), "qiskit", backend="nope")


def test_too_many_qubits_for_the_backend_is_a_resource_limit():
    code = b"from qiskit import QuantumCircuit\ndef create_circuit():\n    qc = QuantumCircuit(20)\n    qc.h(range(20))\n    return qc\n"
    with pytest.raises(ResourceLimit, match="at most 14"):
        run({"circuit.py": code}, "qiskit", backend="aer_density_matrix")


@pytest.mark.slow
def test_a_fresh_one_shot_sandbox_runs_the_engine_too(sample, monkeypatch):
    monkeypatch.setenv("QH_SANDBOX_WARM_POOL", "0")
    answer = run(sample("bell_qiskit.py", "circuit.py"), "qiskit")
    assert_bell(answer["results"]["counts"], 2000)
