"""Background work on circuits. Task names are a wire contract: never rename them."""

from celery import shared_task

from circuits.services import circuit_version_analyse
from circuits.services.analysis import analyses_recover


@shared_task(name="circuits.analyse_version", acks_late=True, soft_time_limit=120, time_limit=150)
def analyse_version(version_id: str) -> None:
    circuit_version_analyse(version_id=version_id)


@shared_task(name="circuits.recover_analyses", acks_late=True, ignore_result=True)
def recover_analyses() -> int:
    return analyses_recover()
