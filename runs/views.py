"""Run pages: submit from the circuit page, the live run page, cancel, re-run, my runs; the backends pages."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from circuits import selectors as circuit_selectors
from qubithub.errors import Conflict, DomainError
from qubithub.listing import page_or_404
from qubithub.pages import page_errors
from qubithub.rendering import histogram_bars
from runs import engine, selectors, services
from runs.display import metric_rows
from runs.forms import RunFilterForm, RunForm


@login_required
@page_errors
def run_submit(request, owner: str, name: str):
    """GET: the Run form on its own page; POST: submit through run_submit, or the form again with why (400)."""
    circuit = circuit_selectors.circuit_resolve(user=request.user, repo_name=f"{owner}/{name}")
    latest = circuit.versions.order_by("-version_number").first()
    form = RunForm(request.POST or None, circuit=circuit, version=latest, user=request.user)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                run = services.run_submit(user=request.user, circuit_id=circuit.id, **form.service_arguments())
                return redirect("run-page", run.id)
            except DomainError as exc:
                form.add_error(None, f"Could not start the run: {exc.detail}")
                status = exc.status_code if exc.status_code in (400, 403, 409, 429) else 400
    context = {"circuit": circuit, "latest": latest, "run_form": form}
    return render(request, "runs/submit.html", context, status=status)


def _run_context(request, run_id) -> dict:
    run = selectors.run_get(user=request.user, run_id=run_id)
    counts = (run.results or {}).get("counts") or {}
    return {
        "run": run,
        "bars": histogram_bars(counts) if counts else [],
        "counts": counts,
        "manageable": selectors.run_manageable(request.user, run),
        "parameters_json": json.dumps(run.parameters, indent=2) if run.parameters else "",
        "metric_rows": metric_rows(run.metrics),
    }


@page_errors
def run_page(request, run_id):
    return render(request, "runs/detail.html", _run_context(request, run_id))


@page_errors
def run_result(request, run_id):
    """The result panel alone: the live page fetches it when the WebSocket reports a final state."""
    return render(request, "runs/_result.html", _run_context(request, run_id))


@require_POST
@login_required
@page_errors
def run_cancel(request, run_id):
    """Only cancels: a run that finished before the click stays as it is, and the page says so."""
    run = selectors.run_get(user=request.user, run_id=run_id)
    try:
        services.run_cancel(user=request.user, run=run)
        messages.success(request, "Run cancelled.")
    except Conflict as exc:
        messages.info(request, exc.detail)
    return redirect("run-page", run_id)


@login_required
@page_errors
def run_delete(request, run_id):
    """GET: what deleting this finished run removes; POST: delete it (DELETE /api/runs/{id} on a finished run)."""
    run = selectors.run_get(user=request.user, run_id=run_id)
    services.require_run_manageable(request.user, run)
    if request.method == "POST":
        try:
            services.run_delete(user=request.user, run=run)
        except Conflict as exc:
            messages.error(request, exc.detail)
            return redirect("run-page", run_id)
        messages.success(request, f"Run of {run.circuit.repo_name} deleted.")
        if run.user_id == request.user.id:
            return redirect("my-runs")
        return redirect("circuit-page", run.circuit.organization.slug, run.circuit.name)
    return render(request, "runs/delete.html", {"run": run, "outcomes": len((run.results or {}).get("counts") or {})})


@require_POST
@login_required
@page_errors
def run_rerun(request, run_id):
    """Submit the same circuit again with the same backend, shots and parameters (on its latest version)."""
    run = selectors.run_get(user=request.user, run_id=run_id)
    try:
        again = services.run_submit(
            user=request.user,
            circuit_id=run.circuit_id,
            backend_type=run.backend_type,
            backend_name=run.backend_name,
            shots=run.shots,
            parameters=run.parameters,
            want_statevector=run.want_statevector,
        )
    except DomainError as exc:
        messages.error(request, f"Could not start the run: {exc.detail}")
        return redirect("run-page", run_id)
    return redirect("run-page", again.id)


@login_required
def my_runs(request):
    """The user's runs, filtered like GET /api/runs (status, circuit, backend); a bad filter is a form error (400)."""
    form = RunFilterForm(request.GET or None, choices=selectors.run_filter_choices(user=request.user))
    if form.is_bound and not form.is_valid():
        context = {"page": Paginator([], 25).get_page(1), "form": form, "stats": None}
        return render(request, "runs/list.html", context, status=400)
    queryset = selectors.run_list(user=request.user, filters=form.filters())
    page = page_or_404(queryset, request.GET.get("page"), size=25)
    stats = selectors.run_stats(queryset)  # of the runs shown: the filters apply to the summary too
    return render(request, "runs/list.html", {"page": page, "form": form, "stats": stats})


def backends(request):
    catalogue = engine.backend_catalogue()
    wanted = request.GET.get("type") or ""
    shown = [b for b in catalogue if not wanted or b["type"] == wanted]
    return render(request, "runs/backends.html", {"backends": shown, "type": wanted})


def backend_page(request, backend_id: str):
    backend = engine.backend_get(backend_id)
    if backend is None:
        raise Http404("Backend not found.")
    # a calibration snapshot never changes within a release: read it once per process, not on every view
    calibration = cache.get_or_set(f"qh:calibration:{backend['id']}", lambda: engine.backend_calibration(backend["id"]))
    return render(request, "runs/backend.html", {"backend": backend, "calibration": calibration})
