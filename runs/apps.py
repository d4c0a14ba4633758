from django.apps import AppConfig


class RunsConfig(AppConfig):
    name = "runs"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from accounts.usage import register_meter
        from runs.models import Run
        from runs.usage import deleted_run_counted, runs_today, shots_this_month

        register_meter("runs", runs_today)
        register_meter("shots", shots_this_month)
        post_delete.connect(deleted_run_counted, sender=Run, dispatch_uid="runs.deleted_run_counted")
