"""Benchmarks: (1) the whole algorithms-v1 suite on the ideal simulator and on three emulated devices, through the
sandbox exactly as a worker runs it (wall time, share spent transpiling); (2) ranking queries over 100,000 stored
results (leaderboard, filtered leaderboard, my-rank, featured, matrix) through the whole Django stack.

    .venv/bin/python bench/bench_benchmarks.py [suite|ranking|all] [--backends qiskit_aer,fake_kolkata,...]
                                               [--reload] [--repeat 30]

Ranking runs against PostgreSQL (default postgres://postgres@127.0.0.1:5432/qh_bench_benchmarks, created if
missing); QH_BENCH_DATABASE_URL=sqlite:////tmp/x.db measures SQLite instead.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = os.environ.get("QH_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/qh_bench_benchmarks")
os.environ["DATABASE_URL"] = BENCH_DB
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("QH_ALLOW_INSECURE", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qubithub.settings")
os.environ.setdefault("QH_ANON_REQUESTS_PER_MINUTE", "100000000")
os.environ.setdefault("QH_FREE_REQUESTS_PER_MINUTE", "100000000")

RESULTS, USERS = 100_000, 2_000
DEFAULT_BACKENDS = "qiskit_aer,fake_kolkata,fake_sherbrooke,fake_torino"


# --- (1) the suite on backends --------------------------------------------------------------------------------
def run_suite(backends: list[str], shots: int) -> None:
    from benchmarks import scoring
    from benchmarks.suites import frozen
    from quantum import api

    spec, ideals = frozen.load("algorithms-v1")
    api.warm_up()
    print(f"algorithms-v1: {len(spec.problems)} problems, reference circuit 0 of each, {shots} shots, one at a time")
    print(f"{'backend':18} {'wall s':>8} {'transpile s':>12} {'share':>6} {'execute s':>10} {'mean F_norm':>12}")
    for backend in backends:
        started, transpiling, executing, scores = time.perf_counter(), 0.0, 0.0, []
        for problem in spec.problems:
            answer = api.execute(
                files={"circuit.qasm": problem.circuits[0].qasm.encode()},
                framework="openqasm3",
                entry_point=None,
                entry_function=None,
                backend=backend,
                shots=shots,
                parameters={},
                seed=1234,
                timeout_s=600,
            )
            transpiling += answer["metrics"]["transpilation_time_ms"] / 1000
            executing += answer["metrics"]["execution_time"]
            ideal = ideals[problem.name]
            scores.append(
                scoring.score(ideal, answer["results"]["counts"], qubits=problem.qubits)["normalized_fidelity"]
            )
        wall = time.perf_counter() - started
        print(
            f"{backend:18} {wall:8.1f} {transpiling:12.2f} {transpiling / wall:6.1%} {executing:10.1f} "
            f"{statistics.mean(scores):12.3f}",
            flush=True,
        )


# --- (2) ranking queries ---------------------------------------------------------------------------------------
def ensure_database() -> None:
    if not BENCH_DB.startswith("postgres"):
        return
    import psycopg

    name = BENCH_DB.rsplit("/", 1)[1]
    with psycopg.connect(BENCH_DB.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def load(reload: bool) -> None:
    from django.core.management import call_command

    from benchmarks.models import Result

    call_command("migrate", verbosity=0)
    if not reload and Result.objects.count() >= RESULTS:
        return
    started = time.perf_counter()
    Result.objects.all().delete()
    _users_and_suites()
    _results()
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE benchmarks_result")
    print(f"loaded {Result.objects.count():,} results in {time.perf_counter() - started:.0f} s")


def _users_and_suites() -> None:
    from django.core.management import call_command

    from accounts.models import User
    from qubithub.demo import curated_org, demo_user

    curated_org(demo_user())
    call_command("publish_benchmark_suites", verbosity=0)
    have = User.objects.filter(username__startswith="bencher").count()
    User.objects.bulk_create(
        [
            User(username=f"bencher{i}", email=f"bencher{i}@bench.local", name=f"Bencher {i}", password="!")
            for i in range(have, USERS)
        ]
    )


def _results() -> None:
    from benchmarks.models import Problem, Result, ResultStatus

    rng = random.Random(7)
    users = list(
        __import__("accounts.models", fromlist=["User"])
        .User.objects.filter(username__startswith="bencher")
        .values_list("id", flat=True)
    )
    problems = list(Problem.objects.prefetch_related("circuits"))
    hot = next(p for p in problems if p.name == "ghz-4")  # half the results on one headline problem: the worst case
    boards = [
        ("qiskit_aer", "simulation"),
        ("fake_kolkata", "emulation"),
        ("fake_sherbrooke", "emulation"),
        ("fake_torino", "emulation"),
        ("fake_brisbane", "emulation"),
    ]
    rows = []
    for i in range(RESULTS):
        problem = hot if i % 2 else rng.choice(problems)
        reference = problem.circuits.all()[0]
        backend, kind = rng.choice(boards)
        score = 1.0 - rng.random() * (0.02 if kind == "simulation" else 0.6)
        rows.append(
            Result(
                problem=problem,
                reference=reference,
                user_id=rng.choice(users),
                circuit_version_id=reference.circuit_version_id,
                backend_name=backend,
                backend_type=kind,
                shots=rng.choice((1024, 1024, 4096)),
                seed=i + 1,
                status=ResultStatus.SCORED,
                verified=True,
                ranked=True,
                score=round(score, 4),
                score_lcb=round(score - 0.03, 4),
                metrics={"normalized_fidelity": score},
            )
        )
    Result.objects.bulk_create(rows, batch_size=5000)


def measure(client, path: str, params: dict, repeat: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path, params)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path, params)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content[:300]
    with CaptureQueriesContext(connection) as queries:
        client.get(path, params)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.9) - 1], len(queries)


def run_ranking(reload: bool, repeat: int) -> None:
    from rest_framework.test import APIClient

    from accounts.models import User
    from accounts.services import tokens_issue

    load(reload)
    anonymous, signed_in = APIClient(), APIClient()
    signed_in.credentials(
        HTTP_AUTHORIZATION=f"Bearer {tokens_issue(user=User.objects.get(username='bencher1'))['access_token']}"
    )
    board = "/api/benchmarks/leaderboard/algorithms-v1"
    cases = [
        ("leaderboard ghz-4 (50,000 results), page 1", anonymous, f"{board}/ghz-4", {}),
        ("leaderboard ghz-4, backend=fake_torino, page 1", anonymous, f"{board}/ghz-4", {"backend": "fake_torino"}),
        (
            "leaderboard ghz-4, emulation, 4096 shots, page 50",
            anonymous,
            f"{board}/ghz-4",
            {"backend_type": "emulation", "shots": 4096, "page": 50},
        ),
        ("leaderboard bv-8 (~800 results), page 1", anonymous, f"{board}/bv-8", {}),
        ("my-rank ghz-4", signed_in, f"{board}/ghz-4/my-rank", {}),
        ("featured", anonymous, "/api/benchmarks/leaderboard/featured", {}),
        ("matrix algorithms-v1", anonymous, "/api/benchmarks/suites/algorithms-v1/matrix", {}),
    ]
    print(f"{'case':55} {'p50 ms':>8} {'p90 ms':>8} {'queries':>8}")
    for label, client, path, params in cases:
        p50, p90, queries = measure(client, path, params, repeat)
        print(f"{label:55} {p50:8.1f} {p90:8.1f} {queries:8d}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", nargs="?", default="all", choices=["suite", "ranking", "all"])
    parser.add_argument("--backends", default=DEFAULT_BACKENDS)
    parser.add_argument("--shots", type=int, default=1024)
    parser.add_argument("--reload", action="store_true")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    ensure_database()
    import django

    django.setup()
    if args.what in ("ranking", "all"):
        run_ranking(args.reload, args.repeat)
    if args.what in ("suite", "all"):
        run_suite(args.backends.split(","), args.shots)


if __name__ == "__main__":
    main()
