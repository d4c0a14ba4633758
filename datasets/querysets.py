"""Reads: how datasets are fetched for lists and pages, with a constant number of queries."""

from django.db.models import Exists, OuterRef, Prefetch

from circuits.models import Tag
from datasets.models import Dataset, DatasetStar, DatasetVersion

VERSION_LIST_FIELDS = (
    "id",
    "dataset_id",
    "version_number",
    "commit_message",
    "file_path",
    "size_bytes",
    "sha256",
    "state",
    "error_message",
    "total_rows",
    "dataset_schema",
    "created_at",
    "processed_at",
)


def versions_light():
    """Versions without their stored statistics and preview rows (those can be large)."""
    return DatasetVersion.objects.only(*VERSION_LIST_FIELDS).order_by("version_number")


def datasets_for_listing(user):
    queryset = (
        Dataset.objects.visible_to(user)
        .select_related("organization", "organization__personal_for", "created_by", "forked_from__organization")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")), "categories")
        .prefetch_related(Prefetch("versions", queryset=versions_light()))
    )
    if user is not None and user.is_authenticated:
        starred = DatasetStar.objects.filter(dataset=OuterRef("pk"), user=user)
        queryset = queryset.annotate(starred_by_caller=Exists(starred))
    return queryset
