"""Analyses that never arrived (the process stopped first) or failed on the platform's side are sent again,
a bounded number of times; a failure of the user's own code is final."""

from datetime import timedelta

import pytest
from django.utils import timezone

from circuits.models import CircuitVersion
from circuits.services.analysis import ANALYSIS_ATTEMPTS, analyses_recover
from circuits.tests.conftest import make_circuit

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(alice, settings):
    settings.QH_DISPATCH_INLINE = True
    circuit = make_circuit(alice, "bell")
    version = circuit.versions.get()
    CircuitVersion.objects.filter(pk=version.pk).update(created_at=timezone.now() - timedelta(minutes=10))
    return version


def set_analysis(version, analysis: dict) -> None:
    CircuitVersion.objects.filter(pk=version.pk).update(analysis=analysis)


def stored(version) -> dict:
    version.refresh_from_db()
    return version.analysis


@pytest.fixture
def engine(monkeypatch):
    outcome = {"result": {"qubits": 2, "depth": 2, "gates": ["h", "cx"]}}

    def analyse(version, files):
        if isinstance(outcome["result"], Exception):
            raise outcome["result"]
        return dict(outcome["result"])

    monkeypatch.setattr("circuits.services.analysis.engine_analyse", analyse)
    return outcome


def test_an_analysis_that_never_ran_is_sent_again(version, engine):
    set_analysis(version, {})
    assert analyses_recover() == 1
    assert stored(version)["status"] == "ok" and stored(version)["qubits"] == 2


def test_a_fresh_version_is_left_to_its_own_analysis(version, engine):
    set_analysis(version, {})
    CircuitVersion.objects.filter(pk=version.pk).update(created_at=timezone.now())
    assert analyses_recover() == 0


def test_a_platform_failure_is_retried_a_bounded_number_of_times(version, engine):
    engine["result"] = RuntimeError("the warm sandbox did not start")
    set_analysis(version, {"status": "error", "error_class": "internal_error", "attempts": 1})
    sent = [analyses_recover() for _ in range(ANALYSIS_ATTEMPTS + 2)]
    assert sum(sent) == ANALYSIS_ATTEMPTS - 1
    assert stored(version)["attempts"] == ANALYSIS_ATTEMPTS


def test_a_failure_of_the_users_code_is_final(version, engine):
    set_analysis(version, {"status": "error", "error_class": "circuit_load_error", "error": "NameError"})
    assert analyses_recover() == 0
    assert stored(version)["error_class"] == "circuit_load_error"


def test_a_lost_recovery_is_sent_again_after_the_grace_period(version, engine):
    old = (timezone.now() - timedelta(minutes=5)).isoformat()
    set_analysis(version, {"status": "pending", "attempts": 0, "queued_at": old})
    assert analyses_recover() == 1
    assert stored(version)["status"] == "ok"
    set_analysis(version, {"status": "pending", "attempts": 0, "queued_at": timezone.now().isoformat()})
    assert analyses_recover() == 0


def test_drain_waits_for_every_job_sent_to_the_embedded_pool(settings):
    """`manage.py load_demo` drains before it exits, so its analyses are not cut short by the shutdown."""
    import time

    from qubithub import dispatch

    settings.QH_DISPATCH_INLINE = False
    settings.CELERY_BROKER_URL = ""
    finished = []

    class SlowTask:
        name = "test.slow"

        @staticmethod
        def run(n):
            time.sleep(0.2)
            finished.append(n)

    for n in range(3):
        dispatch.dispatch(SlowTask, n)
    dispatch.drain()
    assert sorted(finished) == [0, 1, 2]
    dispatch.dispatch(SlowTask, 3)  # the pool is there again for later work
    dispatch.drain()
    assert len(finished) == 4
