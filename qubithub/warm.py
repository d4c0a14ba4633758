"""Start the sandbox's warm pool in the background when a process that executes circuits starts."""

import logging
import threading

logger = logging.getLogger(__name__)


def _warm() -> None:
    try:
        from quantum.api import warm_up

        warm_up()
    except Exception:  # a cold first job is slower, not broken
        logger.exception("Warming the sandbox pool failed; the first job will start it")


def warm_in_background() -> threading.Thread:
    thread = threading.Thread(target=_warm, name="qh-warm-pool", daemon=True)
    thread.start()
    return thread
