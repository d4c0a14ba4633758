"""My runs filtered like GET /api/runs (circuit, backend, status as selects), deleting a finished run behind a
confirmation page, and the circuit page's run statistics (GET /api/runs/circuits/{id}/stats)."""

import pytest
from django.test import Client

from conftest import jwt_client
from runs.models import Run, RunStatus
from runs.tests.conftest import publish_circuit

pytestmark = pytest.mark.django_db


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def make_run(circuit, user, status=RunStatus.COMPLETED, **fields) -> Run:
    fields.setdefault("metrics", {"execution_time": 0.5})
    return Run.objects.create(
        circuit=circuit, circuit_version=circuit.versions.first(), user=user, status=status, **fields
    )


def listed(response) -> int:
    return response.content.decode().count('<td><a href="/runs/')


@pytest.fixture
def runs(alice, bob, bell):
    ghz = publish_circuit(alice, "ghz")
    return {
        "bell_aer": make_run(bell, alice, backend_name="qiskit_aer"),
        "bell_cirq": make_run(bell, alice, backend_name="cirq_simulator", status=RunStatus.FAILED),
        "ghz_aer": make_run(ghz, alice, backend_name="qiskit_aer"),
        "bobs": make_run(bell, bob, backend_name="fake_manila"),
        "ghz": ghz,
    }


def test_my_runs_filters_by_circuit_and_backend_with_selects_of_what_i_used(alice, bell, runs):
    browser = session(alice)
    page = browser.get("/runs").content.decode()
    assert '<select name="circuit_id"' in page and '<select name="backend_name"' in page
    assert f'<option value="{bell.id}">alice/bell</option>' in page and '<option value="cirq_simulator">' in page
    assert "fake_manila" not in page, "only backends the user ran on"
    assert listed(browser.get("/runs", {"circuit_id": str(bell.id)})) == 2
    assert listed(browser.get("/runs", {"backend_name": "qiskit_aer"})) == 2
    assert listed(browser.get("/runs", {"circuit_id": str(runs["ghz"].id), "backend_name": "qiskit_aer"})) == 1
    api = jwt_client(alice).get("/api/runs", {"circuit_id": str(bell.id)}).json()
    assert api["total"] == 2, "the page and the API agree"


def test_a_bad_filter_is_a_form_error_with_no_results(alice, runs):
    response = session(alice).get("/runs", {"backend_name": "nope", "circuit_id": "x"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode() and listed(response) == 0


def test_my_runs_page_keeps_a_bounded_number_of_queries(django_assert_max_num_queries, alice, bell):
    for _ in range(30):
        make_run(bell, alice)
    browser = session(alice)
    with django_assert_max_num_queries(10):
        assert listed(browser.get("/runs")) == 25


def test_deleting_a_finished_run_asks_first_then_deletes_it(alice, runs):
    run = runs["bell_aer"]
    browser = session(alice)
    assert f'href="/runs/{run.id}/delete"' in browser.get(f"/runs/{run.id}").content.decode()
    confirm = browser.get(f"/runs/{run.id}/delete").content.decode()
    assert "Delete this run of alice/bell?" in confirm and "qiskit_aer" in confirm
    assert Run.objects.filter(pk=run.pk).exists(), "GET deletes nothing"
    response = browser.post(f"/runs/{run.id}/delete", follow=True)
    assert response.redirect_chain[-1][0] == "/runs"
    assert "Run of alice/bell deleted." in response.content.decode()
    assert not Run.objects.filter(pk=run.pk).exists()


def test_an_active_run_cannot_be_deleted_from_the_page(alice, bell):
    run = make_run(bell, alice, status=RunStatus.RUNNING)
    browser = session(alice)
    assert "cancel it first" in browser.get(f"/runs/{run.id}/delete").content.decode()
    response = browser.post(f"/runs/{run.id}/delete", follow=True)
    assert "still active: cancel it first" in response.content.decode()
    assert Run.objects.get(pk=run.pk).status == RunStatus.RUNNING


def test_others_cannot_delete_my_run(alice, charlie, bell):
    run = make_run(bell, alice)
    assert session(charlie).get(f"/runs/{run.id}/delete").status_code == 403
    assert session(charlie).post(f"/runs/{run.id}/delete").status_code == 403
    assert Client().post(f"/runs/{run.id}/delete").status_code == 302  # to the login page
    assert Run.objects.filter(pk=run.pk).exists()


def test_the_circuit_page_shows_its_run_statistics_like_the_api(alice, bell, runs):
    make_run(bell, alice, backend_name="qiskit_aer", status=RunStatus.CANCELLED)
    page = session(alice).get("/alice/bell").content.decode()
    stats = jwt_client(alice).get(f"/api/runs/circuits/{bell.id}/stats").json()
    assert stats["total_runs"] == 4
    block = page.split('data-testid="circuit-run-stats"')[1].split('</div>\n  <div class="table-wrap"')[0]
    assert "<strong>4</strong>runs" in block and "<strong>1</strong>failed" in block
    assert "<strong>1</strong>cancelled" in block
    assert f"<strong>{stats['success_rate']}%</strong>success rate" in block
    assert "<strong>0.500 s</strong>mean execution time" in block
    by_backend = page.split('data-testid="circuit-runs-by-backend"')[1]
    assert by_backend.index("qiskit_aer") < by_backend.index("cirq_simulator") < by_backend.index("fake_manila")
    assert "qiskit_aer</a></td><td>2</td><td>1</td>" in by_backend, "most used first, with how many completed"


def test_a_circuit_without_runs_shows_no_statistics(alice, bell, client):
    assert 'data-testid="circuit-run-stats"' not in client.get("/alice/bell").content.decode()


def test_the_summary_of_my_runs_follows_the_filters(alice, bell):
    from django.test import Client

    from runs.models import Run

    for backend, shots in [("qiskit_aer", 100), ("qiskit_aer", 200), ("cirq_simulator", 1000)]:
        Run.objects.create(circuit=bell, user=alice, backend_name=backend, shots=shots, status="completed")
    client = Client()
    client.force_login(alice)
    response = client.get("/runs", {"backend_name": "qiskit_aer"})
    assert response.status_code == 200
    assert (response.context["stats"]["total_runs"], response.context["stats"]["total_shots"]) == (2, 300)
    assert client.get("/runs", {"page": "9"}).status_code == 404
