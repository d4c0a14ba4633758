from django.apps import AppConfig


class SpacesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "spaces"

    def ready(self) -> None:
        from accounts.usage import register_meter
        from spaces.meters import cpu_seconds_this_month, executions_today, space_storage_bytes

        register_meter("storage", space_storage_bytes)
        register_meter("space_executions", executions_today)
        register_meter("space_cpu_seconds", cpu_seconds_this_month)
