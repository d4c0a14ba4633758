"""Starting benchmark work: each result is an ordinary run (visible in the runs API and on its WebSocket) with a
recorded seed, so a simulator result can be re-run bit for bit."""

import secrets

from django.db import transaction

from benchmarks import selectors
from benchmarks.models import Problem, ReferenceCircuit, Result, ResultStatus, Submission
from circuits import selectors as circuit_selectors
from qubithub.errors import Conflict, InvalidInput
from runs import engine
from runs.services import run_submit

BENCHMARKABLE_TYPES = ("simulation", "emulation")
CHECK_BACKEND = "aer_statevector"
CHECK_THRESHOLD = 0.99


def new_seed() -> int:
    return secrets.randbelow(2**31 - 1) + 1


def _benchmarkable() -> dict[str, dict]:
    return {
        b["id"]: b
        for b in engine.backend_catalogue()
        if b["type"] in BENCHMARKABLE_TYPES and b.get("status") == "available"
    }


def benchmark_backends() -> list[dict]:
    """The backends a benchmark may use (available simulators and emulated devices), simulators first."""
    return sorted(_benchmarkable().values(), key=lambda b: (b["type"] != "simulation", b["id"]))


def backends_for(*, problem: Problem, backend: str | None) -> list[dict]:
    """The named backend (400 listing valid ones when unknown or too small), or the suite's backends that fit."""
    available = _benchmarkable()
    if backend is None:
        listed = [available[b] for b in problem.suite.backends if b in available]
        return [b for b in listed if not b.get("qubits") or b["qubits"] >= problem.qubits]
    if backend not in available:
        raise InvalidInput(
            f"Unknown backend '{backend}' for benchmarks. Valid backends (simulators and emulated "
            f"devices): {', '.join(sorted(available))}."
        )
    chosen = available[backend]
    if chosen.get("qubits") and chosen["qubits"] < problem.qubits:
        raise InvalidInput(
            f"'{backend}' has {chosen['qubits']} qubits; problem '{problem.name}' needs {problem.qubits}."
        )
    return [chosen]


def _result_start(
    *,
    user,
    problem: Problem,
    version,
    backend: dict,
    shots: int,
    seed: int,
    reference: ReferenceCircuit | None = None,
    submission: Submission | None = None,
    rerun_of: Result | None = None,
) -> Result:
    run = run_submit(
        user=user,
        circuit_id=version.circuit_id,
        backend_type=backend["type"],
        backend_name=backend["id"],
        shots=shots,
        seed=seed,
        version=version,
    )
    return Result.objects.create(
        problem=problem,
        reference=reference,
        submission=submission,
        user=user,
        circuit_version=version,
        run=run,
        rerun_of=rerun_of,
        backend_name=backend["id"],
        backend_type=backend["type"],
        shots=shots,
        seed=seed,
    )


def benchmark_run(
    *,
    user,
    suite_name: str,
    problem_idx: int = 0,
    circuit_idx: int = 0,
    backend: str | None = None,
    shots: int | None = None,
) -> list[Result]:
    """POST /benchmarks/run: one result (and run) per backend for a reference circuit of a problem."""
    suite = selectors.suite_for_run(suite_name)
    problem = selectors.problem_at(suite, problem_idx)
    reference = selectors.reference_at(problem, circuit_idx)
    chosen = backends_for(problem=problem, backend=backend)
    with transaction.atomic():
        return [
            _result_start(
                user=user,
                problem=problem,
                version=reference.circuit_version,
                backend=b,
                shots=shots or suite.shots,
                seed=new_seed(),
                reference=reference,
            )
            for b in chosen
        ]


def result_rerun(*, user, result: Result) -> Result:
    """The same circuit version, backend, shots and seed: a simulator gives the same counts."""
    if result.status != ResultStatus.SCORED:
        raise Conflict("Only a scored result can be re-run; this one is still running or failed.")
    backend = _benchmarkable().get(result.backend_name)
    if backend is None:
        raise Conflict(f"Backend '{result.backend_name}' is no longer available.")
    with transaction.atomic():
        return _result_start(
            user=user,
            problem=result.problem,
            version=result.circuit_version,
            backend=backend,
            shots=result.shots,
            seed=result.seed,
            reference=result.reference,
            submission=result.submission,
            rerun_of=result,
        )


def submission_create(
    *,
    user,
    suite_name: str,
    problem_idx: int,
    circuit_id,
    version_number: int | None = None,
    backends: list[str] | None = None,
    shots: int | None = None,
) -> Submission:
    """A user's circuit as a solution: a check run on the ideal simulator (it must reproduce the problem's ideal
    distribution) and results on the chosen backends, which enter leaderboards only once the check passes."""
    suite = selectors.suite_for_run(suite_name)
    problem = selectors.problem_at(suite, problem_idx)
    circuit = circuit_selectors.circuit_get(user=user, circuit_id=circuit_id)
    version = _version_of(circuit, version_number)
    chosen = (
        [b for name in backends for b in backends_for(problem=problem, backend=name)]
        if backends
        else backends_for(problem=problem, backend=None)
    )
    with transaction.atomic():
        check = run_submit(
            user=user,
            circuit_id=circuit.id,
            backend_type="simulation",
            backend_name=CHECK_BACKEND,
            shots=suite.shots,
            want_statevector=True,
            seed=new_seed(),
            version=version,
        )
        submission = Submission.objects.create(problem=problem, user=user, circuit_version=version, check_run=check)
        for backend in chosen:
            _result_start(
                user=user,
                problem=problem,
                version=version,
                backend=backend,
                shots=shots or suite.shots,
                seed=new_seed(),
                submission=submission,
            )
    return submission


def _version_of(circuit, version_number: int | None):
    versions = circuit.versions.order_by("-version_number")
    version = versions.filter(version_number=version_number).first() if version_number else versions.first()
    if version is None:
        known = ", ".join(str(n) for n in versions.values_list("version_number", flat=True)) or "none yet"
        raise InvalidInput(f"Circuit '{circuit.repo_name}' has no version {version_number or ''}; versions: {known}.")
    return version
