"""Circuit pages: explore, tag pages, the circuit page with its diagram, publish, edit, delete, star, fork."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from circuits import selectors, services
from circuits.api.views import viewer_key
from circuits.diagrams import version_diagram
from circuits.diffs import circuit_version_diff
from circuits.forms import CircuitCreateForm, CircuitEditForm, ExploreForm, FileDeleteForm, ForkForm
from circuits.models import Circuit
from circuits.querysets import card_page
from circuits.storage import read_bytes
from circuits.tags import TAG_RULE
from orgs.access import can_edit, require_editable
from qubithub.api.throttles import ForkThrottle, StarThrottle
from qubithub.errors import DomainError, NotFound
from qubithub.listing import page_or_404
from qubithub.pages import owner_choices, page_errors, throttled
from qubithub.rendering import error_svg, highlight_source

PAGE_SIZE = 24
SVG_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    "Cache-Control": "private, max-age=3600",
}


HOME_CARDS = 6


def home(request):
    """Trending (most starred) and newest circuits, datasets and spaces; search leads to the explore pages."""
    from datasets.selectors import dataset_list
    from spaces.selectors import space_list

    def circuits(sort: str) -> list:
        queryset = selectors.circuit_list(user=request.user, filters={"sort": sort})
        return card_page(queryset, request.user, offset=0, limit=HOME_CARDS)

    def firsts(listing, sort: str) -> list:
        return list(listing(user=request.user, filters={"sort": sort})[:HOME_CARDS])

    context = {
        "trending": circuits("stars_count"),
        "newest": circuits("created_at"),
        "datasets_trending": firsts(dataset_list, "stars_count"),
        "datasets": firsts(dataset_list, "created_at"),
        "spaces_trending": firsts(space_list, "stars_count"),
        "spaces": firsts(space_list, "created_at"),
        "form": ExploreForm(),
    }
    return render(request, "home.html", context)


def explore(request, tag: str | None = None):
    """Filtered circuits; invalid filters are shown as form errors with no results (a 400), as the API refuses them."""
    if tag is not None and not tag.strip():
        message = f"A blank tag is not a tag: {TAG_RULE}."
        return render(request, "error.html", {"status": 404, "title": "No such tag", "message": message}, status=404)
    form = ExploreForm.from_query(request.GET, tag=tag)
    valid = not form.is_bound or form.is_valid()
    queryset = selectors.circuit_list(user=request.user, filters=form.filters()) if valid else Circuit.objects.none()
    page = page_or_404(queryset, request.GET.get("page"), size=PAGE_SIZE)
    page.object_list = card_page(queryset, request.user, offset=max(page.start_index() - 1, 0), limit=PAGE_SIZE)
    context = {"page": page, "form": form, "tag": tag, "valid": valid}
    return render(request, "circuits/explore.html", context, status=200 if valid else 400)


def _resolve(request, owner: str, name: str):
    return selectors.circuit_resolve(user=request.user, repo_name=f"{owner}/{name}")


def _version(versions: list, number: str | None):
    """The version `?v=` names (a 404 when there is no such version, `?v=abc` included), else the latest."""
    number = (number or "").strip()
    if not number:
        return versions[-1] if versions else None
    chosen = next((v for v in versions if str(v.version_number) == number), None)
    if chosen is None:
        raise NotFound("Version not found.")
    return chosen


def _source(version, wanted: str | None) -> dict | None:
    """The file shown under the file list: the one asked for, else the entry point, else the first;
    `missing` names a requested file this version does not have (the page says so)."""
    files = list(version.files.all()) if version else []
    if not files:
        return {"missing": wanted} if wanted else None
    by_name = {f.name: f for f in files}
    record = by_name.get(wanted or "") or by_name.get(version.entry_point) or files[0]
    missing = wanted if wanted and wanted not in by_name else None
    return {"file": record, "html": highlight_source(read_bytes(record.path), record.name), "missing": missing}


@page_errors
def circuit_page(request, owner: str, name: str):
    from runs.forms import RunForm
    from runs.selectors import circuit_run_summary, circuit_runs

    circuit = _resolve(request, owner, name)
    services.circuit_view_record(circuit=circuit, viewer_key=viewer_key(request))
    versions = list(circuit.versions.all())
    version = _version(versions, request.GET.get("v"))
    context = {
        "circuit": circuit,
        "versions": versions,
        "version": version,
        "latest": versions[-1] if versions else None,
        "files": list(version.files.all()) if version else [],
        "source": _source(version, request.GET.get("file")),
        "diff": _requested_diff(request, circuit),
        "runs": list(circuit_runs(user=request.user, circuit=circuit)[:10]),
        "run_summary": circuit_run_summary(user=request.user, circuit=circuit),
        "editable": can_edit(request.user, circuit),
        "deletable": _deletable(request.user, circuit, version, versions[-1] if versions else None),
        "run_form": (
            RunForm(circuit=circuit, version=versions[-1] if versions else None, user=request.user)
            if request.user.is_authenticated
            else None
        ),
        "fork_form": ForkForm(),
    }
    return render(request, "circuits/detail.html", context)


def _deletable(user, circuit, version, latest) -> set[str]:
    """Files of the shown version an editor may delete: only in the latest version, never the last one."""
    if version is None or version != latest or not can_edit(user, circuit):
        return set()
    names = {f.name for f in version.files.all()}
    return {n for n in names if services.file_delete_refusal(n, names) is None}


def _requested_diff(request, circuit) -> dict | None:
    """`?compare=1..2` shows the diff between two versions under the version list; a bad one says why."""
    raw = request.GET.get("compare", "").strip()
    if not raw:
        return None
    a, sep, b = raw.partition("..")
    if not (sep and a.isdigit() and b.isdigit()):
        return {"error": f"Cannot compare “{raw}”: give two version numbers, e.g. ?compare=1..2."}
    try:
        return circuit_version_diff(circuit=circuit, a=int(a), b=int(b))
    except NotFound as exc:
        return {"error": f"Cannot compare v{int(a)} with v{int(b)}: {exc.detail}"}


@page_errors
def circuit_diagram(request, owner: str, name: str):
    """The diagram as a standalone SVG document, shown with <img> (so nothing in it can run on the page)."""
    circuit = _resolve(request, owner, name)
    version = _version(list(circuit.versions.all()), request.GET.get("v"))
    if version is None:
        raise Http404("This circuit has no files yet.")
    drawn = version_diagram(version=version)
    svg = drawn.get("svg") or error_svg(f"No diagram: {drawn['error']}")
    return HttpResponse(svg, content_type="image/svg+xml", headers=SVG_HEADERS)


@login_required
def circuit_new(request):
    form = CircuitCreateForm(request.POST or None, owners=owner_choices(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            circuit = services.circuit_create(creator=request.user, **form.service_arguments())
        except DomainError as exc:
            form.add_error(None, exc.detail)
        else:
            messages.success(request, f"Created {circuit.repo_name}. Now upload its files.")
            return redirect("circuit-edit", circuit.organization.slug, circuit.name)
    return render(request, "circuits/new.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@page_errors
def circuit_edit(request, owner: str, name: str):
    circuit = _resolve(request, owner, name)
    require_editable(request.user, circuit, what="circuit")
    initial = {
        **{f: getattr(circuit, f) for f in ("title", "description", "is_public")},
        "tags": ", ".join(t.name for t in circuit.tags.all()),
    }
    form = CircuitEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.circuit_update(circuit=circuit, changes=form.changes())
        except DomainError as exc:
            form.add_error(None, exc.detail)
        else:
            messages.success(request, "Saved.")
            return redirect("circuit-page", owner, name)
    latest = circuit.versions.order_by("-version_number").prefetch_related("files").first()
    context = {
        "circuit": circuit,
        "form": form,
        "files": list(latest.files.all()) if latest else [],
        "deletable": _deletable(request.user, circuit, latest, latest),
    }
    return render(request, "circuits/edit.html", context, status=400 if form.errors else 200)


@login_required
@page_errors
def circuit_delete(request, owner: str, name: str):
    circuit = _resolve(request, owner, name)
    require_editable(request.user, circuit, what="circuit")
    if request.method == "POST":
        services.circuit_delete(circuit=circuit)
        messages.success(request, f"Deleted {owner}/{name}.")
        return redirect("profile", owner)  # where it lived: the organization for an org circuit
    impact = selectors.circuit_delete_impact(circuit=circuit, user=request.user)
    return render(request, "circuits/delete.html", {"circuit": circuit, "impact": impact})


def _latest_file(circuit, file_name: str):
    latest = circuit.versions.order_by("-version_number").prefetch_related("files").first()
    files = list(latest.files.all()) if latest else []
    record = next((f for f in files if f.name == file_name), None)
    if record is None:
        raise NotFound("The latest version has no such file.")
    return latest, record, {f.name for f in files}


@login_required
@page_errors
def circuit_file_delete(request, owner: str, name: str):
    """GET: which file goes (from the latest version); POST: a new version without it, as a git push would."""
    circuit = _resolve(request, owner, name)
    require_editable(request.user, circuit, what="circuit")
    latest, record, names = _latest_file(circuit, request.POST.get("file") or request.GET.get("file", ""))
    form = FileDeleteForm(request.POST or None, initial={"file": record.name}, file_name=record.name)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.circuit_file_delete(
                circuit=circuit,
                author=request.user,
                name=record.name,
                commit_message=form.cleaned_data["commit_message"],
                max_bytes=settings.QH_MAX_UPLOAD_BYTES,
            )
        except DomainError as exc:
            form.add_error(None, exc.detail)
        else:
            messages.success(request, f"Deleted {record.name}: version {version.version_number} is without it.")
            return redirect("circuit-page", owner, name)
    context = {
        "circuit": circuit,
        "version": latest,
        "file": record,
        "also": sorted(services.deleted_with(record.name, names) - {record.name}),
        "refusal": services.file_delete_refusal(record.name, names),
        "is_entry_point": record.name == latest.entry_point,
        "form": form,
    }
    return render(request, "circuits/file_delete.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
@throttled(StarThrottle, action="star")
@page_errors
def circuit_star(request, owner: str, name: str):
    circuit = _resolve(request, owner, name)
    starred, count = services.circuit_star_toggle(circuit=circuit, user=request.user)
    if request.headers.get("HX-Request"):
        return render(request, "circuits/_star.html", {"circuit": circuit, "starred": starred, "count": count})
    return redirect("circuit-page", owner, name)


@require_POST
@login_required
@throttled(ForkThrottle, action="fork")
@page_errors
def circuit_fork(request, owner: str, name: str):
    source = _resolve(request, owner, name)
    form = ForkForm(request.POST)
    try:
        if not form.is_valid():
            raise DomainError(" ".join(e for errors in form.errors.values() for e in errors))
        fork = services.circuit_fork(source=source, user=request.user, name=form.cleaned_data.get("name") or None)
    except DomainError as exc:
        messages.error(request, exc.detail)
        return redirect("circuit-page", owner, name)
    messages.success(request, f"Forked {source.repo_name} to {fork.repo_name}.")
    return redirect("circuit-page", fork.organization.slug, fork.name)
