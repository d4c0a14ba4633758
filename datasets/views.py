"""Dataset pages: explore, create, the dataset page (preview, statistics, versions, downloads, upload), edit,
delete, query, star, fork."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from circuits.forms import ForkForm
from datasets import formats, reading, selectors, services, uploads
from datasets.formats.hdf5file import dataset_paths
from datasets.forms import (
    DatasetCreateForm,
    DatasetEditForm,
    DatasetExploreForm,
    DatasetPreviewForm,
    DatasetQueryForm,
)
from datasets.models import Dataset, Format, State
from orgs.access import can_edit, require_editable
from qubithub.api.throttles import ForkThrottle, StarThrottle
from qubithub.errors import DomainError, InvalidInput, NotFound
from qubithub.listing import explore_page
from qubithub.pages import owner_choices, page_errors, throttled
from qubithub.rendering import column_summaries

PAGE_SIZE = 24
FORKS_LISTED = 50
CONVERSIONS = ("csv", "parquet")  # what the download endpoint converts tabular versions to


def explore(request):
    form = DatasetExploreForm(request.GET or None)
    return explore_page(
        request, form=form, listing=selectors.dataset_list, template="datasets/explore.html", size=PAGE_SIZE
    )


@login_required
def dataset_new(request):
    form = DatasetCreateForm(request.POST or None, owners=owner_choices(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            dataset = services.dataset_create(creator=request.user, **form.service_arguments())
        except DomainError as exc:
            form.add_service_error(exc)
        else:
            messages.success(request, f"Created {dataset.repo_name}. Now upload its file.")
            return redirect("dataset-page", dataset.organization.slug, dataset.name)
    return render(request, "datasets/new.html", {"form": form}, status=400 if form.errors else 200)


def _resolve(request, owner: str, name: str):
    return selectors.dataset_resolve(user=request.user, repo_name=f"{owner}/{name}")


def _shown_version(dataset, number: str | None):
    """The version the page shows: `?version=N` (even a failed one, to show why), else the current one."""
    if not number:
        return selectors.current_version(dataset)
    try:
        return selectors.version_get(dataset=dataset, number=number, usable=False)
    except InvalidInput:
        raise NotFound("Version not found.") from None


def _contents(dataset, params) -> dict:
    """The preview panel: rows of a version (`?version=`, `?rows=`, `?offset=`, an HDF5 `?path=`) and statistics."""
    version = _shown_version(dataset, params.get("version"))
    if version is None or version.state != State.READY:
        return {"version": version}
    form = DatasetPreviewForm(params)
    rows, offset = form.rows_and_offset()
    shown = {
        "version": version,
        "preview_form": form,
        "rows": rows,
        "offset": offset,
        "path": params.get("path") or None,
    }
    if dataset.format == Format.HDF5:
        shown["inner_paths"] = sorted(dataset_paths(version.structure))
    if not form.is_valid():  # a bad ?rows= is shown by its field; a bad ?offset= (no field) here
        return {**shown, "problem": " ".join(f"offset: {e}" for e in form.errors.get("offset", []))}
    try:
        preview = reading.version_preview(version=version, rows=rows, offset=offset, path=shown["path"])
    except DomainError as exc:  # e.g. an HDF5 file with no dataset inside: the rest of the page still shows
        return {**shown, "problem": exc.detail}
    first_rows = version.preview if shown["path"] in (None, version.structure.get("default_path")) else {}
    columns = column_summaries(version.column_stats, {**preview, "rows": (first_rows or preview).get("rows")})
    return {**shown, "preview": preview, "columns": columns, "more": _more_rows(offset, rows, preview)}


def _more_rows(offset: int, rows: int, preview: dict) -> dict:
    """The shown range (1-based), where the previous and next rows start (None when there are none), and,
    for an offset past the end, where the last rows start."""
    shown, total = len(preview.get("rows") or []), preview.get("total_rows")
    past_end = shown == 0 and offset > 0
    has_next = shown == rows and (total is None or offset + shown < total)
    return {
        "first": offset + 1,
        "last": offset + shown,
        "shown": shown,
        "past_end": past_end,
        "last_rows": max((total or 0) - rows, 0),
        "previous": max(offset - rows, 0) if offset and not past_end else None,
        "next": offset + shown if has_next else None,
    }


def _downloads(dataset, version) -> list[tuple[str, str]]:
    """(label, address) of each file GET /api/datasets/{id}/download serves for this version."""
    if version.state == State.FAILED:
        return []
    base = f"{reverse('api-dataset-download', args=[dataset.id])}?version={version.version_number}"
    links = [(formats.EXTENSIONS[dataset.format], base)]
    convertible = dataset.format in formats.TABULAR and (
        version.state == State.READY or dataset.format not in formats.DERIVED
    )
    if convertible:
        links += [(target, f"{base}&format={target}") for target in CONVERSIONS if target != dataset.format]
    return links


def _page_context(request, dataset) -> dict:
    return {
        "dataset": dataset,
        "versions": [(v, _downloads(dataset, v)) for v in dataset.versions.all()],
        "editable": can_edit(request.user, dataset),
        "queryable": dataset.format in formats.TABULAR,
        "fork_form": ForkForm(),
        "max_upload_bytes": settings.QH_DATASET_MAX_UPLOAD_BYTES,
        **_contents(dataset, request.GET),
    }


@page_errors
def dataset_page(request, owner: str, name: str):
    dataset = _resolve(request, owner, name)
    context = _page_context(request, dataset)
    return render(request, "datasets/detail.html", context, status=_contents_status(context))


@csrf_exempt  # checked by _upload, once the upload handler that streams and hashes the file is in place
@require_POST
@login_required
def dataset_upload(request, owner: str, name: str):
    """The upload form without JavaScript (with it, the page sends the file to the API and shows progress)."""
    try:
        uploads.install(request, max_bytes=settings.QH_DATASET_MAX_UPLOAD_BYTES)
        return _upload(request, owner, name)
    except DomainError as exc:  # e.g. too large, raised while the body is read
        return _upload_failed(request, owner, name, exc)


@csrf_protect  # its refusals (not found, not yours, too large, over a limit) reach dataset_upload's handler
def _upload(request, owner: str, name: str):
    dataset = _resolve(request, owner, name)
    require_editable(request.user, dataset, what="dataset")
    uploaded = request.FILES.get("file")
    if uploaded is None:
        raise InvalidInput("Choose the file to upload.")
    version = services.dataset_version_publish(
        dataset=dataset, author=request.user, uploaded=uploaded, commit_message=request.POST.get("commit_message", "")
    )
    messages.success(request, f"Uploaded version {version.version_number}: it is being processed.")
    return redirect("dataset-page", owner, name)


@page_errors
def _upload_failed(request, owner: str, name: str, error: DomainError):
    dataset = _resolve(request, owner, name)
    context = {**_page_context(request, dataset), "upload_error": error.detail}
    return render(request, "datasets/detail.html", context, status=error.status_code)


@page_errors
def dataset_contents(request, owner: str, name: str):
    """The preview panel alone: the page polls it (htmx) while the version is being processed."""
    dataset = _resolve(request, owner, name)
    context = {"dataset": dataset, **_contents(dataset, request.GET)}
    return render(request, "datasets/_contents.html", context, status=_contents_status(context))


def _contents_status(context: dict) -> int:
    form = context.get("preview_form")
    return 400 if form is not None and form.errors else 200


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
    form = ForkForm(request.POST)
    try:
        if not form.is_valid():
            raise InvalidInput(" ".join(e for errors in form.errors.values() for e in errors))
        fork = services.dataset_fork(source=source, user=request.user, name=form.cleaned_data.get("name") or None)
    except DomainError as exc:
        messages.error(request, exc.detail)
        return redirect("dataset-page", owner, name)
    messages.success(request, f"Forked {source.repo_name} to {fork.repo_name}.")
    return redirect("dataset-page", fork.organization.slug, fork.name)


def _edit_initial(dataset) -> dict:
    fields = ("title", "description", "license", "citation", "is_public")
    return {
        **{field: getattr(dataset, field) for field in fields},
        "tags": ", ".join(t.name for t in dataset.tags.all()),
        "task_categories": ", ".join(c.name for c in dataset.categories.all()),
    }


@login_required
@page_errors
def dataset_edit(request, owner: str, name: str):
    dataset = _resolve(request, owner, name)
    require_editable(request.user, dataset, what="dataset")
    form = DatasetEditForm(request.POST or None, initial=_edit_initial(dataset))
    if request.method == "POST" and form.is_valid():
        try:
            services.dataset_update(dataset=dataset, changes=form.changes())
        except DomainError as exc:
            form.add_service_error(exc)
        else:
            messages.success(request, "Saved.")
            return redirect("dataset-page", owner, name)
    status = 400 if form.errors else 200
    return render(request, "datasets/edit.html", {"dataset": dataset, "form": form}, status=status)


@login_required
@page_errors
def dataset_delete(request, owner: str, name: str):
    dataset = _resolve(request, owner, name)
    require_editable(request.user, dataset, what="dataset")
    if request.method == "POST":
        services.dataset_delete(dataset=dataset)
        messages.success(request, f"Deleted {dataset.repo_name} and its versions.")
        return redirect("profile", dataset.organization.slug)
    return render(request, "datasets/delete.html", {"dataset": dataset, **_deletion_summary(dataset, request.user)})


def _deletion_summary(dataset, user) -> dict:
    """What the confirmation page lists: every version with its size, and the forks (which stay)."""
    versions = list(dataset.versions.only("version_number", "size_bytes", "state", "created_at"))
    forks = Dataset.objects.visible_to(user).filter(forked_from=dataset).select_related("organization")
    return {
        "versions": versions,
        "total_bytes": sum(v.size_bytes for v in versions),
        "forks": list(forks.order_by("organization__slug", "name")[:FORKS_LISTED]),
        "forks_total": Dataset.objects.filter(forked_from=dataset).count(),
    }


@page_errors
def dataset_query(request, owner: str, name: str):
    """Filter, sort and page through a tabular version's rows, as GET /api/datasets/{id}/query does."""
    dataset = _resolve(request, owner, name)
    versions = [v.version_number for v in dataset.versions.all() if v.state != State.FAILED]
    try:
        version, problem = selectors.version_get(dataset=dataset, number=request.GET.get("version")), None
    except DomainError as exc:
        version, problem = None, exc.detail
    form = DatasetQueryForm(request.GET, columns=list(version.dataset_schema) if version else [], versions=versions)
    result = None
    if form.is_valid() and problem:
        form.add_error(None, problem)
    elif form.is_valid():
        try:
            result = reading.version_query(
                version=version, where=form.where(), sort=form.sort_terms(), **_paging(form.cleaned_data)
            )
        except DomainError as exc:
            form.add_error(None, exc.detail)
    context = {"dataset": dataset, "form": form, "version": version, "result": result}
    if result:
        context["result_columns"] = [(c, result["dataset_schema"].get(c, "")) for c in result["columns"]]
    return render(request, "datasets/query.html", context, status=400 if form.errors else 200)


def _paging(data: dict) -> dict:
    return {"page": data["page"], "limit": data["limit"]}
