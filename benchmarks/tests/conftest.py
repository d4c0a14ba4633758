import functools

import pytest

from benchmarks.models import Result, ResultStatus
from benchmarks.services import suite_publish
from benchmarks.suites import SuiteSpec, algorithms
from qubithub.demo import CURATED_ORG, curated_org

EMULATOR = "fake_manila"  # 5 qubits: quick to transpile and to emulate


@functools.lru_cache(maxsize=1)
def tiny_spec() -> SuiteSpec:
    """algorithms-v1's own generators, three narrow problems: ghz-3 (two circuits), bv-3, qft-3."""
    problems = tuple(algorithms.problem(family, 3) for family in ("ghz", "qft", "bv"))
    return SuiteSpec(
        name="algorithms",
        version=1,
        title="Algorithms",
        description="Test-sized.",
        problems=problems,
        backends=("qiskit_aer", EMULATOR),
        shots=1024,
    )


@pytest.fixture(autouse=True)
def _quiet_run_watcher(settings):
    """Inline runs are short: the runs watcher thread need not poll SQLite while they execute."""
    settings.QH_RUN_CANCEL_POLL_SECONDS = 30


@pytest.fixture
def curator(db):
    from conftest import make_user

    user = make_user("curator")
    curated_org(user)
    return user


@pytest.fixture
def suite(curator):
    published, _ = suite_publish(spec=tiny_spec(), owner=curator, organization_slug=CURATED_ORG)
    return published


@pytest.fixture
def run_benchmark(django_capture_on_commit_callbacks):
    """POST /api/benchmarks/run and execute what it scheduled after its commit (the runs, then their scoring)."""

    def post(client, **query):
        query.setdefault("suite_name", "algorithms-v1")
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/api/benchmarks/run?" + "&".join(f"{k}={v}" for k, v in query.items()))

    return post


def make_result(
    problem, user, *, score, lcb=None, backend="qiskit_aer", backend_type="simulation", shots=1024, **extra
) -> Result:
    """A scored, ranked result written directly (leaderboard rules do not need a real run)."""
    reference = problem.circuits.first()
    return Result.objects.create(
        problem=problem,
        reference=reference,
        user=user,
        circuit_version=reference.circuit_version,
        backend_name=backend,
        backend_type=backend_type,
        shots=shots,
        seed=7,
        status=ResultStatus.SCORED,
        verified=True,
        ranked=extra.pop("ranked", True),
        score=score,
        score_lcb=score if lcb is None else lcb,
        metrics={"normalized_fidelity": score},
        **extra,
    )
