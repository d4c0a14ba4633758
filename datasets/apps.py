from django.apps import AppConfig


class DatasetsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "datasets"

    def ready(self) -> None:
        from accounts.usage import register_meter
        from datasets.meters import dataset_storage_bytes

        register_meter("storage", dataset_storage_bytes)
