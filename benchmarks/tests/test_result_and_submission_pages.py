"""The result page (polled while it runs, with Re-run), the submission form and page, and the Run form's landing."""

import pytest
from django.test import Client

from benchmarks.models import Result, Submission
from benchmarks.services import benchmark_run
from benchmarks.tests.conftest import make_result
from benchmarks.tests.test_rerun_and_submissions import GHZ_BACKWARDS, user_circuit
from runs.services import run_submit

pytestmark = pytest.mark.django_db
CATALOGUE = [
    {"id": "qiskit_aer", "type": "simulation", "status": "available", "qubits": 30},
    {"id": "aer_statevector", "type": "simulation", "status": "available", "qubits": 30},
    {"id": "fake_manila", "type": "emulation", "status": "available", "qubits": 5},
    {"id": "fake_tiny", "type": "emulation", "status": "available", "qubits": 2},
    {"id": "ibm_brisbane", "type": "hardware", "status": "available", "qubits": 127},
]


@pytest.fixture(autouse=True)
def catalogue(monkeypatch):
    """Known backends; runs are created but not executed (their work is scheduled on commit)."""
    from runs import engine

    monkeypatch.setattr(engine, "backend_catalogue", lambda: CATALOGUE)
    monkeypatch.setattr(engine, "backend_get", lambda name: next((b for b in CATALOGUE if b["id"] == name), None))


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def ghz(suite):
    return suite.problems.get(name="ghz-3")


# --- result page ------------------------------------------------------------------------------------------------


def test_a_running_result_shows_its_run_and_polls_for_its_score(suite, alice):
    (result,) = benchmark_run(user=alice, suite_name=suite.key, backend="qiskit_aer", shots=200)
    page = session(alice).get(f"/benchmarks/results/{result.id}").content.decode()
    assert 'data-testid="result-status">pending<' in page and 'hx-trigger="every 2s"' in page
    assert f'href="/runs/{result.run_id}"' in page
    assert "ghz-3" in page and "qiskit_aer" in page and "200" in page
    assert "Re-run" not in page  # only a scored result can be re-run


def test_a_scored_result_shows_its_score_bound_and_verification_and_stops_polling(
    client, django_assert_max_num_queries, suite, alice
):
    result = make_result(ghz(suite), alice, score=0.9123, lcb=0.8765)
    with django_assert_max_num_queries(10):
        page = client.get(f"/benchmarks/results/{result.id}").content.decode()
    assert "0.9123" in page and "0.8765" in page and 'data-testid="result-status">scored<' in page
    assert "hx-trigger" not in page
    assert "Re-run" not in page  # visitors must log in first
    assert "Re-run with the same seed" in session(alice).get(f"/benchmarks/results/{result.id}").content.decode()


def test_htmx_polls_get_only_the_outcome(client, suite, alice):
    result = make_result(ghz(suite), alice, score=0.5)
    fragment = client.get(f"/benchmarks/results/{result.id}", HTTP_HX_REQUEST="true").content.decode()
    assert fragment.startswith('<section id="result-outcome"') and "<html" not in fragment


def test_an_unknown_result_is_a_404(client):
    assert client.get("/benchmarks/results/00000000-0000-0000-0000-000000000000").status_code == 404


def test_a_private_circuit_ranks_but_outsiders_see_neither_its_name_nor_its_run(suite, alice, charlie):
    circuit = user_circuit(alice, "secret-ghz", GHZ_BACKWARDS, is_public=False)
    problem = ghz(suite)
    result = make_result(problem, alice, score=0.97)
    run = run_submit(user=alice, circuit_id=circuit.id, backend_name="qiskit_aer", version=circuit.versions.get())
    Result.objects.filter(pk=result.pk).update(circuit_version=run.circuit_version, reference=None, run=run)
    for path in (f"/benchmarks/results/{result.id}", f"/benchmarks/{suite.key}/ghz-3"):
        assert "secret-ghz" not in session(charlie).get(path).content.decode()
        assert "secret-ghz" in session(alice).get(path).content.decode()
    assert f"/runs/{run.id}" not in session(charlie).get(f"/benchmarks/results/{result.id}").content.decode()
    assert f"/runs/{run.id}" in session(alice).get(f"/benchmarks/results/{result.id}").content.decode()


def test_rerunning_from_the_page_keeps_the_seed_and_opens_the_new_result(suite, alice, bob):
    original = make_result(ghz(suite), alice, score=0.9)
    response = session(bob).post(f"/benchmarks/results/{original.id}/rerun")
    rerun = Result.objects.get(rerun_of=original)
    assert response["Location"] == f"/benchmarks/results/{rerun.id}"
    assert (rerun.user, rerun.seed, rerun.shots, rerun.backend_name) == (bob, original.seed, 1024, "qiskit_aer")
    page = session(bob).get(f"/benchmarks/results/{rerun.id}").content.decode()
    assert f'href="/benchmarks/results/{original.id}">Original' in page


def test_a_result_still_running_cannot_be_rerun_and_says_why(suite, alice):
    (pending,) = benchmark_run(user=alice, suite_name=suite.key, backend="qiskit_aer")
    browser = session(alice)
    response = browser.post(f"/benchmarks/results/{pending.id}/rerun", follow=True)
    assert "Only a scored result can be re-run" in response.content.decode()
    assert Result.objects.count() == 1


def test_rerunning_needs_a_login(client, suite, alice):
    result = make_result(ghz(suite), alice, score=0.9)
    assert client.post(f"/benchmarks/results/{result.id}/rerun")["Location"].startswith("/login")


# --- the problem page's Run form ----------------------------------------------------------------------------------


def test_the_problem_page_points_to_its_forms_not_to_the_api(suite, alice):
    page = session(alice).get(f"/benchmarks/{suite.key}/ghz-3").content.decode()
    assert "POST /api/benchmarks/run" not in page
    assert f'href="/benchmarks/{suite.key}/ghz-3/submit"' in page and "Run this problem" in page


def test_running_on_every_backend_lands_on_the_first_result(suite, alice):
    response = session(alice).post(f"/benchmarks/{suite.key}/ghz-3/run", {"circuit_idx": "1", "shots": ""})
    results = Result.objects.filter(user=alice).order_by("created_at")
    assert sorted(r.backend_name for r in results) == ["fake_manila", "qiskit_aer"]
    assert response["Location"] in {f"/benchmarks/results/{r.id}" for r in results}
    assert {r.shots for r in results} == {suite.shots}


def test_a_bad_run_form_is_a_400_with_the_form_open_and_its_errors(suite, alice):
    response = session(alice).post(f"/benchmarks/{suite.key}/ghz-3/run", {"circuit_idx": "0", "shots": "0"})
    page = response.content.decode()
    assert response.status_code == 400 and "greater than or equal to 1" in page
    assert '<details id="run" open>' in page and not Result.objects.exists()


def test_the_run_form_offers_the_benchmark_backends_and_shows_the_services_refusal(suite, alice):
    browser = session(alice)
    page = browser.get(f"/benchmarks/{suite.key}/ghz-3").content.decode()
    assert 'value="fake_manila"' in page and 'value="ibm_brisbane"' not in page
    response = browser.post(f"/benchmarks/{suite.key}/ghz-3/run", {"circuit_idx": "0", "backend": "fake_tiny"})
    assert response.status_code == 400
    assert "&#x27;fake_tiny&#x27; has 2 qubits; problem &#x27;ghz-3&#x27; needs 3." in response.content.decode()
    assert not Result.objects.exists()


# --- submitting a circuit -----------------------------------------------------------------------------------------


def submit(user, suite, **data):
    data.setdefault("backends", ["qiskit_aer"])
    return session(user).post(f"/benchmarks/{suite.key}/ghz-3/submit", data)


def test_the_submission_form_suggests_your_circuits_and_the_benchmark_backends(suite, alice):
    user_circuit(alice, "my-ghz", GHZ_BACKWARDS)
    page = session(alice).get(f"/benchmarks/{suite.key}/ghz-3/submit").content.decode()
    assert '<option value="alice/my-ghz">' in page
    assert 'value="qiskit_aer"' in page and 'value="fake_manila"' in page
    assert 'value="ibm_brisbane"' not in page  # hardware does not take part in benchmarks


def test_submitting_your_circuit_starts_its_check_and_opens_the_submission(django_assert_max_num_queries, suite, alice):
    circuit = user_circuit(alice, "my-ghz", GHZ_BACKWARDS)
    response = submit(alice, suite, circuit="alice/my-ghz", shots="300")
    submission = Submission.objects.get(user=alice)
    assert response["Location"] == f"/benchmarks/submissions/{submission.id}"
    assert submission.circuit_version.circuit == circuit and submission.check_run.backend_name == "aer_statevector"
    (result,) = submission.results.all()
    assert (result.backend_name, result.shots) == ("qiskit_aer", 300)
    browser = session(alice)
    with django_assert_max_num_queries(10):
        page = browser.get(response["Location"]).content.decode()
    assert 'data-testid="submission-status">checking<' in page and 'hx-trigger="every 2s"' in page
    assert f'href="/benchmarks/results/{result.id}"' in page and f'href="/runs/{submission.check_run_id}"' in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"circuit": "alice/nope"}, "Circuit not found."),
        ({"circuit": "not-a-repo-name"}, "repo_name must look like"),
        ({"circuit": "alice/my-ghz", "version": "9"}, "has no version 9; versions: 1."),
        ({"circuit": "alice/my-ghz", "backends": ["fake_tiny"]}, "&#x27;fake_tiny&#x27; has 2 qubits"),
        ({"circuit": "alice/my-ghz", "shots": "100001"}, "less than or equal to 100000"),
        ({"circuit": "alice/my-ghz", "backends": ["warp_drive"]}, "warp_drive is not one of the available choices"),
    ],
)
def test_a_bad_submission_is_a_400_with_the_reason_on_the_form(suite, alice, data, message):
    user_circuit(alice, "my-ghz", GHZ_BACKWARDS)
    response = submit(alice, suite, **data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Submission.objects.exists()


def test_someone_elses_private_circuit_is_not_found_for_a_submission(suite, alice, charlie):
    user_circuit(alice, "secret-ghz", GHZ_BACKWARDS, is_public=False)
    response = submit(charlie, suite, circuit="alice/secret-ghz")
    assert response.status_code == 400 and "Circuit not found." in response.content.decode()


def test_a_submission_is_only_visible_to_its_author(suite, alice, bob, client):
    user_circuit(alice, "my-ghz", GHZ_BACKWARDS)
    location = submit(alice, suite, circuit="alice/my-ghz")["Location"]
    assert session(bob).get(location).status_code == 404
    assert client.get(location)["Location"].startswith("/login")
    assert client.get(f"/benchmarks/{suite.key}/ghz-3/submit")["Location"].startswith("/login")
