import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qubithub.settings")

app = Celery("qubithub")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def _warm_sandbox_pool(**kwargs) -> None:
    """Each pool process keeps a warm sandbox zygote; started in a thread so the child is ready at once."""
    from qubithub.warm import warm_in_background

    warm_in_background()
