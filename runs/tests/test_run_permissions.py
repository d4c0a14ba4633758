"""Who may cancel or delete a run, on the pages and the API alike (runs.selectors.run_manageable): the submitter,
admins and owners of the circuit's organization for its members' runs, nobody else."""

import pytest
from django.test import Client

from conftest import jwt_client
from qubithub.errors import Conflict, Forbidden
from runs import services
from runs.models import Run, RunStatus
from runs.selectors import run_manageable
from runs.tests.conftest import publish_circuit

pytestmark = pytest.mark.django_db


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def make_run(circuit, user, status=RunStatus.RUNNING, **fields) -> Run:
    return Run.objects.create(
        circuit=circuit, circuit_version=circuit.versions.first(), user=user, status=status, **fields
    )


@pytest.fixture
def lab_circuit(alice, lab):
    return publish_circuit(alice, "lab-bell", organization_name="lab")


def test_an_outsider_cancels_their_own_run_on_someone_elses_public_circuit_from_the_page(charlie, bell):
    run = make_run(bell, charlie)
    browser = session(charlie)
    assert "Cancel run" in browser.get(f"/runs/{run.id}").content.decode()
    response = browser.post(f"/runs/{run.id}/cancel", follow=True)
    assert response.status_code == 200 and "Run cancelled." in response.content.decode()
    run.refresh_from_db()
    assert (run.status, run.error_class) == (RunStatus.CANCELLED, "cancelled")


def test_an_outsider_cancels_then_deletes_their_own_run_through_the_api(charlie, bell):
    run = make_run(bell, charlie)
    client = jwt_client(charlie)
    assert client.delete(f"/api/runs/{run.id}").status_code == 204
    run.refresh_from_db()
    assert run.status == RunStatus.CANCELLED
    assert client.delete(f"/api/runs/{run.id}").status_code == 204
    assert not Run.objects.filter(pk=run.pk).exists()


def test_the_circuit_owner_cannot_cancel_an_outsiders_run_on_their_circuit(alice, charlie, bell):
    run = make_run(bell, charlie)
    assert session(alice).post(f"/runs/{run.id}/cancel").status_code == 403
    assert jwt_client(alice).delete(f"/api/runs/{run.id}").status_code == 403
    assert "Cancel run" not in session(alice).get(f"/runs/{run.id}").content.decode()
    run.refresh_from_db()
    assert run.status == RunStatus.RUNNING


def test_org_admins_manage_their_members_runs_on_the_orgs_circuits(alice, bob, lab_circuit):
    run = make_run(lab_circuit, bob)
    assert run_manageable(alice, run)
    assert session(alice).post(f"/runs/{run.id}/cancel").status_code == 302
    run.refresh_from_db()
    assert run.status == RunStatus.CANCELLED


def test_org_admins_do_not_manage_outsiders_runs_on_the_orgs_public_circuits(alice, charlie, lab_circuit):
    run = make_run(lab_circuit, charlie)
    assert not run_manageable(alice, run)
    with pytest.raises(Forbidden, match="Only the person who submitted this run"):
        services.run_cancel(user=alice, run=run)


def test_a_member_cannot_cancel_another_members_run(alice, bob, lab_circuit):
    run = make_run(lab_circuit, alice)
    assert session(bob).post(f"/runs/{run.id}/cancel").status_code == 403
    assert jwt_client(bob).delete(f"/api/runs/{run.id}").status_code == 403
    assert session(bob).get(f"/runs/{run.id}/delete").status_code == 403


def test_cancel_on_a_run_that_finished_meanwhile_keeps_it_and_says_so(alice, bell):
    run = make_run(bell, alice, status=RunStatus.COMPLETED, results={"counts": {"0": 1}})
    response = session(alice).post(f"/runs/{run.id}/cancel", follow=True)
    page = response.content.decode()
    assert "already finished (completed) before it could be cancelled; nothing changed" in page
    run.refresh_from_db()
    assert run.status == RunStatus.COMPLETED and run.results == {"counts": {"0": 1}}


def test_api_delete_of_an_active_run_that_completes_meanwhile_deletes_nothing(alice, bell):
    run = make_run(bell, alice)
    stale = Run.objects.get(pk=run.pk)  # read while running
    Run.objects.filter(pk=run.pk).update(status=RunStatus.COMPLETED)  # the worker finishes it before the cancel
    with pytest.raises(Conflict, match="already finished"):
        services.run_cancel_or_delete(user=alice, run=stale)
    assert Run.objects.get(pk=run.pk).status == RunStatus.COMPLETED


def test_deleting_an_active_run_is_refused_until_it_is_cancelled(alice, bell):
    run = make_run(bell, alice)
    with pytest.raises(Conflict, match="cancel it first"):
        services.run_delete(user=alice, run=run)
    assert Run.objects.filter(pk=run.pk).exists()


def test_an_organizations_api_key_manages_runs_on_its_circuits_only(alice, lab, bell, lab_circuit):
    from conftest import key_client

    personal = make_run(bell, alice)  # alice's own run on her personal circuit
    on_lab = make_run(lab_circuit, alice)
    lab_key = key_client(alice, organization=lab)
    assert lab_key.delete(f"/api/runs/{personal.id}").status_code in (403, 404)
    personal.refresh_from_db()
    assert personal.status == RunStatus.RUNNING
    assert lab_key.delete(f"/api/runs/{on_lab.id}").status_code in (200, 204)
    on_lab.refresh_from_db()
    assert on_lab.status == RunStatus.CANCELLED
