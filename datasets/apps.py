from django.apps import AppConfig


class DatasetsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "datasets"

    def ready(self) -> None:
        from accounts.usage import register_meter
        from datasets.meters import dataset_storage_bytes

        register_meter("storage", dataset_storage_bytes)
        _register_deletion()


def _register_deletion() -> None:
    """A forced organization deletion deletes its datasets through dataset_delete (stored files included)."""
    from datasets.models import Dataset
    from datasets.services import dataset_delete
    from orgs.deletion import register_resource_delete

    register_resource_delete(Dataset, lambda dataset: dataset_delete(dataset=dataset))
