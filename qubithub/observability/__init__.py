"""Observability: request ids that follow work into Celery, JSON logs, Prometheus metrics, Sentry."""
