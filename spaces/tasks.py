"""Celery task interface for spaces: a stable name, late acks, one service call."""

from celery import shared_task

from spaces import services


@shared_task(name="spaces.execute", acks_late=True, reject_on_worker_lost=True, ignore_result=True, time_limit=400)
def execute_space(execution_id: str) -> None:
    services.space_execution_run(execution_id)
