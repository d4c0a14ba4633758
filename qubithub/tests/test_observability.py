"""Request ids, JSON logs, /metrics, Sentry, security headers, queue depths."""

import io
import json
import logging

import pytest
from django.core.management import call_command

from qubithub.observability import context, metrics
from qubithub.observability import tasks as task_signals
from qubithub.observability.logs import JsonFormatter, RequestIdFilter
from qubithub.observability.sentry import init_sentry

pytestmark = pytest.mark.django_db


def test_it_makes_a_request_id_and_echoes_it(api):
    response = api.get("/healthz")
    assert len(response["X-Request-ID"]) == 32


def test_it_keeps_a_clients_request_id(api):
    assert api.get("/healthz", HTTP_X_REQUEST_ID="trace-42.a")["X-Request-ID"] == "trace-42.a"


def test_it_replaces_an_unsafe_request_id(api):
    response = api.get("/healthz", HTTP_X_REQUEST_ID="bad id\r\nSet-Cookie: x")
    assert response["X-Request-ID"] != "bad id" and len(response["X-Request-ID"]) == 32


def test_every_log_line_of_a_request_carries_its_id(rf):
    from django.http import JsonResponse

    from qubithub.observability.middleware import RequestIdMiddleware

    logger = logging.getLogger("qubithub.test")
    handler = logging.StreamHandler(stream := io.StringIO())
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger.addHandler(handler)

    def view(request):
        logger.warning("inside the view", extra={"run_id": "r1"})
        return JsonResponse({})

    try:
        RequestIdMiddleware(view)(rf.get("/x", HTTP_X_REQUEST_ID="req-abc"))
        logger.warning("outside")
    finally:
        logger.removeHandler(handler)
    inside, outside = (json.loads(line) for line in stream.getvalue().splitlines())
    assert inside["request_id"] == "req-abc" and inside["run_id"] == "r1" and inside["message"] == "inside the view"
    assert inside["level"] == "WARNING" and inside["logger"] == "qubithub.test" and "ts" in inside
    assert outside["request_id"] == "-"


def test_the_request_id_travels_in_celery_task_headers():
    headers: dict = {}
    token = context.bind("req-for-task")
    try:
        task_signals._attach_request_id(headers=headers)
    finally:
        context.unbind(token)
    assert headers == {"qh_request_id": "req-for-task"}

    class Request:
        qh_request_id = "req-for-task"
        headers = None

    class Task:
        name = "runs.execute"
        request = Request()

    task_signals._bind_request_id(task_id="t1", task=Task())
    assert context.request_id() == "req-for-task"
    task_signals._unbind_request_id(task_id="t1")
    assert context.request_id() == ""


def test_metrics_expose_latency_runs_and_errors(api, settings):
    settings.QH_METRICS_TOKEN = ""
    api.get("/healthz")
    body = api.get("/metrics").content.decode()
    assert 'qubithub_http_request_duration_seconds_bucket{le="0.2",method="GET",route="/healthz",status="200"}' in body
    for family in ("qubithub_runs", "qubithub_http_errors", "qubithub_run_execution_seconds", "qubithub_queue_depth"):
        assert f"# TYPE {family}" in body


def test_runs_are_counted_by_status_and_backend(alice):
    from circuits.tests.conftest import make_circuit
    from runs.models import Run

    circuit = make_circuit(alice, "metered")
    Run.objects.create(circuit=circuit, user=alice, status="completed", backend_type="simulation")
    Run.objects.create(circuit=circuit, user=alice, status="failed", backend_type="emulation")
    text = metrics.exposition().decode()
    assert 'qubithub_runs{backend_type="simulation",status="completed"} 1.0' in text
    assert 'qubithub_runs{backend_type="emulation",status="failed"} 1.0' in text


def test_metrics_need_the_bearer_token_when_one_is_set(api, settings):
    settings.QH_METRICS_TOKEN = "s3cret-token"
    assert api.get("/metrics").status_code == 401
    assert api.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
    assert api.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token").status_code == 200


def test_sentry_starts_only_with_a_dsn(monkeypatch):
    import sentry_sdk

    calls = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **kwargs: calls.append(kwargs))
    assert init_sentry({}) is False and calls == []
    assert init_sentry({"SENTRY_DSN": "https://key@sentry.invalid/1", "SENTRY_TRACES_SAMPLE_RATE": "0.1"}) is True
    assert calls[0]["dsn"] == "https://key@sentry.invalid/1" and calls[0]["traces_sample_rate"] == 0.1
    assert calls[0]["send_default_pii"] is False


def test_pages_and_api_carry_the_security_headers(api):
    for path in ("/", "/api/circuits"):
        response = api.get(path)
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"


@pytest.mark.services
def test_queue_depths_reads_each_queue_from_redis(settings):
    import redis

    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    client.delete("sandbox", "hardware")
    client.lpush("sandbox", "m1", "m2", "m3")
    client.lpush("hardware\x06\x163", "m4")
    try:
        out = io.StringIO()
        call_command("queue_depths", "--json", stdout=out)
        depths = json.loads(out.getvalue())["queues"]
        assert depths["sandbox"] == 3 and depths["hardware"] == 1 and set(depths) >= {"default", "simulation"}
    finally:
        client.delete("sandbox", "hardware\x06\x163")
