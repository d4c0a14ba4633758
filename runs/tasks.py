"""Celery task interfaces for runs: stable names, late acks, one service call each."""

from celery import shared_task

from runs import execution, services


@shared_task(name="runs.execute", acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def execute_run(run_id: str) -> None:
    execution.execute_run(run_id)


@shared_task(name="runs.recover", acks_late=True, ignore_result=True)
def recover_runs() -> dict:
    return services.runs_recover()
