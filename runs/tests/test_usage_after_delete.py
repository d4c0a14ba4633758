"""Deleting runs never hands the plan quota back: runs per day and shots per month count what was used."""

from datetime import timedelta

import pytest
from django.utils import timezone

from runs import services
from runs.models import DeletedRunUsage, Run, RunStatus
from runs.usage import deleted_run_usage_prune, runs_today, shots_this_month

pytestmark = pytest.mark.django_db


def finished_run(circuit, user, shots: int) -> Run:
    return Run.objects.create(
        circuit=circuit, circuit_version=circuit.versions.first(), user=user, shots=shots, status=RunStatus.COMPLETED
    )


def test_deleting_a_run_keeps_its_run_and_shots_in_the_usage(alice, bell):
    finished_run(bell, alice, 1024)
    doomed = finished_run(bell, alice, 50_000)
    assert (runs_today(alice), shots_this_month(alice)) == (2, 51_024)
    services.run_delete(user=alice, run=doomed)
    assert (runs_today(alice), shots_this_month(alice)) == (2, 51_024)


def test_runs_deleted_in_bulk_or_with_their_circuit_still_count(alice, bell):
    for _ in range(3):
        finished_run(bell, alice, 100)
    Run.objects.all().delete()  # the admin's bulk delete
    assert (runs_today(alice), shots_this_month(alice)) == (3, 300)
    finished_run(bell, alice, 10)
    bell.delete()
    assert (runs_today(alice), shots_this_month(alice)) == (4, 310)


def test_old_deleted_runs_leave_the_day_and_are_pruned_after_the_month(alice, bell):
    finished_run(bell, alice, 7).delete()
    DeletedRunUsage.objects.update(created_at=timezone.now() - timedelta(days=41))
    assert runs_today(alice) == 0
    assert deleted_run_usage_prune() == 1 and not DeletedRunUsage.objects.exists()


def test_a_user_can_be_deleted_with_their_runs(alice, bell):
    finished_run(bell, alice, 5)
    alice.delete()
    assert not Run.objects.exists()
