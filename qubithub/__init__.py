# Load the Celery app with Django so that @shared_task tasks bind to it (broker from settings).
from qubithub.celery import app as celery_app

__all__ = ["celery_app"]
