"""Reads on spaces for a given user: lists, one space, one file, one execution."""

from django.db.models import Q

from orgs.access import can_view, get_visible_or_404
from qubithub.api.exceptions import Forbidden, NotFound
from qubithub.listing import order_by_for, repo_lookup
from spaces.models import Space, SpaceExecution, SpaceFile
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
