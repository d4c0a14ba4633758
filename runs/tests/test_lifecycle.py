"""Transitions are conditional, so a redelivered task can't act twice; nothing is lost or hangs."""

from datetime import timedelta

import pytest
from django.utils import timezone

from runs import execution, services
from runs.models import Run, RunStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(alice, bell):
    return Run.objects.create(circuit=bell, circuit_version=bell.versions.get(), user=alice)


def test_a_run_is_claimed_once(run):
    assert execution.run_claim(run.id) is not None
    assert execution.run_claim(run.id) is None
    run.refresh_from_db()
    assert (run.status, run.attempts) == ("running", 1)


def test_a_run_whose_worker_died_is_reclaimed_and_only_the_new_attempt_may_finish_it(run, fake_engine):
    first = execution.run_claim(run.id)
    Run.objects.filter(pk=run.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=1))
    second = execution.run_claim(run.id)
    assert (first[1], second[1]) == (1, 2)
    execution._finish(run.id, 1, status=RunStatus.COMPLETED, results={"counts": {"0": 1}})
    run.refresh_from_db()
    assert run.status == "running"  # the stale first attempt could not finish it
    execution._finish(run.id, 2, status=RunStatus.COMPLETED, results={"counts": {"1": 1}})
    run.refresh_from_db()
    assert (run.status, run.results) == ("completed", {"counts": {"1": 1}})


def test_a_finished_run_is_not_executed_again_on_redelivery(run, fake_engine):
    execution.execute_run(run.id)
    Run.objects.filter(pk=run.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=1))
    execution.execute_run(run.id)
    assert fake_engine.calls == [run.id]


def test_a_running_run_with_a_live_heartbeat_is_not_reclaimed(run):
    execution.run_claim(run.id)
    assert execution.run_claim(run.id) is None


def test_recovery_resends_runs_whose_worker_stopped_beating(run, fake_engine):
    execution.run_claim(run.id)
    Run.objects.filter(pk=run.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=1))
    assert services.runs_recover()["redispatched"] == 1
    run.refresh_from_db()
    assert (run.status, run.attempts) == ("completed", 2)


def test_recovery_gives_up_after_the_maximum_attempts(run, settings):
    settings.QH_RUN_MAX_ATTEMPTS = 2
    Run.objects.filter(pk=run.pk).update(
        status=RunStatus.RUNNING,
        attempts=2,
        started_at=timezone.now(),
        heartbeat_at=timezone.now() - timedelta(minutes=1),
    )
    services.runs_recover()
    run.refresh_from_db()
    assert (run.status, run.error_class) == ("failed", "internal_error")
    assert "lost 2 times" in run.error_message


def test_a_cancelled_run_is_not_executed(run, fake_engine):
    services.transition(run.id, from_statuses=[RunStatus.PENDING], to=RunStatus.CANCELLED)
    execution.execute_run(run.id)
    assert fake_engine.calls == []


@pytest.mark.django_db(transaction=True)
def test_cancelling_a_running_run_stops_the_engine(run, fake_engine, settings, alice):
    import threading

    settings.QH_RUN_CANCEL_POLL_SECONDS = 0.05
    fake_engine.release = threading.Event()
    worker = threading.Thread(target=execution.execute_run, args=(run.id,))
    worker.start()
    assert fake_engine.started.wait(5)
    services.run_cancel_or_delete(user=alice, run=Run.objects.get(pk=run.id))
    worker.join(5)
    assert not worker.is_alive()
    run.refresh_from_db()
    assert run.status == "cancelled" and run.results is None


def test_recovery_redispatches_stale_pending_runs(run, fake_engine):
    Run.objects.filter(pk=run.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    assert services.runs_recover(pending_grace_s=30)["redispatched"] == 1
    run.refresh_from_db()
    assert run.status == "completed"


def test_recovery_leaves_fresh_pending_runs_alone(run, fake_engine):
    assert services.runs_recover(pending_grace_s=30)["redispatched"] == 0


def test_recovery_fails_runs_stuck_past_their_timeout(run, settings):
    settings.QH_RUN_TIMEOUT_SECONDS = 60
    Run.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, started_at=timezone.now() - timedelta(minutes=10))
    assert services.runs_recover()["timed_out"] == 1
    run.refresh_from_db()
    assert (run.status, run.error_class) == ("failed", "sandbox_timeout")
    assert "60 s" in run.error_message


def test_restart_recovery_sends_interrupted_runs_again(run, fake_engine):
    Run.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, started_at=timezone.now(), attempts=1)
    assert services.runs_recover_after_restart() == 1
    run.refresh_from_db()
    assert (run.status, run.attempts) == ("completed", 2)


def test_every_transition_is_published(run, fake_engine, monkeypatch):
    from runs import events

    seen = []
    monkeypatch.setattr(events, "publish", lambda r: seen.append(r.status))
    services.run_enqueue(run_id=run.id)
    assert seen == ["queued", "running", "completed"]


def test_usage_limits_refuse_runs_with_a_403(alice_api, bell, fake_engine, settings):
    """A plan's daily run limit answers 403 naming the limit."""
    settings.QH_PLAN_LIMITS = {
        **settings.QH_PLAN_LIMITS,
        "free": {**settings.QH_PLAN_LIMITS["free"], "runs_per_day": 1},
    }
    assert alice_api.post("/api/runs", {"circuit_id": str(bell.id)}, format="json").status_code == 201
    refused = alice_api.post("/api/runs", {"circuit_id": str(bell.id)}, format="json")
    assert refused.status_code == 403
    assert "runs per day" in refused.json()["detail"]


def test_a_platform_error_queues_the_run_again_until_the_attempts_run_out(run, fake_engine, settings, monkeypatch):
    from quantum.errors import InternalError

    settings.QH_RUN_MAX_ATTEMPTS = 3
    outcomes = [InternalError("zygote died"), InternalError("zygote died again")]

    def flaky(*, run, timeout_s, cancel_event):
        if outcomes:
            raise outcomes.pop(0)
        return fake_engine.outcome

    from runs import engine

    monkeypatch.setattr(engine, "execute_version", flaky)
    execution.execute_run(run.id)
    run.refresh_from_db()
    assert (run.status, run.attempts) == ("completed", 3)


def test_a_platform_error_on_the_last_attempt_fails_the_run(run, fake_engine, settings):
    from quantum.errors import InternalError

    settings.QH_RUN_MAX_ATTEMPTS = 1
    fake_engine.error = InternalError("the sandbox could not run the job")
    execution.execute_run(run.id)
    run.refresh_from_db()
    assert (run.status, run.error_class) == ("failed", "internal_error")


@pytest.mark.django_db(transaction=True)
def test_the_watcher_survives_a_database_hiccup_and_still_sees_the_cancellation(run, settings, monkeypatch):
    import threading

    from django.db import OperationalError
    from django.db.models import QuerySet

    settings.QH_RUN_CANCEL_POLL_SECONDS = 0.02
    claimed = execution.run_claim(run.id)
    real_exists, failures = QuerySet.exists, []

    def exists_failing_twice(self):
        if len(failures) < 2:
            failures.append(1)
            raise OperationalError("database table is locked")
        return real_exists(self)

    monkeypatch.setattr(QuerySet, "exists", exists_failing_twice)
    cancel, done = threading.Event(), threading.Event()
    watcher = threading.Thread(target=execution._watch, args=(run.id, claimed[1], cancel, done))
    watcher.start()
    try:
        assert not cancel.wait(0.3), "a database error must not cancel the job"
        assert len(failures) == 2
        Run.objects.filter(pk=run.pk).update(status=RunStatus.CANCELLED)
        assert cancel.wait(5), "the watcher died on the database error instead of watching on"
    finally:
        done.set()
        watcher.join(5)


def test_the_run_socket_ignores_events_after_its_final_state():
    """A second event for a finished run (e.g. completed, then a late duplicate) must not send on a closed socket."""
    import asyncio

    from runs.consumers import RunConsumer

    sent, closed = [], []
    consumer = RunConsumer()

    async def send_json(content):
        sent.append(content)

    async def close(code=None):
        closed.append(code)

    consumer.send_json, consumer.close = send_json, close

    async def events():
        await consumer.send_state({"id": "r", "status": "running"})
        await consumer.send_state({"id": "r", "status": "completed"})
        await consumer.send_state({"id": "r", "status": "completed"})

    asyncio.run(events())
    assert [s["status"] for s in sent] == ["running", "completed"] and closed == [1000]
