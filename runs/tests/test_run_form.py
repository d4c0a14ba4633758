"""The Run form (circuit page and /<owner>/<name>/run): a backend suiting the circuit's framework, parameters
checked like the API does, hardware offered where the user has provider credentials."""

import pytest
from django.test import Client

from conftest import jwt_client
from runs.forms import RunForm
from runs.models import Run
from runs.providers.services import provider_credentials_set
from runs.tests.conftest import publish_circuit

pytestmark = pytest.mark.django_db


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def with_parameters(circuit, names):
    version = circuit.versions.get()
    version.analysis = {"status": "ok", "parameters": names, "entry_arguments": []}
    version.save(update_fields=["analysis"])
    return version


@pytest.mark.parametrize(
    ("framework", "expected"),
    [
        ("pennylane", "pennylane_default"),
        ("cirq", "cirq_simulator"),
        ("qiskit", "qiskit_aer"),
        ("openqasm3", "qiskit_aer"),
    ],
)
def test_the_default_backend_suits_the_circuits_framework(alice, framework, expected):
    circuit = publish_circuit(alice, f"c-{framework}", framework=framework)
    form = RunForm(circuit=circuit, version=circuit.versions.get(), user=alice)
    assert form.fields["backend_name"].initial == expected


def test_the_circuit_page_preselects_a_pennylane_simulator_for_a_pennylane_circuit(alice):
    publish_circuit(alice, "vqe", framework="pennylane")
    page = session(alice).get("/alice/vqe").content.decode()
    assert '<option value="pennylane_default" selected>' in page


def test_unknown_parameter_names_are_a_form_error_naming_the_circuits_parameters(fake_engine, alice, bell):
    with_parameters(bell, ["theta"])
    response = session(alice).post(
        "/alice/bell/run", {"backend_name": "qiskit_aer", "shots": 10, "parameters": '{"phi": 1}'}
    )
    assert response.status_code == 400
    assert "Unknown parameter phi: this circuit&#x27;s parameters are theta." in response.content.decode()
    assert "{&quot;phi&quot;: 1}" in response.content.decode(), "what the user typed is kept"
    assert not Run.objects.exists()


def test_known_numeric_parameters_start_the_run_with_them(fake_engine, alice, bell):
    with_parameters(bell, ["theta"])
    response = session(alice).post(
        "/alice/bell/run", {"backend_name": "qiskit_aer", "shots": 10, "parameters": '{"theta": 0.5}'}
    )
    run = Run.objects.get()
    assert response["Location"] == f"/runs/{run.id}" and run.parameters == {"theta": 0.5}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ('{"theta": "pi"}', "Parameter &#x27;theta&#x27; must be a number."),
        ('{"theta": true}', "Parameter &#x27;theta&#x27; must be a number."),
        ('{"theta": 1e999}', "Parameter &#x27;theta&#x27; is out of range: use a finite number"),
        ('{"theta": ' + "9" * 5000 + "}", "Parameter &#x27;theta&#x27; is out of range: use a finite number"),
        ('{"theta": NaN}', "NaN is not a number here"),
        ("[1, 2]", "Parameters must be a JSON object"),
        ('{"theta": ', "Parameters must be a JSON object"),
    ],
)
def test_bad_parameters_are_a_form_error_saying_what_is_wrong(fake_engine, alice, bell, typed, message):
    with_parameters(bell, ["theta"])
    response = session(alice).post("/alice/bell/run", {"backend_name": "qiskit_aer", "shots": 10, "parameters": typed})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Run.objects.exists()


def test_the_api_refuses_unknown_and_infinite_parameters_too(fake_engine, alice, bell):
    with_parameters(bell, ["theta"])
    client = jwt_client(alice)
    body = {"circuit_id": str(bell.id), "backend_name": "qiskit_aer"}
    unknown = client.post("/api/runs", {**body, "parameters": {"phi": 1}}, format="json")
    assert unknown.status_code == 400 and "Unknown parameter phi" in unknown.json()["detail"]
    huge = client.post("/api/runs", {**body, "parameters": {"theta": 10**400}}, format="json")
    assert huge.status_code == 400 and "out of range" in str(huge.json())
    assert not Run.objects.exists()


def test_the_run_page_shows_parameters_as_json(alice, bell):
    run = Run.objects.create(circuit=bell, user=alice, parameters={"theta": 0.5, "flag": None}, status="completed")
    page = session(alice).get(f"/runs/{run.id}").content.decode()
    assert "&quot;theta&quot;: 0.5" in page and "null" in page and "None" not in page.split("run-parameters")[1][:80]


def test_metrics_read_with_labels_and_units_and_empty_ones_are_hidden(alice, bell):
    metrics = {
        "execution_time_ms": 1234.5,
        "execution_time": 1.2345,
        "transpilation_time_ms": 0.25,
        "seed": None,
        "depth": 3,
        "calibration_snapshot": "",
    }
    run = Run.objects.create(
        circuit=bell, user=alice, status="completed", results={"counts": {"0": 1}}, metrics=metrics
    )
    page = session(alice).get(f"/runs/{run.id}").content.decode()
    assert "Execution time</th><td>1,234.5 ms" in page and "Transpilation time</th><td>0.25 ms" in page
    assert "Circuit depth as run</th><td>3" in page
    assert "seed" not in page.lower() and "None" not in page and "Calibration" not in page


def test_without_credentials_hardware_is_shown_disabled_with_where_to_set_them(alice, bell):
    page = session(alice).get("/alice/bell").content.decode()
    assert '<option value="ibm_brisbane" disabled>' in page
    assert 'href="/settings/providers"' in page
    response = session(alice).post("/alice/bell/run", {"backend_name": "ibm_brisbane", "shots": 10})
    assert response.status_code == 400
    assert "Backend &#x27;ibm_brisbane&#x27; needs IBM Quantum credentials" in response.content.decode()
    assert not Run.objects.exists()


def test_with_credentials_hardware_is_offered_and_accepted(
    alice, bell, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("runs.services.dispatch", lambda task, *args, queue: None)
    provider_credentials_set(user=alice, provider="ibm", token="ibm-secret-token-1234567890")
    page = session(alice).get("/alice/bell").content.decode()
    assert '<option value="ibm_brisbane">' in page
    assert '<option value="braket_sv1" disabled>' in page, "other providers still need their own credentials"
    with django_capture_on_commit_callbacks(execute=True):
        response = session(alice).post("/alice/bell/run", {"backend_name": "ibm_brisbane", "shots": 10})
    run = Run.objects.get()
    assert response["Location"] == f"/runs/{run.id}" and (run.backend_type, run.backend_name) == (
        "hardware",
        "ibm_brisbane",
    )


def test_the_run_form_page_works_without_javascript(alice, bell):
    response = session(alice).get("/alice/bell/run")
    assert response.status_code == 200 and 'data-testid="run-form"' in response.content.decode()


def test_the_entry_functions_keyword_arguments_are_parameters_too(fake_engine, alice, bell):
    """create_circuit(theta=0.5, edges=((0, 1),)) takes them by name: a number or any JSON value."""
    version = bell.versions.get()
    version.analysis = {"status": "ok", "parameters": [], "entry_arguments": ["edges", "theta"]}
    version.save(update_fields=["analysis"])
    client = session(alice)
    body = {"backend_name": "qiskit_aer", "shots": 10, "parameters": '{"theta": 0.5, "edges": [[0, 1]]}'}
    assert client.post("/alice/bell/run", body).status_code == 302
    assert Run.objects.get().parameters == {"theta": 0.5, "edges": [[0, 1]]}
    refused = client.post("/alice/bell/run", {**body, "parameters": '{"phi": 1}'})
    assert refused.status_code == 400 and "this circuit&#x27;s parameters are edges, theta" in refused.content.decode()


@pytest.mark.parametrize("analysis", [{"status": "ok", "parameters": [], "entry_arguments": None}, {}])
def test_when_the_analysis_cannot_tell_unknown_names_go_to_the_function(fake_engine, alice, bell, analysis):
    version = bell.versions.get()
    version.analysis = analysis  # **kwargs, or not analysed (yet): the code decides
    version.save(update_fields=["analysis"])
    body = {"backend_name": "qiskit_aer", "shots": 10, "parameters": '{"anything": "goes"}'}
    assert session(alice).post("/alice/bell/run", body).status_code == 302
