"""Celery task interface for hardware runs (listed in CELERY_IMPORTS; name is a wire contract)."""

from celery import shared_task

from runs.providers import execution


@shared_task(name="runs.poll_hardware", acks_late=True, ignore_result=True, soft_time_limit=300, time_limit=360)
def poll_hardware() -> dict:
    return execution.hardware_runs_poll()
