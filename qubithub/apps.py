from django.apps import AppConfig


class QubitHubConfig(AppConfig):
    name = "qubithub"
    verbose_name = "QubitHub platform"

    def ready(self) -> None:
        from qubithub.api import schema  # noqa: F401  (registers OpenAPI extensions)
        from qubithub.observability import tasks  # noqa: F401  (request id into Celery task headers)
