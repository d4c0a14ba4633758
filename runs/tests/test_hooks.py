import pytest

from runs import hooks
from runs.models import Run, RunStatus
from runs.services import run_submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(monkeypatch):
    calls = []
    monkeypatch.setattr(hooks, "_finished", [])
    hooks.on_run_finished(lambda run_id: calls.append(run_id))
    return calls


def submit(user, circuit, capture, **extra):
    with capture(execute=True):
        return run_submit(user=user, circuit_id=circuit.id, **extra)


def test_a_completed_run_calls_the_registered_hook_once(
    alice, bell, fake_engine, finished, django_capture_on_commit_callbacks
):
    run = submit(alice, bell, django_capture_on_commit_callbacks)
    assert finished == [run.id]


def test_a_failed_run_does_not_call_it(alice, bell, fake_engine, finished, django_capture_on_commit_callbacks):
    from quantum.errors import ParseError

    fake_engine.error = ParseError("bad circuit")
    submit(alice, bell, django_capture_on_commit_callbacks)
    assert finished == []


def test_a_failing_hook_leaves_the_run_completed(
    alice, bell, fake_engine, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(hooks, "_finished", [])
    hooks.on_run_finished(lambda run_id: 1 / 0)
    run = submit(alice, bell, django_capture_on_commit_callbacks)
    assert Run.objects.get(pk=run.pk).status == RunStatus.COMPLETED


def test_a_run_keeps_its_seed_and_may_name_an_older_version(
    alice, bell, fake_engine, django_capture_on_commit_callbacks
):
    from circuits.services import IncomingFile, circuit_version_publish

    first = bell.versions.get()
    circuit_version_publish(circuit=bell, author=alice, files=[IncomingFile("notes.md", b"v2")], max_bytes=10**6)
    run = submit(alice, bell, django_capture_on_commit_callbacks, seed=42, version=first)
    assert (run.seed, run.circuit_version_id) == (42, first.id)
