"""Verified entries re-run bit for bit; users' circuits must reproduce the ideal before they are ranked."""

import pytest

from benchmarks.models import Result
from benchmarks.tests.conftest import EMULATOR
from circuits.services import IncomingFile, circuit_create, circuit_version_publish

pytestmark = pytest.mark.django_db
GHZ_BACKWARDS = b'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[3];\nh q[2];\ncx q[2],q[1];\ncx q[1],q[0];\n'
NOT_GHZ = b'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[3];\nh q[0];\ncx q[0],q[1];\n'


def user_circuit(user, name, qasm, *, is_public=True):
    circuit = circuit_create(creator=user, name=name, title=name, framework="openqasm3", qubits=3, is_public=is_public)
    circuit_version_publish(circuit=circuit, author=user, files=[IncomingFile("circuit.qasm", qasm)], max_bytes=10**6)
    return circuit


@pytest.fixture
def submit(django_capture_on_commit_callbacks):
    def post(client, circuit, **body):
        payload = {
            "suite_name": "algorithms-v1",
            "problem_idx": 0,
            "circuit_id": str(circuit.id),
            "backends": ["qiskit_aer"],
            **body,
        }
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/api/benchmarks/submissions", payload, format="json")

    return post


@pytest.mark.parametrize("backend", ["qiskit_aer", EMULATOR])
def test_a_rerun_reproduces_the_counts(
    alice_api, bob_api, suite, run_benchmark, django_capture_on_commit_callbacks, backend
):
    (original,) = run_benchmark(alice_api, backend=backend).json()["results"]
    with django_capture_on_commit_callbacks(execute=True):
        response = bob_api.post(f"/api/benchmarks/results/{original['id']}/rerun")
    assert response.status_code == 201
    rerun = bob_api.get(f"/api/benchmarks/results/{response.json()['id']}").json()
    assert rerun["rerun_of_id"] == original["id"] and rerun["seed"] == original["seed"]
    assert rerun["metrics"]["same_counts_as_original"] is True
    counts = [bob_api.get(f"/api/runs/{r['run_id']}").json()["results"]["counts"] for r in (original, rerun)]
    assert counts[0] == counts[1]


def test_a_result_still_running_cannot_be_rerun(alice_api, suite):
    from benchmarks.services import benchmark_run

    (pending,) = benchmark_run(
        user=suite.problems.first().circuits.first().circuit_version.author,
        suite_name="algorithms-v1",
        backend="qiskit_aer",
    )
    assert alice_api.post(f"/api/benchmarks/results/{pending.id}/rerun").status_code == 409


def test_a_correct_user_circuit_is_accepted_and_ranked(alice, alice_api, api, suite, submit):
    response = submit(alice_api, user_circuit(alice, "my-ghz", GHZ_BACKWARDS))
    assert response.status_code == 201, response.json()
    submission = alice_api.get(f"/api/benchmarks/submissions/{response.json()['id']}").json()
    assert submission["status"] == "accepted" and submission["check_fidelity"] == pytest.approx(1.0)
    entries = api.get("/api/benchmarks/leaderboard/algorithms-v1/ghz-3").json()["entries"]
    assert [e["circuit"]["repo_name"] for e in entries] == ["alice/my-ghz"]


def test_a_wrong_user_circuit_is_refused_from_the_leaderboard(alice, alice_api, api, suite, submit):
    response = submit(alice_api, user_circuit(alice, "not-ghz", NOT_GHZ))
    submission = alice_api.get(f"/api/benchmarks/submissions/{response.json()['id']}").json()
    assert submission["status"] == "refused"
    assert "below 0.99" in submission["detail"] and submission["check_fidelity"] < 0.99
    (result_id,) = submission["results"]
    result = Result.objects.get(pk=result_id)
    assert result.status == "scored" and not result.ranked
    assert api.get("/api/benchmarks/leaderboard/algorithms-v1/ghz-3").json()["entries"] == []


def test_a_private_circuit_ranks_without_showing_its_code_to_others(alice, alice_api, charlie_api, suite, submit):
    submit(alice_api, user_circuit(alice, "secret-ghz", GHZ_BACKWARDS, is_public=False))
    (theirs,) = charlie_api.get("/api/benchmarks/leaderboard/algorithms-v1/ghz-3").json()["entries"]
    (mine,) = alice_api.get("/api/benchmarks/leaderboard/algorithms-v1/ghz-3").json()["entries"]
    assert theirs["circuit"] is None and mine["circuit"]["repo_name"] == "alice/secret-ghz"


def test_someone_elses_private_circuit_cannot_be_submitted(alice, charlie_api, suite, submit):
    circuit = user_circuit(alice, "secret-ghz", GHZ_BACKWARDS, is_public=False)
    assert submit(charlie_api, circuit).status_code == 404


def test_running_again_or_rerunning_keeps_one_entry_per_user_circuit_and_backend(
    alice_api, api, suite, run_benchmark, django_capture_on_commit_callbacks
):
    (first,) = run_benchmark(alice_api, problem_idx=0, circuit_idx=0, backend="qiskit_aer").json()["results"]
    run_benchmark(alice_api, problem_idx=0, circuit_idx=0, backend="qiskit_aer")
    with django_capture_on_commit_callbacks(execute=True):
        assert alice_api.post(f"/api/benchmarks/results/{first['id']}/rerun").status_code == 201
    problem = suite.problems.order_by("index").first()
    entries = api.get(f"/api/benchmarks/leaderboard/algorithms-v1/{problem.name}").json()["entries"]
    mine = [e for e in entries if e["user"]["username"] == "alice" and e["backend"] == "qiskit_aer"]
    assert len(mine) == 1, entries  # the best of the three results; the others are kept but not ranked
    scores = [r.score for r in problem.results.filter(user__username="alice", backend_name="qiskit_aer")]
    assert len(scores) == 3 and mine[0]["score"] == pytest.approx(max(scores))
