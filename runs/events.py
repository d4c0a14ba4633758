"""Realtime run events: one channel group per run; the payload is the run's public state."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


def group_name(run_id) -> str:
    return f"run.{run_id}"


def run_state(run) -> dict:
    return {
        "id": str(run.id),
        "status": run.status,
        "results": run.results,
        "metrics": run.metrics,
        "error_message": run.error_message,
        "error_class": run.error_class,
        "started_at": run.started_at.isoformat() if run.started_at else None,
        "completed_at": run.completed_at.isoformat() if run.completed_at else None,
    }


def publish(run) -> None:
    """Called by services after the database write: every subscriber gets the new state."""
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(group_name(run.id), {"type": "run.update", "state": run_state(run)})
