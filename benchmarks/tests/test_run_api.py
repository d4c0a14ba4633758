"""POST /api/benchmarks/run: ordinary runs, scored against the ideal, on one backend or all the suite lists."""

import pytest

from benchmarks.models import Result
from benchmarks.tests.conftest import EMULATOR
from conftest import key_client

pytestmark = pytest.mark.django_db


def test_a_run_on_the_ideal_simulator_scores_one_within_its_uncertainty(alice_api, suite, run_benchmark):
    response = run_benchmark(alice_api, problem_idx=0, circuit_idx=0, backend="qiskit_aer")
    assert response.status_code == 201, response.json()
    (created,) = response.json()["results"]
    result = alice_api.get(f"/api/benchmarks/results/{created['id']}").json()
    assert result["status"] == "scored" and result["verified"] and result["ranked"]
    metrics = result["metrics"]
    assert 1 - result["score"] <= 2 * metrics["normalized_fidelity_uncertainty"]
    assert metrics["depth_before"] == metrics["depth"] and metrics["two_qubit_gates"] == 2
    assert {"transpilation_time_ms", "execution_time_ms", "total_variation_distance"} <= set(metrics)
    assert result["seed"] and result["calibration_snapshot"] == ""


def test_a_noisy_emulated_device_scores_clearly_below_one(alice_api, suite, run_benchmark):
    (created,) = run_benchmark(alice_api, problem_idx=0, backend=EMULATOR).json()["results"]
    result = alice_api.get(f"/api/benchmarks/results/{created['id']}").json()
    assert result["status"] == "scored", result
    sigma = result["metrics"]["normalized_fidelity_uncertainty"]
    assert result["score"] < 1 - 3 * sigma and result["score"] < 0.99
    assert result["calibration_snapshot"].startswith(f"{EMULATOR}@")
    assert result["metrics"]["two_qubit_gates"] >= 2


def test_without_a_backend_it_runs_on_every_backend_the_suite_lists_and_the_runs_are_ordinary(
    alice_api, suite, run_benchmark
):
    results = run_benchmark(alice_api, problem_idx=1).json()["results"]
    assert sorted(r["backend"] for r in results) == sorted(["qiskit_aer", EMULATOR])
    runs = alice_api.get("/api/runs").json()["runs"]
    assert {r["id"] for r in runs} == {r["run_id"] for r in results}
    assert all(r["status"] == "completed" for r in runs)


@pytest.mark.parametrize(
    ("query", "valid"),
    [
        ({"suite_name": "nope"}, "algorithms-v1"),
        ({"problem_idx": 9}, "0 to 2"),
        ({"circuit_idx": 5}, "0 (ghz-chain), 1 (ghz-tree)"),
        ({"backend": "warp_drive"}, "qiskit_aer"),
    ],
)
def test_unknown_names_are_a_400_listing_the_valid_values(alice_api, suite, run_benchmark, query, valid):
    response = run_benchmark(alice_api, **query)
    assert response.status_code == 400
    assert valid in response.json()["detail"]
    assert not Result.objects.exists()


def test_a_key_without_runs_submit_is_refused_and_one_with_it_may_run(alice, suite, run_benchmark):
    reader = key_client(alice, scopes=["runs:read", "circuit:read"])
    assert run_benchmark(reader, backend="qiskit_aer").status_code == 403
    assert reader.get("/api/benchmarks/suites").status_code == 200
    submitter = key_client(alice, scopes=["runs:submit"])
    assert run_benchmark(submitter, backend="qiskit_aer").status_code == 201


def test_anonymous_callers_must_sign_in_to_run(api, suite, run_benchmark):
    assert run_benchmark(api).status_code == 401


@pytest.mark.parametrize(
    "query",
    [
        "suite_name=algorithms-v1&problem_idx=99999999999999999999",
        "suite_name=algorithms-v1&circuit_idx=9223372036854775808",
        "suite_name=algorithms-v1&shots=999999999999",
        "suite_name=algorithms-v1&shots=abc",
        "suite_name=algorithms-v1&problem_idx=-1",
        "suite_name=algorithms-v1&problem_idx=1.5",
        "suite_name=algorithms-v1&backend=%C3%94%29z",
        "suite_name=algorithms-v1&backend=" + "b" * 101,
        "suite_name=algorithms@99999999999999999999",
        "suite_name=%C2%84",
        "suite_name=",
        "",
    ],
)
def test_odd_query_values_are_a_4xx_with_a_detail_and_start_nothing(alice_api, suite, query):
    response = alice_api.post("/api/benchmarks/run?" + query)
    assert response.status_code == 400, response.content
    assert response.json()["detail"]
    assert not Result.objects.exists()
