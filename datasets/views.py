"""Dataset pages: explore, create, the dataset page (preview, statistics, versions, upload), star, fork."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from datasets import reading, selectors, services
from datasets.forms import DatasetCreateForm, DatasetExploreForm
from datasets.models import State
from orgs.access import can_edit
from qubithub.api.throttles import ForkThrottle, StarThrottle
from qubithub.errors import DomainError
from qubithub.pages import owner_choices, page_errors, throttled
from qubithub.rendering import column_summaries

PAGE_SIZE = 24
PREVIEW_ROWS = 20


def explore(request):
    form = DatasetExploreForm(request.GET or None)
    try:
        queryset = selectors.dataset_list(user=request.user, filters=form.filters() if form.is_bound else {})
    except DomainError as exc:
        messages.error(request, exc.detail)
        queryset = selectors.dataset_list(user=request.user, filters={})
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "datasets/explore.html", {"page": page, "form": form})


@login_required
def dataset_new(request):
    form = DatasetCreateForm(request.POST or None, owners=owner_choices(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            dataset = services.dataset_create(creator=request.user, **form.service_arguments())
        except DomainError as exc:
            form.add_error(None, exc.detail)
        else:
            messages.success(request, f"Created {dataset.repo_name}. Now upload its file.")
            return redirect("dataset-page", dataset.organization.slug, dataset.name)
    return render(request, "datasets/new.html", {"form": form}, status=400 if form.errors else 200)


def _resolve(request, owner: str, name: str):
    return selectors.dataset_resolve(user=request.user, repo_name=f"{owner}/{name}")


def _contents(dataset) -> dict:
    """What the preview panel shows for the current version (its rows and per-column statistics)."""
    version = selectors.current_version(dataset)
    if version is None or version.state != State.READY:
        return {"version": version}
    preview = reading.version_preview(version=version, rows=PREVIEW_ROWS, offset=0, path=None)
    return {"version": version, "preview": preview, "columns": column_summaries(version.column_stats, preview)}


@page_errors
def dataset_page(request, owner: str, name: str):
    dataset = _resolve(request, owner, name)
    context = {
        "dataset": dataset,
        "versions": list(dataset.versions.all()),
        "editable": can_edit(request.user, dataset),
        **_contents(dataset),
    }
    return render(request, "datasets/detail.html", context)


@page_errors
def dataset_contents(request, owner: str, name: str):
    """The preview panel alone: the page polls it (htmx) while the version is being processed."""
    dataset = _resolve(request, owner, name)
    return render(request, "datasets/_contents.html", {"dataset": dataset, **_contents(dataset)})


@require_POST
@login_required
@throttled(StarThrottle, action="star")
@page_errors
def dataset_star(request, owner: str, name: str):
    dataset = _resolve(request, owner, name)
    starred, count = services.dataset_star_toggle(dataset=dataset, user=request.user)
    if request.headers.get("HX-Request"):
        return render(request, "datasets/_star.html", {"dataset": dataset, "starred": starred, "count": count})
    return redirect("dataset-page", owner, name)


@require_POST
@login_required
@throttled(ForkThrottle, action="fork")
@page_errors
def dataset_fork(request, owner: str, name: str):
    source = _resolve(request, owner, name)
    try:
        fork = services.dataset_fork(source=source, user=request.user, name=request.POST.get("name") or None)
    except DomainError as exc:
        messages.error(request, exc.detail)
        return redirect("dataset-page", owner, name)
    messages.success(request, f"Forked {source.repo_name} to {fork.repo_name}.")
    return redirect("dataset-page", fork.organization.slug, fork.name)
