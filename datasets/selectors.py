"""Reads on datasets for a given user: lists, one dataset, one version."""

from django.db.models import Q

from datasets.models import Dataset, DatasetVersion, State
from datasets.querysets import datasets_for_listing
from orgs.access import get_visible_or_404
from qubithub.api.exceptions import Conflict, InvalidInput, NotFound

NATURAL_DESCENDING = {"created_at", "updated_at", "stars_count", "downloads_count"}


def order_by_for(sort: str) -> list[str]:
    field = sort.lstrip("-")
    descending = sort.startswith("-") or field in NATURAL_DESCENDING
    return [f"-{field}" if descending else field, "-id" if descending else "id"]


def _search(queryset, term: str):
    term = term.strip()
    return queryset.filter(
        Q(name__icontains=term)
        | Q(title__icontains=term)
        | Q(description__icontains=term)
        | Q(tags__name__iexact=term.lower())
    ).distinct()


def dataset_list(*, user, filters: dict):
    queryset = datasets_for_listing(user)
    if filters.get("format"):
        queryset = queryset.filter(format=filters["format"])
    for tag in {t.strip().lower() for t in filters.get("tags") or [] if t.strip()}:
        queryset = queryset.filter(tags__name=tag)
    for category in {c.strip().lower() for c in filters.get("task_categories") or [] if c.strip()}:
        queryset = queryset.filter(categories__name=category)
    if filters.get("owner"):
        queryset = queryset.filter(organization__slug__iexact=filters["owner"])
    if filters.get("q"):
        queryset = _search(queryset, filters["q"])
    return queryset.order_by(*order_by_for(filters.get("sort") or "created_at"))


def dataset_get(*, user, dataset_id) -> Dataset:
    return get_visible_or_404(datasets_for_listing(user), user, what="Dataset", pk=dataset_id)


def dataset_resolve(*, user, repo_name: str) -> Dataset:
    owner, sep, name = (repo_name or "").strip().partition("/")
    if not sep or not owner or not name or "/" in name:
        raise InvalidInput("repo_name must look like 'owner/name'.")
    lookup = {"organization__slug__iexact": owner, "name__iexact": name}
    return get_visible_or_404(datasets_for_listing(user), user, what="Dataset", **lookup)


def current_version(dataset: Dataset) -> DatasetVersion | None:
    """The newest version that did not fail processing: a rejected or failed upload never hides a good one."""
    return dataset.versions.exclude(state=State.FAILED).order_by("-version_number").first()


def version_get(*, dataset: Dataset, number: str | None, usable: bool = True) -> DatasetVersion:
    """`number` like 3, v3 or latest. With `usable`, a failed version is a 409 that gives the reason."""
    if number in (None, "", "latest"):
        version = current_version(dataset)
        if version is None:
            raise NotFound("This dataset has no processed or processing version yet: upload a file first.")
        return version
    digits = str(number).lower().lstrip("v")
    if not digits.isdigit():
        raise InvalidInput("version must be a version number (e.g. 2 or v2) or 'latest'.")
    version = DatasetVersion.objects.filter(dataset=dataset, version_number=int(digits)).first()
    if version is None:
        raise NotFound(f"Version {digits} of this dataset does not exist.")
    if usable and version.state == State.FAILED:
        raise Conflict(f"Version {digits} failed processing: {version.error_message}")
    return version


def version_ready(version: DatasetVersion) -> DatasetVersion:
    if version.state == State.PROCESSING:
        raise Conflict(f"Version {version.version_number} is still being processed; try again in a moment.")
    return version
