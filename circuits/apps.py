from django.apps import AppConfig


class CircuitsConfig(AppConfig):
    name = "circuits"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accounts.usage import register_meter
        from circuits.usage import circuit_storage_bytes

        register_meter("storage", circuit_storage_bytes)
