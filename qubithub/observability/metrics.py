"""Prometheus metrics.

Counted in the process that sees the event (request latency and errors in web processes, run transitions and
execution time where the transition happens); with PROMETHEUS_MULTIPROC_DIR set, /metrics adds up every process
on the machine that shares that directory. Cluster-wide figures (runs by status and backend, queue depths) are
read from PostgreSQL and Redis at scrape time, so any web process answers them correctly.
"""

import logging
import os

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import REGISTRY

logger = logging.getLogger(__name__)
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5, 10)
EXECUTION_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300)

REQUEST_SECONDS = Histogram(
    "qubithub_http_request_duration_seconds",
    "Time to answer an HTTP request, by method, route template and status.",
    ["method", "route", "status"],
    buckets=LATENCY_BUCKETS,
)
ERRORS = Counter("qubithub_http_errors", "HTTP answers with a 5xx status, by route.", ["method", "route", "status"])
RUN_TRANSITIONS = Counter(
    "qubithub_run_transitions", "Run state changes, by new status and backend type.", ["status", "backend_type"]
)
RUN_EXECUTION_SECONDS = Histogram(
    "qubithub_run_execution_seconds",
    "Time from a run's start on a worker (sandboxed execution included) to its final state.",
    ["backend_type", "status"],
    buckets=EXECUTION_BUCKETS,
)
TERMINAL = {"completed", "failed", "cancelled"}


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    REQUEST_SECONDS.labels(method, route, str(status)).observe(seconds)
    if status >= 500:
        ERRORS.labels(method, route, str(status)).inc()


def observe_run_transition(run) -> None:
    """Called by runs.services.transition() after the write; never lets a metrics problem break a run."""
    try:
        RUN_TRANSITIONS.labels(run.status, run.backend_type).inc()
        if run.status in TERMINAL and run.started_at and run.completed_at:
            seconds = (run.completed_at - run.started_at).total_seconds()
            RUN_EXECUTION_SECONDS.labels(run.backend_type, run.status).observe(max(seconds, 0.0))
    except Exception:  # pragma: no cover - metrics must not fail the caller
        logger.exception("Could not record run metrics")


class ClusterCollector:
    """Gauges read at scrape time: runs by status and backend (PostgreSQL), queue depths (Redis)."""

    def collect(self):
        runs = GaugeMetricFamily("qubithub_runs", "Runs by status and backend type.", labels=["status", "backend_type"])
        for row in _runs_by_status():
            runs.add_metric([row["status"], row["backend_type"]], row["n"])
        yield runs
        depth = GaugeMetricFamily("qubithub_queue_depth", "Messages waiting in each Celery queue.", labels=["queue"])
        for queue, waiting in _queue_depths().items():
            depth.add_metric([queue], waiting)
        yield depth


def _runs_by_status() -> list[dict]:
    from django.db.models import Count

    from runs.models import Run

    try:
        return list(Run.objects.values("status", "backend_type").annotate(n=Count("id")).order_by())
    except Exception:
        logger.exception("Could not count runs for /metrics")
        return []


def _queue_depths() -> dict[str, int]:
    from qubithub.observability.queues import queue_depths

    try:
        return queue_depths()
    except Exception:
        logger.exception("Could not read queue depths for /metrics")
        return {}


def exposition() -> bytes:
    registry = CollectorRegistry(auto_describe=True)
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
        registry.register(ClusterCollector())
        return generate_latest(registry)
    registry.register(ClusterCollector())
    return generate_latest(REGISTRY) + generate_latest(registry)
