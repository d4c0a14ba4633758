from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "benchmarks"
    verbose_name = "Benchmarks"

    def ready(self) -> None:
        from benchmarks.services import results_on_run_finished
        from runs.hooks import on_run_finished

        on_run_finished(results_on_run_finished)
