"""Reads on benchmarks: suites by name, problems by index or name, leaderboards, my rank, featured, the matrix."""

import re
import uuid

from django.db.models import Avg, Count, Max, Prefetch

from benchmarks.models import Problem, ReferenceCircuit, Result, ResultStatus, Submission, SubmissionStatus, Suite
from benchmarks.querysets import BOARD, RANK_ORDER, assign_ranks
from qubithub.errors import InvalidInput, NotFound
from runs.models import RunStatus

SUITE_NAME = re.compile(r"^(?P<name>[a-z0-9-]+?)(?:@v?(?P<at>\d+)|-v(?P<dash>\d+))?$")


def _suite_lookup(suite_name: str) -> Suite | None:
    match = SUITE_NAME.match((suite_name or "").strip().lower())
    if match is None:
        return None
    version = match.group("at") or match.group("dash")
    suites = Suite.objects.filter(name=match.group("name"))
    if version is not None:
        return suites.filter(version=int(version)).first()
    return suites.order_by("-version").first()


def _known_suites() -> str:
    return ", ".join(s.key for s in Suite.objects.order_by("name", "version")) or "none published yet"


def suite_get(suite_name: str) -> Suite:
    """`name` (its latest version), `name@version` or `name-vN`; 404 when unknown."""
    suite = _suite_lookup(suite_name)
    if suite is None:
        raise NotFound(f"Benchmark suite '{suite_name}' not found. Suites: {_known_suites()}.")
    return suite


def suite_for_run(suite_name: str) -> Suite:
    suite = _suite_lookup(suite_name)
    if suite is None:
        raise InvalidInput(f"Unknown suite '{suite_name}'. Valid suites: {_known_suites()}.")
    return suite


def suite_list():
    return Suite.objects.annotate(problems_count=Count("problems")).order_by("name", "-version")


def suite_detail(suite: Suite) -> Suite:
    circuits = ReferenceCircuit.objects.select_related("circuit_version__circuit__organization").order_by("index")
    problems = Problem.objects.defer("ideal_distribution").prefetch_related(Prefetch("circuits", queryset=circuits))
    return Suite.objects.prefetch_related(Prefetch("problems", queryset=problems.order_by("index"))).get(pk=suite.pk)


def problem_at(suite: Suite, problem_idx: int) -> Problem:
    problem = suite.problems.filter(index=problem_idx).first()
    if problem is None:
        count = suite.problems.count()
        raise InvalidInput(f"Unknown problem_idx {problem_idx} in {suite.key}: valid values are 0 to {count - 1}.")
    return problem


def reference_at(problem: Problem, circuit_idx: int) -> ReferenceCircuit:
    reference = problem.circuits.select_related("circuit_version").filter(index=circuit_idx).first()
    if reference is None:
        valid = ", ".join(f"{c.index} ({c.name})" for c in problem.circuits.order_by("index"))
        raise InvalidInput(f"Unknown circuit_idx {circuit_idx} for problem '{problem.name}': valid values are {valid}.")
    return reference


def problem_get(suite: Suite, problem_id: str) -> Problem:
    """By index, name or id."""
    problems = suite.problems.select_related("suite")
    value = (problem_id or "").strip()
    if value.isdigit():
        problem = problems.filter(index=int(value)).first()
    else:
        try:
            problem = problems.filter(id=uuid.UUID(value)).first()
        except ValueError:
            problem = problems.filter(name=value.lower()).first()
    if problem is None:
        raise NotFound(f"Problem '{problem_id}' not found in {suite.key}.")
    return problem


def board_results(*, problem: Problem, filters: dict):
    """Ranked results of a problem, like with like (same backend class and shots), filtered."""
    results = Result.objects.filter(problem=problem).ranked()
    for field, key in (("backend_name", "backend"), ("backend_type", "backend_type"), ("shots", "shots")):
        if filters.get(key):
            results = results.filter(**{field: filters[key]})
    if filters.get("verified") is not None:
        results = results.filter(verified=filters["verified"])
    return results


ENTRY_RELATIONS = ("user", "circuit_version__circuit__organization", "problem__suite", "reference")


def leaderboard(*, problem: Problem, filters: dict):
    """Ranked results in board order (backend class, shots, then rank); ranks come from `leaderboard_slice`."""
    return board_results(problem=problem, filters=filters).board_order().select_related(*ENTRY_RELATIONS)


def leaderboard_slice(*, problem: Problem, filters: dict, start: int, stop: int) -> list[Result]:
    entries = list(leaderboard(problem=problem, filters=filters)[start:stop])
    return assign_ranks(entries, board_results(problem=problem, filters=filters))


def my_rank(*, problem: Problem, user, filters: dict) -> dict:
    """The caller's best-ranked entry over the boards the filters leave (lowest rank, then highest score)."""
    board = board_results(problem=problem, filters=filters)
    best_per_board: dict[tuple, Result] = {}
    for entry in (
        board.filter(user=user)
        .order_by(*RANK_ORDER)
        .select_related("user", "circuit_version__circuit__organization", "problem__suite")
    ):
        best_per_board.setdefault((entry.backend_type, entry.shots), entry)
    if not best_per_board:
        raise NotFound(
            f"You have no ranked result on '{problem.name}' ({problem.suite.key}) with these filters; "
            f"run it with POST /api/benchmarks/run and it will be ranked once scored."
        )
    for entry in best_per_board.values():
        entry.rank = board.ahead_of(entry).count() + 1
    best = min(best_per_board.values(), key=lambda e: (e.rank, -e.score))
    size = board.filter(backend_type=best.backend_type, shots=best.shots).count()
    return {"rank": best.rank, "board_size": size, "entry": best}


def featured() -> list[dict]:
    """For each suite's headline problems (latest versions): the leader of each board."""
    latest = {}
    for suite in Suite.objects.order_by("name", "-version"):
        latest.setdefault(suite.name, suite)
    items = []
    for problem in Problem.objects.filter(suite__in=latest.values(), headline=True).select_related("suite"):
        board = board_results(problem=problem, filters={})
        keys = board.order_by(*BOARD).values_list(*BOARD).distinct()
        leaders = [
            leaderboard(problem=problem, filters={}).filter(backend_type=kind, shots=shots).first()
            for kind, shots in keys
        ]
        for leader in leaders:
            leader.rank = 1
        items.append({"suite": problem.suite, "problem": problem, "leaders": leaders})
    return items


def matrix(suite: Suite) -> dict:
    """Every reference circuit (rows) on every backend that ran it or the suite lists (columns): the mean and best
    score over scored results, and how many; one aggregate query."""
    cells = (
        Result.objects.filter(problem__suite=suite, reference__isnull=False, status=ResultStatus.SCORED)
        .values("reference_id", "backend_name", "backend_type")
        .annotate(mean=Avg("score"), best=Max("score"), runs=Count("id"), last=Max("scored_at"))
    )
    by_cell = {(c["reference_id"], c["backend_name"]): c for c in cells}
    types = {c["backend_name"]: c["backend_type"] for c in by_cell.values()}
    backends = list(suite.backends) + sorted(
        set(types) - set(suite.backends), key=lambda b: (types[b] != "simulation", b)
    )
    references = ReferenceCircuit.objects.filter(problem__suite=suite).select_related("problem")
    rows = []
    for ref in references.order_by("problem__index", "index"):
        row_cells = []
        for backend in backends:
            cell = by_cell.get((ref.id, backend))
            row_cells.append(
                None
                if cell is None
                else {
                    "mean": round(cell["mean"], 6),
                    "best": round(cell["best"], 6),
                    "runs": cell["runs"],
                    "last": cell["last"],
                }
            )
        rows.append(
            {
                "problem_idx": ref.problem.index,
                "problem": ref.problem.name,
                "qubits": ref.problem.qubits,
                "circuit_idx": ref.index,
                "circuit": ref.name,
                "cells": row_cells,
            }
        )
    return {"suite": suite.key, "metric": suite.metric, "backends": backends, "rows": rows}


def result_get(result_id) -> Result:
    result = (
        Result.objects.select_related("problem__suite", "user", "circuit_version__circuit__organization", "run")
        .filter(pk=result_id)
        .first()
    )
    if result is None:
        raise NotFound("Benchmark result not found.")
    return result


def result_state(result: Result) -> str:
    """pending / running / scored / failed: a run that failed or was cancelled fails its result."""
    if result.status != ResultStatus.PENDING:
        return result.status
    if result.run is None or result.run.status in (RunStatus.FAILED, RunStatus.CANCELLED):
        return ResultStatus.FAILED
    return "running" if result.run.status == RunStatus.RUNNING else ResultStatus.PENDING


def submission_get(*, user, submission_id) -> Submission:
    submission = (
        Submission.objects.select_related("problem__suite", "check_run", "circuit_version__circuit")
        .filter(pk=submission_id, user=user)
        .first()
    )
    if submission is None:
        raise NotFound("Submission not found.")
    return submission


def submission_state(submission: Submission) -> tuple[str, str]:
    """A check run that failed refuses the submission (its hook only sees completed runs)."""
    run = submission.check_run
    if submission.status == SubmissionStatus.CHECKING and (
        run is None or run.status in (RunStatus.FAILED, RunStatus.CANCELLED)
    ):
        reason = run.error_message if run is not None else "the check run was deleted"
        return SubmissionStatus.REFUSED, f"The check run on the ideal simulator failed: {reason}"
    return submission.status, submission.detail
