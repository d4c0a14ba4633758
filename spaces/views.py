"""Space pages: explore, create, the space page (file tree, editor, run with streamed output, visualize, recent
executions), edit, delete, files (save, create, rename, delete), star, fork. Run and Visualize call the JSON API from
the page script (session + CSRF), like any client; every other write calls the same service as the API."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from orgs.access import can_edit, require_editable
from qubithub.api.throttles import ForkThrottle, StarThrottle
from qubithub.errors import DomainError
from qubithub.listing import explore_page
from qubithub.pages import owner_choices, page_errors, throttled
from spaces import selectors, services
from spaces.forms import (
    SpaceCreateForm,
    SpaceEditForm,
    SpaceExploreForm,
    SpaceFileForm,
    SpaceFilePathForm,
    SpaceForkForm,
)

PAGE_SIZE = 24
DEFAULT_FILE = "main.py"
EDITABLE_FIELDS = ("title", "description", "sdk", "space_type", "is_public")


def explore(request):
    form = SpaceExploreForm(request.GET or None)
    return explore_page(
        request, form=form, listing=selectors.space_list, template="spaces/explore.html", size=PAGE_SIZE
    )


@login_required
def space_new(request):
    form = SpaceCreateForm(request.POST or None, owners=owner_choices(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            space = services.space_create(creator=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.detail)
        else:
            return redirect("space-page", space.organization.slug, space.name)
    return render(request, "spaces/new.html", {"form": form}, status=400 if form.errors else 200)


def _resolve(request, owner: str, name: str):
    return selectors.space_resolve(user=request.user, repo_name=f"{owner}/{name}")


def _editable(request, owner: str, name: str):
    space = _resolve(request, owner, name)
    require_editable(request.user, space, what="space")
    return space


def _editable_file(request, owner: str, name: str, file_id):
    """A file of this space (404 for a file of another space), which the user may change."""
    space = _editable(request, owner, name)
    record = selectors.space_file_get(user=request.user, file_id=file_id)
    if record.space_id != space.id:
        raise Http404("File not found.")
    record.space = space
    return space, record


def _file_url(space, path: str) -> str:
    return f"{reverse('space-page', args=[space.organization.slug, space.name])}?{urlencode({'file': path})}"


@page_errors
def space_page(request, owner: str, name: str):
    space = _resolve(request, owner, name)
    files = list(space.files.all())
    wanted = request.GET.get("file")
    current = next((f for f in files if f.path == wanted), None) or (files[0] if files and not wanted else None)
    path = current.path if current else (wanted or DEFAULT_FILE)
    content = bytes(current.content).decode("utf-8", errors="replace") if current else ""
    context = {
        "space": space,
        "files": files,
        "current": current,
        "editable": can_edit(request.user, space),
        "form": SpaceFileForm(initial={"path": path, "content": content}),
        "new_file_form": SpaceFilePathForm(auto_id="new_%s"),
        "fork_form": SpaceForkForm(auto_id="fork_%s"),
        "executions": selectors.space_executions_recent(user=request.user, space=space),
    }
    return render(request, "spaces/detail.html", context)


@login_required
@page_errors
def space_executions(request, owner: str, name: str):
    """The recent-executions list alone: the page script reloads it when a run ends (not a page of its own)."""
    space = _resolve(request, owner, name)
    if not request.headers.get("HX-Request"):
        return redirect("space-page", owner, name)
    executions = selectors.space_executions_recent(user=request.user, space=space)
    return render(request, "spaces/_executions.html", {"space": space, "executions": executions})


@login_required
@page_errors
def space_edit(request, owner: str, name: str):
    """The metadata PUT /api/spaces/{id} changes, through the same service."""
    space = _editable(request, owner, name)
    form = SpaceEditForm(request.POST or None, initial={f: getattr(space, f) for f in EDITABLE_FIELDS})
    if request.method == "POST" and form.is_valid():
        try:
            services.space_update(space=space, changes=form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.detail)
        else:
            messages.success(request, f"Saved {space.repo_name}.")
            return redirect("space-page", owner, name)
    return render(request, "spaces/edit.html", {"space": space, "form": form}, status=400 if form.errors else 200)


@login_required
@page_errors
def space_delete(request, owner: str, name: str):
    """GET: what goes (files, executions) and what stays (forks); POST: the same delete as DELETE /api/spaces/{id}."""
    space = _editable(request, owner, name)
    if request.method == "POST":
        services.space_delete(space=space)
        messages.success(request, f"Deleted {space.repo_name}.")
        return redirect("profile", space.organization.slug)
    context = {"space": space, **selectors.space_delete_summary(user=request.user, space=space)}
    return render(request, "spaces/delete.html", context)


@require_POST
@login_required
@page_errors
def space_file_save(request, owner: str, name: str):
    """The editor's Save (works without JavaScript): create or replace one file."""
    space = _resolve(request, owner, name)
    require_editable(request.user, space, what="space")
    form = SpaceFileForm(request.POST)
    if form.is_valid():
        try:
            # A browser posts a textarea's newlines as CRLF (HTML spec): store them as typed in the editor.
            content = form.cleaned_data["content"].replace("\r\n", "\n").encode()
            services.space_files_save(space=space, user=request.user, files={form.cleaned_data["path"]: content})
            messages.success(request, f"Saved {form.cleaned_data['path']}.")
        except DomainError as exc:
            messages.error(request, exc.detail)
    else:
        messages.error(request, "Give the file a path.")
    return redirect(_file_url(space, form.data.get("path", "")))


@login_required
@page_errors
def space_file_new(request, owner: str, name: str):
    """Create an empty file (POST /api/spaces/{id}/files): an existing path is an error, not an overwrite."""
    space = _editable(request, owner, name)
    form = SpaceFilePathForm(request.POST or None, auto_id="new_%s")
    if request.method == "POST" and form.is_valid():
        try:
            record = services.space_file_create(
                space=space, user=request.user, path=form.cleaned_data["path"], content=b""
            )
        except DomainError as exc:
            form.add_error("path", exc.detail)
        else:
            messages.success(request, f"Created {record.path}.")
            return redirect(_file_url(space, record.path))
    context = {"space": space, "form": form}
    return render(request, "spaces/file_new.html", context, status=400 if form.errors else 200)


@login_required
@page_errors
def space_file_rename(request, owner: str, name: str, file_id):
    """Move a file to a new path (PUT /api/spaces/files/{id} with a path)."""
    space, record = _editable_file(request, owner, name, file_id)
    old_path = record.path
    form = SpaceFilePathForm(request.POST or None, initial={"path": old_path})
    if request.method == "POST" and form.is_valid():
        try:
            record = services.space_file_update(record=record, user=request.user, path=form.cleaned_data["path"])
        except DomainError as exc:
            form.add_error("path", exc.detail)
        else:
            messages.success(request, f"Renamed {old_path} to {record.path}.")
            return redirect(_file_url(space, record.path))
    context = {"space": space, "file": record, "old_path": old_path, "form": form}
    return render(request, "spaces/file_rename.html", context, status=400 if form.errors else 200)


@login_required
@page_errors
def space_file_delete(request, owner: str, name: str, file_id):
    """GET: confirm; POST: delete (DELETE /api/spaces/files/{id})."""
    space, record = _editable_file(request, owner, name, file_id)
    if request.method == "POST":
        services.space_file_delete(record=record)
        messages.success(request, f"Deleted {record.path}.")
        return redirect("space-page", owner, name)
    return render(request, "spaces/file_delete.html", {"space": space, "file": record})


@require_POST
@login_required
@throttled(StarThrottle, action="star")
@page_errors
def space_star(request, owner: str, name: str):
    space = _resolve(request, owner, name)
    starred, count = services.space_star_toggle(space=space, user=request.user)
    if request.headers.get("HX-Request"):
        return render(request, "spaces/_star.html", {"space": space, "starred": starred, "count": count})
    return redirect("space-page", owner, name)


@require_POST
@login_required
@throttled(ForkThrottle, action="fork")
@page_errors
def space_fork(request, owner: str, name: str):
    source = _resolve(request, owner, name)
    form = SpaceForkForm(request.POST)
    try:
        if not form.is_valid():
            raise DomainError(" ".join(e for errors in form.errors.values() for e in errors))
        fork = services.space_fork(source=source, user=request.user, name=form.cleaned_data.get("name") or None)
    except DomainError as exc:
        messages.error(request, exc.detail)
        return redirect("space-page", owner, name)
    messages.success(request, f"Forked {source.repo_name} to {fork.repo_name}.")
    return redirect("space-page", fork.organization.slug, fork.name)
