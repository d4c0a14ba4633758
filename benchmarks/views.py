"""Benchmark pages: suites (with the featured leaders), a suite's problems, and a problem's leaderboards with the
caller's best entry highlighted. Runs and submissions go through the API (`POST /api/benchmarks/run`)."""

from itertools import groupby

from django.shortcuts import render

from benchmarks import selectors
from qubithub.errors import NotFound
from qubithub.pages import page_errors

BOARD_SIZE = 50


def suites(request):
    context = {"suites": selectors.suite_list(), "featured": selectors.featured()}
    return render(request, "benchmarks/suites.html", context)


@page_errors
def suite_page(request, suite_name: str):
    suite = selectors.suite_detail(selectors.suite_get(suite_name))
    return render(request, "benchmarks/suite.html", {"suite": suite})


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
    entries = list(selectors.leaderboard(problem=problem, filters={})[: BOARD_SIZE * 4])
    boards = [
        {"backend_type": key[0], "shots": key[1], "entries": list(rows)[:BOARD_SIZE]}
        for key, rows in groupby(entries, key=lambda e: (e.backend_type, e.shots))
    ]
    context = {"problem": problem, "suite": problem.suite, "boards": boards, "mine": _my_best(request, problem)}
    return render(request, "benchmarks/problem.html", context)
