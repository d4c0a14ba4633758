"""Background work on datasets. Task names are a wire contract: never rename them."""

from celery import shared_task

from datasets.services import dataset_version_process


@shared_task(name="datasets.process_version", acks_late=True, reject_on_worker_lost=True, time_limit=3600)
def process_version(version_id: str) -> str | None:
    return dataset_version_process(version_id=version_id)
