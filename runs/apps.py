from django.apps import AppConfig


class RunsConfig(AppConfig):
    name = "runs"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accounts.usage import register_meter
        from runs.usage import runs_today, shots_this_month

        register_meter("runs", runs_today)
        register_meter("shots", shots_this_month)
