"""What benchmarks compare runs by: circuit size before and after transpiling, the seed, the calibration used."""

from __future__ import annotations

from quantum import api

TOFFOLI = b'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[3];\nh q[0];\nh q[1];\nccx q[0],q[1],q[2];\n'


def run(backend: str, seed: int | None = 11, shots: int = 500):  # type: ignore[no-untyped-def]
    return api.execute(
        files={"circuit.qasm": TOFFOLI},
        framework="openqasm2",
        entry_point=None,
        entry_function=None,
        backend=backend,
        shots=shots,
        parameters={},
        seed=seed,
    )


def test_an_ideal_run_reports_the_circuit_before_and_after_transpiling_and_its_seed():
    metrics = run("qiskit_aer")["metrics"]
    assert metrics["two_qubit_gates_before"] == 1  # the Toffoli counts as one multi-qubit gate
    assert metrics["depth_before"] == metrics["depth"] == 3
    assert metrics["seed"] == 11
    assert "calibration_snapshot" not in metrics


def test_an_emulated_device_reports_the_transpiled_size_and_its_calibration_snapshot():
    metrics = run("fake_manila")["metrics"]
    assert metrics["two_qubit_gates"] >= 6, "a Toffoli needs at least six CNOTs on a device"
    assert metrics["depth"] > metrics["depth_before"]
    assert metrics["calibration_snapshot"].startswith("fake_manila@20")


def test_the_same_seed_gives_the_same_counts_on_an_emulated_device():
    first, second = run("fake_manila", seed=5), run("fake_manila", seed=5)
    assert first["results"]["counts"] == second["results"]["counts"]


def test_the_zygote_warm_up_builds_the_device_provider_before_fork():
    from quantum import warmup
    from quantum.backends import devices

    warmup.warm_up()
    assert devices._provider.cache_info().currsize == 1
