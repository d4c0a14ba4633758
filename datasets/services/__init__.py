"""Every write on datasets. Import from here: `from datasets.services import dataset_create`."""

from datasets.services.datasets import dataset_create, dataset_delete, dataset_update, license_clean
from datasets.services.social import dataset_fork, dataset_star_toggle
from datasets.services.versions import (
    dataset_download_record,
    dataset_version_process,
    dataset_version_publish,
    version_schedule,
)

__all__ = [
    "dataset_create",
    "dataset_delete",
    "dataset_download_record",
    "dataset_fork",
    "dataset_star_toggle",
    "dataset_update",
    "dataset_version_process",
    "dataset_version_publish",
    "license_clean",
    "version_schedule",
]
