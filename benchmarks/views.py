"""Benchmark pages: suites (with the featured leaders), a suite's problems, and a problem's leaderboards with the
caller's best entry highlighted. Runs and submissions go through the API (`POST /api/benchmarks/run`)."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from benchmarks import selectors, services
from benchmarks.forms import BenchmarkRunForm
from qubithub.errors import DomainError, NotFound
from qubithub.pages import page_errors

BOARD_SIZE = 50


def suites(request):
    context = {"suites": selectors.suite_list(), "featured": selectors.featured()}
    return render(request, "benchmarks/suites.html", context)


@page_errors
def suite_page(request, suite_name: str):
    suite = selectors.suite_detail(selectors.suite_get(suite_name))
    return render(request, "benchmarks/suite.html", {"suite": suite, "matrix": _heat_map(selectors.matrix(suite))})


def _heat_map(matrix: dict) -> dict:
    """Each measured cell gets a hue from red (score 0) to green (score 1) for the heat map."""
    for row in matrix["rows"]:
        for cell in row["cells"]:
            if cell is not None:
                cell["hue"] = round(120 * min(max(cell["mean"], 0.0), 1.0))
    return matrix


def _my_best(request, problem):
    if not request.user.is_authenticated:
        return None
    try:
        return selectors.my_rank(problem=problem, user=request.user, filters={})
    except NotFound:
        return None


@page_errors
def problem_page(request, suite_name: str, problem_id: str):
    problem = selectors.problem_get(selectors.suite_get(suite_name), problem_id)
    entries = selectors.leaderboard_slice(problem=problem, filters={}, start=0, stop=BOARD_SIZE * 4)
    boards = [
        {"backend_type": key[0], "shots": key[1], "entries": list(rows)[:BOARD_SIZE]}
        for key, rows in groupby(entries, key=lambda e: (e.backend_type, e.shots))
    ]
    context = {"problem": problem, "suite": problem.suite, "boards": boards, "mine": _my_best(request, problem)}
    if request.user.is_authenticated:
        context["run_form"] = BenchmarkRunForm(problem=problem)
    return render(request, "benchmarks/problem.html", context)


@require_POST
@login_required
@page_errors
def problem_run(request, suite_name: str, problem_id: str):
    """Run a reference circuit of the problem; the result is ranked once its run is scored."""
    problem = selectors.problem_get(selectors.suite_get(suite_name), problem_id)
    form = BenchmarkRunForm(request.POST, problem=problem)
    try:
        if not form.is_valid():
            raise DomainError(" ".join(e for errors in form.errors.values() for e in errors))
        results = services.benchmark_run(
            user=request.user, suite_name=problem.suite.key, problem_idx=problem.index, **form.service_arguments()
        )
    except DomainError as exc:
        messages.error(request, f"Could not run the benchmark: {exc.detail}")
        return redirect("benchmark-problem", suite_name, problem_id)
    messages.success(request, f"Started {len(results)} run(s); each is ranked here once scored.")
    first = next((r for r in results if r.run_id), None)
    return redirect("run-page", first.run_id) if first else redirect("benchmark-problem", suite_name, problem_id)
