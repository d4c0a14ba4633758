"""Benchmark pages: suites (with the featured leaders), a suite's problems, a problem's leaderboards with the
caller's best entry highlighted and its Run form, a result (polled while it runs) with Re-run, and submitting a
circuit. Each write calls the same service as its API endpoint."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from benchmarks import selectors, services
from benchmarks.forms import BenchmarkRunForm, SubmissionForm
from benchmarks.models import ResultStatus, SubmissionStatus
from benchmarks.services.running import benchmark_backends
from circuits import selectors as circuit_selectors
from orgs.access import can_view
from qubithub.errors import DomainError, NotFound
from qubithub.pages import page_errors

BOARD_SIZE = 50
MY_CIRCUITS = 100  # suggestions in the submission form
UNFINISHED = (ResultStatus.PENDING, "running")


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


def _problem(suite_name: str, problem_id: str):
    return selectors.problem_get(selectors.suite_get(suite_name), problem_id)


def _render_problem(request, problem, *, run_form=None, status: int = 200):
    entries = selectors.leaderboard_slice(problem=problem, filters={}, start=0, stop=BOARD_SIZE * 4)
    for entry in entries:  # as in the API, a private circuit still ranks but its name stays private
        entry.circuit_visible = can_view(request.user, entry.circuit_version.circuit)
    boards = [
        {"backend_type": key[0], "shots": key[1], "entries": list(rows)[:BOARD_SIZE]}
        for key, rows in groupby(entries, key=lambda e: (e.backend_type, e.shots))
    ]
    context = {"problem": problem, "suite": problem.suite, "boards": boards, "mine": _my_best(request, problem)}
    if request.user.is_authenticated:
        context["run_form"] = run_form or BenchmarkRunForm(problem=problem, backends=benchmark_backends())
    return render(request, "benchmarks/problem.html", context, status=status)


@page_errors
def problem_page(request, suite_name: str, problem_id: str):
    return _render_problem(request, _problem(suite_name, problem_id))


@require_POST
@login_required
@page_errors
def problem_run(request, suite_name: str, problem_id: str):
    """Run a reference circuit of the problem (POST /api/benchmarks/run) and open its first result."""
    problem = _problem(suite_name, problem_id)
    form = BenchmarkRunForm(request.POST, problem=problem, backends=benchmark_backends())
    if not form.is_valid():
        return _render_problem(request, problem, run_form=form, status=400)
    try:
        results = services.benchmark_run(
            user=request.user, suite_name=problem.suite.key, problem_idx=problem.index, **form.service_arguments()
        )
    except DomainError as exc:
        form.add_error(None, exc.detail)
        return _render_problem(request, problem, run_form=form, status=_form_status(exc))
    more = f"; the other {len(results) - 1} are under My runs" if len(results) > 1 else ""
    messages.success(request, f"Started {len(results)} run(s), one per backend{more}. Each is ranked once scored.")
    return redirect("benchmark-result", results[0].id)


def _form_status(exc: DomainError) -> int:
    """Bad input, or something the form named that is not there, re-renders the form as a 400; a usage limit or a
    conflict keeps its own status."""
    return 400 if exc.status_code == 404 else exc.status_code


def _result_context(request, result) -> dict:
    circuit = result.circuit_version.circuit
    circuit_visible = can_view(request.user, circuit)
    related = [r for r in (result.rerun_of, *result.reruns.select_related("run", "user").order_by("created_at")) if r]

    def run_visible(r) -> bool:  # runs.selectors.run_visible, knowing the circuit is the same for all of them
        return r.run is not None and (r.run.user_id == request.user.id or circuit_visible)

    return {
        "result": result,
        "state": selectors.result_state(result),
        "circuit_visible": circuit_visible,
        "run_visible": run_visible(result),
        "related": [{"result": r, "state": selectors.result_state(r), "run_visible": run_visible(r)} for r in related],
    }


@page_errors
def result_page(request, result_id):
    """GET /api/benchmarks/results/{id} as a page; htmx polls the outcome while the run is unfinished."""
    context = _result_context(request, selectors.result_get(result_id))
    context["polling"] = context["state"] in UNFINISHED
    template = "benchmarks/_result_outcome.html" if request.headers.get("HX-Request") else "benchmarks/result.html"
    return render(request, template, context)


@require_POST
@login_required
@page_errors
def result_rerun(request, result_id):
    """Same circuit version, backend, shots and seed (POST /api/benchmarks/results/{id}/rerun)."""
    result = selectors.result_get(result_id)
    try:
        rerun = services.result_rerun(user=request.user, result=result)
    except DomainError as exc:
        messages.error(request, f"Could not re-run: {exc.detail}")
        return redirect("benchmark-result", result_id)
    messages.success(request, "Re-run started with the same seed: a simulator reproduces the same counts.")
    return redirect("benchmark-result", rerun.id)


def _my_circuits(user) -> list[str]:
    circuits = circuit_selectors.circuit_list(user=user, filters={"mine": True}).select_related("organization")
    return [c.repo_name for c in circuits[:MY_CIRCUITS]]


def _submit(request, problem, form: SubmissionForm) -> tuple:
    """(the submission, 201), or (None, the status of the form re-rendered with the reason)."""
    if not form.is_valid():
        return None, 400
    try:
        circuit = circuit_selectors.circuit_resolve(user=request.user, repo_name=form.cleaned_data["circuit"])
        submission = services.submission_create(
            user=request.user,
            suite_name=problem.suite.key,
            problem_idx=problem.index,
            circuit_id=circuit.id,
            **form.service_arguments(),
        )
    except DomainError as exc:
        form.add_error("circuit" if exc.status_code == 404 else None, exc.detail)
        return None, _form_status(exc)
    return submission, 201


@login_required
@page_errors
def submission_new(request, suite_name: str, problem_id: str):
    """POST /api/benchmarks/submissions from a page: one of your circuits offered as a solution."""
    problem = _problem(suite_name, problem_id)
    form = SubmissionForm(request.POST or None, problem=problem, backends=benchmark_backends())
    status = 200
    if request.method == "POST":
        submission, status = _submit(request, problem, form)
        if submission is not None:
            messages.success(request, "Submitted: your circuit is being checked on the ideal simulator.")
            return redirect("benchmark-submission", submission.id)
    context = {"problem": problem, "suite": problem.suite, "form": form, "my_circuits": _my_circuits(request.user)}
    return render(request, "benchmarks/submission_new.html", context, status=status)


@login_required
@page_errors
def submission_page(request, submission_id):
    """GET /api/benchmarks/submissions/{id}: only its author sees it; htmx polls while it is being checked."""
    submission = selectors.submission_get(user=request.user, submission_id=submission_id)
    state, detail = selectors.submission_state(submission)
    results = submission.results.select_related("run").order_by("created_at")
    context = {
        "submission": submission,
        "state": state,
        "detail": detail,
        "results": [{"result": r, "state": selectors.result_state(r)} for r in results],
        "polling": state == SubmissionStatus.CHECKING,
    }
    template = (
        "benchmarks/_submission_outcome.html" if request.headers.get("HX-Request") else "benchmarks/submission.html"
    )
    return render(request, template, context)
