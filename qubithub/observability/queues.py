"""Depth of each Celery queue, read from the Redis broker (kombu keeps one list per queue and priority)."""

from django.conf import settings

QUEUES = ("default", "simulation", "emulation", "hardware", "sandbox", "processing")
PRIORITY_SEPARATOR = "\x06\x16"


def _redis():
    import redis

    return redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_timeout=3, socket_connect_timeout=3)


def queue_depths(queues=QUEUES) -> dict[str, int]:
    """Messages waiting per queue; {} in embedded mode (no broker)."""
    if not settings.CELERY_BROKER_URL or not settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
        return {}
    client = _redis()
    with client.pipeline(transaction=False) as pipe:
        for queue in queues:
            pipe.llen(queue)
            for priority in range(1, 10):
                pipe.llen(f"{queue}{PRIORITY_SEPARATOR}{priority}")
        counts = pipe.execute()
    per_queue = 10
    return {queue: sum(counts[i * per_queue : (i + 1) * per_queue]) for i, queue in enumerate(queues)}


def unacknowledged() -> int:
    """Messages delivered to a worker and not yet acknowledged (running or prefetched)."""
    if not settings.CELERY_BROKER_URL or not settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
        return 0
    return int(_redis().hlen("unacked"))
