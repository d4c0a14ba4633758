"""Leaderboards compare like with like (same problem, backend class and shots); ties go to the higher lower bound."""

import pytest

from benchmarks.tests.conftest import make_result

pytestmark = pytest.mark.django_db
BOARD = "/api/benchmarks/leaderboard/algorithms-v1/ghz-3"


@pytest.fixture
def ghz(suite):
    return suite.problems.get(name="ghz-3")


def ranks(response) -> list[tuple[int, str, float]]:
    return [(e["rank"], e["user"]["username"], e["score"]) for e in response.json()["entries"]]


def test_entries_are_ranked_by_score_then_by_lower_confidence_bound(api, ghz, alice, bob, charlie):
    make_result(ghz, alice, score=0.90, lcb=0.80)
    make_result(ghz, bob, score=0.95, lcb=0.90)
    make_result(ghz, charlie, score=0.90, lcb=0.85)
    assert ranks(api.get(BOARD)) == [(1, "bob", 0.95), (2, "charlie", 0.90), (3, "alice", 0.90)]


def test_only_like_is_compared_with_like(api, ghz, alice, bob, charlie):
    make_result(ghz, alice, score=0.99)
    make_result(ghz, bob, score=0.70, backend="fake_manila", backend_type="emulation")
    make_result(ghz, charlie, score=0.60, backend="fake_manila", backend_type="emulation", shots=4096)
    entries = api.get(BOARD).json()["entries"]
    boards = [(e["backend_type"], e["shots"], e["rank"]) for e in entries]
    assert boards == [("emulation", 1024, 1), ("emulation", 4096, 1), ("simulation", 1024, 1)]


def test_filters_narrow_the_board(api, ghz, alice, bob):
    make_result(ghz, alice, score=0.99)
    make_result(ghz, bob, score=0.70, backend="fake_manila", backend_type="emulation")
    assert ranks(api.get(BOARD, {"backend": "fake_manila"})) == [(1, "bob", 0.70)]
    assert ranks(api.get(BOARD, {"backend_type": "simulation", "shots": 1024})) == [(1, "alice", 0.99)]
    assert api.get(BOARD, {"backend_type": "quantum-annealer"}).status_code == 400


def test_each_entry_shows_user_circuit_version_backend_metrics_verified_and_date(api, ghz, alice):
    make_result(ghz, alice, score=0.97)
    body = api.get(BOARD).json()
    (entry,) = body["entries"]
    assert body["metric"] == "normalized_fidelity" and body["total"] == 1
    assert entry["circuit"]["repo_name"] == "qubithub/bench-algorithms-v1-ghz-3-ghz-chain"
    assert entry["circuit"]["version"] == 1 and entry["backend"] == "qiskit_aer"
    assert entry["verified"] is True and entry["created_at"] and entry["metrics"]["normalized_fidelity"] == 0.97


def test_unranked_results_stay_off_the_board(api, ghz, alice):
    make_result(ghz, alice, score=1.0, ranked=False)
    assert api.get(BOARD).json()["entries"] == []


def test_the_problem_may_be_named_by_index_name_or_id_and_the_suite_by_name_or_version(api, ghz, alice):
    make_result(ghz, alice, score=0.9)
    for path in ("algorithms/0", "algorithms@1/ghz-3", f"algorithms-v1/{ghz.id}"):
        assert api.get(f"/api/benchmarks/leaderboard/{path}").json()["total"] == 1, path
    assert api.get("/api/benchmarks/leaderboard/algorithms/ghz-99").status_code == 404
    assert api.get("/api/benchmarks/leaderboard/algorithms@7/0").status_code == 404


class TestMyRank:
    def test_it_gives_my_best_entry_and_its_rank(self, alice_api, ghz, alice, bob):
        make_result(ghz, bob, score=0.95)
        make_result(ghz, alice, score=0.80)
        make_result(ghz, alice, score=0.90)
        body = alice_api.get(f"{BOARD}/my-rank").json()
        assert (body["rank"], body["board_size"], body["entry"]["score"]) == (2, 3, 0.90)

    def test_without_an_entry_it_is_a_404_that_says_so(self, charlie_api, ghz, alice):
        make_result(ghz, alice, score=0.95)
        response = charlie_api.get(f"{BOARD}/my-rank")
        assert response.status_code == 404
        assert "You have no ranked result on 'ghz-3'" in response.json()["detail"]

    def test_it_needs_a_signed_in_caller(self, api, ghz):
        assert api.get(f"{BOARD}/my-rank").status_code == 401


def test_featured_shows_the_leader_of_each_board_of_headline_problems(api, suite, alice, bob):
    ghz = suite.problems.get(name="ghz-3")
    ghz.headline = True
    ghz.save()
    make_result(ghz, alice, score=0.99)
    make_result(ghz, bob, score=0.98)
    make_result(ghz, bob, score=0.70, backend="fake_manila", backend_type="emulation")
    (item,) = api.get("/api/benchmarks/leaderboard/featured").json()["featured"]
    assert item["suite"] == "algorithms-v1" and item["problem"]["name"] == "ghz-3"
    assert [(e["user"]["username"], e["backend"]) for e in item["leaders"]] == [
        ("bob", "fake_manila"),
        ("alice", "qiskit_aer"),
    ]


def test_featured_is_a_list_in_the_list_envelope_and_pages_like_one(api, suite):
    suite.problems.filter(name__in=["ghz-3", "bv-3"]).update(headline=True)
    body = api.get("/api/benchmarks/leaderboard/featured?limit=1").json()
    assert (body["total"], body["page"], body["pages"], len(body["featured"])) == (2, 1, 2, 1)
    second = api.get("/api/benchmarks/leaderboard/featured?limit=1&page=2").json()["featured"]
    assert second[0]["problem"]["name"] != body["featured"][0]["problem"]["name"]
    assert api.get("/api/benchmarks/leaderboard/featured?limit=0").status_code == 400


def test_the_matrix_has_every_reference_circuit_against_every_backend(api, suite, alice):
    ghz = suite.problems.get(name="ghz-3")
    make_result(ghz, alice, score=0.9, backend="fake_manila", backend_type="emulation")
    make_result(ghz, alice, score=0.7, backend="fake_manila", backend_type="emulation")
    make_result(ghz, alice, score=0.6, backend="fake_lima", backend_type="emulation")
    body = api.get("/api/benchmarks/suites/algorithms-v1/matrix").json()
    assert body["backends"] == ["qiskit_aer", "fake_manila", "fake_lima"]
    assert [(r["problem"], r["circuit"]) for r in body["rows"]][:2] == [("ghz-3", "ghz-chain"), ("ghz-3", "ghz-tree")]
    assert len(body["rows"]) == 4
    first = body["rows"][0]["cells"]
    assert first[0] is None and (first[1]["mean"], first[1]["best"], first[1]["runs"]) == (0.8, 0.9, 2)


def test_suites_list_and_detail(api, suite):
    listed = api.get("/api/benchmarks/suites").json()
    assert [s["key"] for s in listed["suites"]] == ["algorithms-v1"] and listed["total"] == 1
    detail = api.get("/api/benchmarks/suites/algorithms").json()
    assert [(p["problem_idx"], p["name"], p["qubits"]) for p in detail["problems"]] == [
        (0, "ghz-3", 3),
        (1, "qft-3", 3),
        (2, "bv-3", 3),
    ]
    assert [c["circuit_idx"] for c in detail["problems"][0]["circuits"]] == [0, 1]
    problem = api.get("/api/benchmarks/suites/algorithms-v1/problems/bv-3").json()
    assert len(problem["ideal_distribution"]) == 1
    assert api.get("/api/benchmarks/suites/unknown").status_code == 404


def test_ranks_continue_across_pages_and_restart_with_each_board(api, ghz, alice, bob, charlie):
    for user, score in ((alice, 0.9), (bob, 0.8), (charlie, 0.7)):
        make_result(ghz, user, score=score, backend="fake_manila", backend_type="emulation")
    make_result(ghz, alice, score=0.99)
    second = api.get(BOARD, {"limit": 2, "page": 2}).json()["entries"]
    assert [(e["backend_type"], e["rank"], e["score"]) for e in second] == [
        ("emulation", 3, 0.7),
        ("simulation", 1, 0.99),
    ]
