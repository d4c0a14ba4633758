"""Stars and forks. A fork shares the stored files of the version it copies: nothing is re-uploaded."""

from django.db import transaction

from accounts.usage import usage_check
from datasets.models import Dataset, DatasetStar, DatasetVersion, State
from datasets.selectors import current_version
from datasets.services.datasets import dataset_save_new
from datasets.services.versions import version_schedule
from qubithub.api.exceptions import Conflict
from qubithub.social import counter_bump, star_toggle

COPIED_VERSION_FIELDS = (
    "file_path",
    "derived_path",
    "size_bytes",
    "sha256",
    "state",
    "error_message",
    "dataset_schema",
    "total_rows",
    "column_stats",
    "structure",
    "preview",
    "processed_at",
)


def dataset_star_toggle(*, dataset: Dataset, user) -> tuple[bool, int]:
    return star_toggle(star_model=DatasetStar, target_field="dataset", target=dataset, user=user)


def dataset_fork(*, source: Dataset, user, name: str | None = None) -> Dataset:
    """Metadata and the current version, into the caller's personal namespace."""
    name = name or source.name
    latest = current_version(source)
    usage_check(user=user, kind="storage", amount=latest.size_bytes if latest else 1)
    fork = Dataset(
        organization=user.personal_org,
        created_by=user,
        name=name,
        title=source.title,
        description=source.description,
        format=source.format,
        license=source.license,
        citation=source.citation,
        is_public=source.is_public,
        forked_from=source,
    )
    taken = Conflict(f"You already have a dataset named '{name}'. Pick another name for the fork.")
    with transaction.atomic():
        dataset_save_new(
            fork,
            tags=[t.name for t in source.tags.all()],
            task_categories=[c.name for c in source.categories.all()],
            taken_error=taken,
        )
        if latest is not None:
            _copy_version(latest, fork, user)
        counter_bump(source, "forks_count")
    return fork


def _copy_version(version: DatasetVersion, fork: Dataset, user) -> None:
    copy = DatasetVersion.objects.create(
        dataset=fork,
        version_number=1,
        commit_message=f"Fork of {version.dataset.repo_name} at version {version.version_number}",
        author=user,
        **{field: getattr(version, field) for field in COPIED_VERSION_FIELDS},
    )
    if copy.state == State.PROCESSING:
        transaction.on_commit(lambda: version_schedule(copy.id))
