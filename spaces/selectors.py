"""Reads on spaces for a given user: lists, one space, one file, one execution."""

from django.db.models import Q

from orgs.access import can_view, get_visible_or_404
from qubithub.api.exceptions import Forbidden, NotFound
from qubithub.listing import order_by_for, repo_lookup
from spaces.models import Space, SpaceExecution, SpaceFile, SpaceStar
from spaces.querysets import space_for_detail, spaces_for_listing


def space_list(*, user, filters: dict):
    queryset = spaces_for_listing(user)
    for field in ("sdk", "space_type"):
        if filters.get(field):
            queryset = queryset.filter(**{field: filters[field]})
    if filters.get("owner"):
        queryset = queryset.filter(organization__slug__iexact=filters["owner"])
    if filters.get("q"):
        term = filters["q"].strip()
        queryset = queryset.filter(Q(name__icontains=term) | Q(title__icontains=term) | Q(description__icontains=term))
    return queryset.order_by(*order_by_for(filters.get("sort") or "created_at"))


def space_get(*, user, space_id) -> Space:
    return get_visible_or_404(space_for_detail(user), user, what="Space", pk=space_id)


def space_resolve(*, user, repo_name: str) -> Space:
    return get_visible_or_404(space_for_detail(user), user, what="Space", **repo_lookup(repo_name))


def space_files(space: Space) -> dict[str, bytes]:
    """Every file of the space, path -> content: what an execution's work directory holds."""
    return {
        path: bytes(content) for path, content in SpaceFile.objects.filter(space=space).values_list("path", "content")
    }


def space_file_get(*, user, file_id) -> SpaceFile:
    """A file of a space the user may see; anything else is 404."""
    try:
        record = SpaceFile.objects.select_related("space").get(pk=file_id)
    except (SpaceFile.DoesNotExist, ValueError):
        raise NotFound("File not found.") from None
    if not can_view(user, record.space):
        raise NotFound("File not found.")
    return record


def execution_get(*, user, execution_id) -> SpaceExecution:
    """An execution is seen by who started it (and whoever may edit its space); others get 404 or 403."""
    execution = SpaceExecution.objects.select_related("space").filter(pk=execution_id).first()
    if execution is None or not can_view(user, execution.space):
        raise NotFound("Execution not found.")
    if execution.user_id != getattr(user, "id", None):
        raise Forbidden("Only the user who started this execution may follow it.")
    return execution


def space_executions_recent(*, user, space: Space, limit: int = 5) -> list[SpaceExecution]:
    """The user's latest executions of this space (an execution is followed only by who started it)."""
    if not getattr(user, "is_authenticated", False):
        return []
    queryset = SpaceExecution.objects.filter(space=space, user=user).defer("code").order_by("-created_at")
    return list(queryset[:limit])


def space_delete_summary(*, user, space: Space) -> dict:
    """What deleting a space removes (files, executions, stars) and what it leaves: its forks, which stay but
    lose their link; those the user may not see are only counted."""
    files = list(SpaceFile.objects.filter(space=space).values_list("path", "size"))
    forks = Space.objects.filter(forked_from=space)
    visible = list(forks.visible_to(user).select_related("organization").order_by("created_at"))
    return {
        "files": files,
        "files_bytes": sum(size for _path, size in files),
        "executions_count": SpaceExecution.objects.filter(space=space).count(),
        "stars_count": SpaceStar.objects.filter(space=space).count(),
        "forks": visible,
        "hidden_forks_count": forks.count() - len(visible),
    }
