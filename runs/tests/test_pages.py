"""Run pages: the live run page (result panel, histogram), cancel, re-run, my runs, the backends pages."""

import pytest
from django.test import Client

from runs.models import Run, RunStatus

pytestmark = pytest.mark.django_db


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def finished_run(circuit, user, **fields) -> Run:
    fields.setdefault("status", RunStatus.COMPLETED)
    fields.setdefault("results", {"counts": {"00": 480, "11": 530, "01": 14}})
    fields.setdefault("metrics", {"execution_time": 0.01})
    return Run.objects.create(circuit=circuit, circuit_version=circuit.versions.first(), user=user, **fields)


def test_the_run_page_shows_the_sorted_histogram_with_probabilities(django_assert_max_num_queries, alice, bell):
    run = finished_run(bell, alice)
    browser = session(alice)
    with django_assert_max_num_queries(8):
        page = browser.get(f"/runs/{run.id}").content.decode()
    assert page.index("<code>11</code>") < page.index("<code>00</code>") < page.index("<code>01</code>")
    assert "51.8%" in page and "<svg" in page
    assert "Execution time</th><td>10 ms" in page and "execution_time" not in page
    assert 'data-terminal="1"' in page


def test_an_active_run_page_connects_to_the_websocket_and_offers_cancel(alice, bell):
    run = finished_run(bell, alice, status=RunStatus.QUEUED, results=None)
    page = session(alice).get(f"/runs/{run.id}").content.decode()
    assert 'data-terminal="0"' in page and "Cancel run" in page and "js/run.js" in page


def test_the_result_panel_is_served_alone_for_the_live_page(alice, bell):
    run = finished_run(bell, alice)
    response = session(alice).get(f"/runs/{run.id}/result")
    assert b"<html" not in response.content and b"Results" in response.content


def test_a_failed_run_shows_its_error(alice, bell):
    run = finished_run(bell, alice, status=RunStatus.FAILED, results=None, error_message="boom", error_class="x")
    assert b"boom" in session(alice).get(f"/runs/{run.id}").content


def test_runs_of_a_private_circuit_are_404_to_outsiders(client, charlie, alice, private_bell):
    run = finished_run(private_bell, alice)
    assert session(charlie).get(f"/runs/{run.id}").status_code == 404
    assert client.get(f"/runs/{run.id}").status_code == 404
    assert session(charlie).post(f"/runs/{run.id}/cancel").status_code == 404


def test_cancelling_an_active_run(alice, bell):
    run = finished_run(bell, alice, status=RunStatus.RUNNING, results=None)
    assert session(alice).post(f"/runs/{run.id}/cancel").status_code == 302
    run.refresh_from_db()
    assert run.status == RunStatus.CANCELLED


def test_others_cannot_cancel_a_public_run(bob, alice, bell):
    run = finished_run(bell, alice, status=RunStatus.RUNNING, results=None)
    assert session(bob).post(f"/runs/{run.id}/cancel").status_code == 403


def test_rerun_submits_the_same_settings_again(fake_engine, alice, bell):
    run = finished_run(bell, alice, shots=77, backend_name="cirq_simulator")
    response = session(alice).post(f"/runs/{run.id}/rerun")
    again = Run.objects.exclude(pk=run.pk).get()
    assert response["Location"] == f"/runs/{again.id}"
    assert (again.shots, again.backend_name) == (77, "cirq_simulator")


def test_my_runs_lists_filters_and_counts(alice, bob, bell):
    finished_run(bell, alice)
    finished_run(bell, alice, status=RunStatus.FAILED, results=None)
    finished_run(bell, bob)
    browser = session(alice)
    page = browser.get("/runs").content.decode()
    assert page.count('href="/runs/') == 2 and "50.0%" in page
    assert browser.get("/runs", {"status": "failed"}).content.decode().count('href="/runs/') == 1


def test_my_runs_needs_a_login(client):
    assert client.get("/runs")["Location"].startswith("/login")


def test_the_backends_pages_show_the_catalogue_coupling_map_and_calibration(monkeypatch, client):
    from runs import engine

    device = {
        "id": "fake_x",
        "name": "X",
        "type": "emulation",
        "provider": "ibm",
        "qubits": 3,
        "status": "available",
        "coupling_map": [[0, 1], [1, 2]],
        "basis_gates": ["cx"],
    }
    calibration = {
        "source": "snapshot",
        "timestamp": "t",
        "qubits": [{"qubit": 0, "t1_us": 50.5}],
        "gates": [{"gate": "cx", "qubits": [0, 1], "error": 0.01}],
    }
    monkeypatch.setattr(engine, "backend_catalogue", lambda: [device])
    monkeypatch.setattr(engine, "backend_get", lambda name: device if name == "fake_x" else None)
    monkeypatch.setattr(engine, "backend_calibration", lambda name: calibration)
    assert b"fake_x" in client.get("/backends").content
    page = client.get("/backends/fake_x").content.decode()
    assert 'class="coupling"' in page and page.count("<line") == 2 and "50.5" in page
    assert client.get("/backends/nope").status_code == 404
