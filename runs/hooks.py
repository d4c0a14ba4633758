"""Explicit cross-app hooks on runs (no signals): other apps register a callback once, at start-up.

    from runs.hooks import on_run_finished
    on_run_finished(my_callback)  # called with the run id after a run completed

A failing callback is logged and never changes the run's own outcome.
"""

import logging
from collections.abc import Callable

logger = logging.getLogger(__name__)
_finished: list[Callable] = []


def on_run_finished(callback: Callable) -> None:
    if callback not in _finished:
        _finished.append(callback)


def run_finished(run_id) -> None:
    """Called by runs.execution once a run has completed."""
    for callback in list(_finished):
        try:
            callback(run_id)
        except Exception:
            logger.exception("Run-finished hook %s failed for run %s", getattr(callback, "__name__", callback), run_id)
