"""Writes on a dataset's own row: create, update, delete."""

from django.db import IntegrityError, transaction
from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression

from circuits.services import forks_count_drop, owner_organization, tags_set
from datasets.models import Dataset, DatasetCategory, DatasetVersion
from datasets.storage import delete_paths
from qubithub.api.exceptions import InvalidInput

UPDATABLE_FIELDS = ("title", "description", "tags", "task_categories", "license", "citation", "is_public")


def license_clean(raw: str) -> str:
    """An SPDX license expression (`CC-BY-4.0`, `MIT OR Apache-2.0`), in its canonical spelling."""
    if not raw or not raw.strip():
        return ""
    try:
        return str(canonicalize_license_expression(raw.strip()))
    except InvalidLicenseExpression:
        raise InvalidInput(f"license: '{raw}' is not an SPDX license identifier (e.g. CC-BY-4.0, MIT).") from None


def categories_set(dataset: Dataset, names: list[str]) -> None:
    cleaned = sorted({name.strip().lower() for name in names if name and name.strip()})
    dataset.categories.exclude(name__in=cleaned).delete()
    DatasetCategory.objects.bulk_create(
        [DatasetCategory(dataset=dataset, name=name) for name in cleaned], ignore_conflicts=True
    )


def dataset_save_new(dataset: Dataset, *, tags: list[str], task_categories: list[str], taken_error) -> Dataset:
    """Validate and insert; a name clash (even a concurrent one) raises `taken_error`."""
    if Dataset.objects.filter(organization=dataset.organization, name=dataset.name).exists():
        raise taken_error
    dataset.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            dataset.save()
    except IntegrityError:
        raise taken_error from None
    tags_set(dataset, tags)
    categories_set(dataset, task_categories)
    return dataset


@transaction.atomic
def dataset_create(
    *,
    creator,
    name: str,
    title: str,
    format: str,
    description: str = "",
    tags: list[str] | None = None,
    task_categories: list[str] | None = None,
    license: str = "",
    citation: str = "",
    is_public: bool = True,
    organization_name: str | None = None,
) -> Dataset:
    organization = owner_organization(user=creator, organization_name=organization_name)
    dataset = Dataset(
        organization=organization,
        created_by=creator,
        name=name,
        title=title,
        format=format,
        description=description,
        license=license_clean(license),
        citation=citation,
        is_public=is_public,
    )
    taken = InvalidInput(
        f"A dataset named '{name}' already exists for '{organization.slug}'.", fields={"name": ["This name is taken."]}
    )
    return dataset_save_new(dataset, tags=tags or [], task_categories=task_categories or [], taken_error=taken)


@transaction.atomic
def dataset_update(*, dataset: Dataset, changes: dict) -> Dataset:
    """Partial update: only the fields given change. The name and the format never change."""
    unknown = sorted(set(changes) - set(UPDATABLE_FIELDS))
    if unknown:
        raise InvalidInput(f"These fields cannot be changed: {', '.join(unknown)}.")
    if "license" in changes:
        changes["license"] = license_clean(changes["license"])
    for field in ("title", "description", "license", "citation", "is_public"):
        if field in changes:
            setattr(dataset, field, changes[field])
    dataset.full_clean(validate_constraints=False)
    dataset.save()
    if "tags" in changes:
        tags_set(dataset, changes["tags"])
    if "task_categories" in changes:
        categories_set(dataset, changes["task_categories"])
    return dataset


def files_of(queryset) -> set[str]:
    return {path for pair in queryset.values_list("file_path", "derived_path") for path in pair if path}


def dataset_delete(*, dataset: Dataset) -> None:
    """The row, its versions and, once the deletion is committed, the files no fork still uses."""
    paths = files_of(DatasetVersion.objects.filter(dataset=dataset))
    others = DatasetVersion.objects.exclude(dataset=dataset)
    still_used = files_of(others.filter(file_path__in=paths)) | files_of(others.filter(derived_path__in=paths))
    with transaction.atomic():
        source_id = dataset.forked_from_id
        dataset.delete()
        forks_count_drop(Dataset, source_id)
        transaction.on_commit(lambda: delete_paths(paths - still_used))
