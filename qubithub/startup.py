"""What the web process does once it serves: in embedded mode it also plays Celery beat."""

import logging
import threading

from django.conf import settings
from django.db import close_old_connections

logger = logging.getLogger(__name__)
PERIODIC_SECONDS = 30


def _periodic(stop: threading.Event) -> None:
    from circuits.services.analysis import analyses_recover
    from runs.providers.execution import hardware_runs_poll
    from runs.services import runs_recover

    while not stop.wait(PERIODIC_SECONDS):
        close_old_connections()
        try:
            runs_recover()
        except Exception:
            logger.exception("Periodic run recovery failed")
        try:
            hardware_runs_poll()
        except Exception:
            logger.exception("Periodic hardware polling failed")
        try:
            analyses_recover()
        except Exception:
            logger.exception("Periodic analysis recovery failed")


def on_server_start() -> threading.Event | None:
    """Embedded mode: re-send runs a previous process left unfinished, then recover periodically."""
    if settings.CELERY_BROKER_URL:
        return None  # production: workers and Celery beat do this
    from qubithub.warm import warm_in_background

    warm_in_background()
    from runs.services import runs_recover_after_restart

    try:
        count = runs_recover_after_restart()
        if count:
            logger.info("Re-dispatched %d unfinished run(s) left by a previous process", count)
    except Exception:
        logger.exception("Start-up run recovery failed")
    stop = threading.Event()
    threading.Thread(target=_periodic, args=(stop,), name="qh-periodic", daemon=True).start()
    return stop
