"""Run pages: submit from the circuit page, the live run page, cancel, re-run, my runs; the backends pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from circuits import selectors as circuit_selectors
from orgs.access import can_edit
from qubithub.errors import DomainError
from qubithub.pages import page_errors
from qubithub.rendering import histogram_bars
from runs import engine, selectors, services
from runs.forms import RunFilterForm, RunForm


@require_POST
@login_required
@page_errors
def run_submit(request, owner: str, name: str):
    circuit = circuit_selectors.circuit_resolve(user=request.user, repo_name=f"{owner}/{name}")
    form = RunForm(request.POST, circuit=circuit)
    try:
        if not form.is_valid():
            raise DomainError(" ".join(e for errors in form.errors.values() for e in errors))
        run = services.run_submit(user=request.user, circuit_id=circuit.id, **form.service_arguments())
    except DomainError as exc:
        messages.error(request, f"Could not start the run: {exc.detail}")
        return redirect("circuit-page", owner, name)
    return redirect("run-page", run.id)


def _run_context(request, run_id) -> dict:
    run = selectors.run_get(user=request.user, run_id=run_id)
    counts = (run.results or {}).get("counts") or {}
    mine = request.user.is_authenticated and (run.user_id == request.user.id or can_edit(request.user, run.circuit))
    return {"run": run, "bars": histogram_bars(counts) if counts else [], "counts": counts, "manageable": mine}


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
    run = selectors.run_get(user=request.user, run_id=run_id)
    if not run.is_terminal:
        services.run_cancel_or_delete(user=request.user, run=run)
        messages.success(request, "Run cancelled.")
    return redirect("run-page", run_id)


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
    form = RunFilterForm(request.GET or None)
    queryset = selectors.run_list(user=request.user, filters=form.filters())
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    stats = selectors.run_stats(selectors.run_list(user=request.user, filters={}))
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
