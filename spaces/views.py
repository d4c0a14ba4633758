"""Space pages: explore, create, the space page (file tree, editor, run with streamed output, visualize), files,
star, fork. Run and Visualize call the JSON API from the page script (session + CSRF), like any client."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from orgs.access import can_edit, require_editable
from qubithub.api.throttles import ForkThrottle, StarThrottle
from qubithub.errors import DomainError
from qubithub.pages import owner_choices, page_errors, throttled
from spaces import selectors, services
from spaces.forms import SpaceCreateForm, SpaceExploreForm, SpaceFileForm

PAGE_SIZE = 24
DEFAULT_FILE = "main.py"


def explore(request):
    form = SpaceExploreForm(request.GET or None)
    try:
        queryset = selectors.space_list(user=request.user, filters=form.filters() if form.is_bound else {})
    except DomainError as exc:
        messages.error(request, exc.detail)
        queryset = selectors.space_list(user=request.user, filters={})
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "spaces/explore.html", {"page": page, "form": form})


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
    }
    return render(request, "spaces/detail.html", context)


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
            content = form.cleaned_data["content"].encode()
            services.space_files_save(space=space, user=request.user, files={form.cleaned_data["path"]: content})
            messages.success(request, f"Saved {form.cleaned_data['path']}.")
        except DomainError as exc:
            messages.error(request, exc.detail)
    else:
        messages.error(request, "Give the file a path.")
    target = reverse("space-page", args=[owner, name])
    return redirect(f"{target}?file={form.data.get('path', '')}")


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
    try:
        fork = services.space_fork(source=source, user=request.user, name=request.POST.get("name") or None)
    except DomainError as exc:
        messages.error(request, exc.detail)
        return redirect("space-page", owner, name)
    messages.success(request, f"Forked {source.repo_name} to {fork.repo_name}.")
    return redirect("space-page", fork.organization.slug, fork.name)
