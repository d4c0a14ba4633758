"""The one place that knows where background work goes.

Production (a broker is configured): Celery's apply_async on the named queue.
Embedded: a small in-process thread pool that calls the very same task function.
Tests may set QH_DISPATCH_INLINE to run the task at once in the caller's thread.
"""

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import close_old_connections

logger = logging.getLogger(__name__)
_executor: ThreadPoolExecutor | None = None
_lock = threading.Lock()


def _embedded_executor() -> ThreadPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=settings.QH_EMBEDDED_WORKERS, thread_name_prefix="qh-job")
        return _executor


def _run_in_thread(task, args: tuple, kwargs: dict) -> None:
    close_old_connections()
    try:
        task.run(*args, **kwargs)
    except Exception:
        logger.exception("Background task %s failed", task.name)
    finally:
        close_old_connections()


def dispatch(task, *args, queue: str = "default", **kwargs) -> None:
    """Send `task` (a Celery task object) to run in the background on `queue`."""
    if settings.QH_DISPATCH_INLINE:
        task.run(*args, **kwargs)
    elif settings.CELERY_BROKER_URL:
        task.apply_async(args=args, kwargs=kwargs, queue=queue)
    else:
        _embedded_executor().submit(_run_in_thread, task, args, kwargs)


def drain() -> None:
    """Embedded mode: wait until the in-process pool has finished every job sent so far (a management command
    calls this before it exits, or the interpreter's shutdown would cut its background work short)."""
    global _executor
    with _lock:
        executor, _executor = _executor, None
    if executor is not None:
        executor.shutdown(wait=True)
