"""Celery task interfaces for runs: stable names, late acks, one service call each."""

from celery import shared_task

from runs import execution, services


@shared_task(name="runs.execute", bind=True, acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def execute_run(self, run_id: str) -> None:
    delivery = getattr(self.request, "delivery_info", None) or {}
    execution.execute_run(run_id, redelivered=bool(delivery.get("redelivered")))


@shared_task(name="runs.recover", acks_late=True, ignore_result=True)
def recover_runs() -> dict:
    return services.runs_recover()
