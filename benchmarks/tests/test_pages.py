"""Benchmark pages: suites, a suite's problems, leaderboards with the caller's best entry highlighted."""

import pytest
from django.test import Client

from benchmarks.models import Result
from benchmarks.tests.conftest import make_result

pytestmark = pytest.mark.django_db


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_suites_page_lists_published_suites(client, suite):
    page = client.get("/benchmarks").content.decode()
    assert suite.key in page


def test_the_suite_page_lists_its_problems(client, suite):
    page = client.get(f"/benchmarks/{suite.key}").content.decode()
    assert "ghz-3" in page and "bv-3" in page
    assert client.get("/benchmarks/no-such-suite").status_code == 404


def test_the_leaderboard_highlights_every_entry_of_the_caller_and_marks_the_best(
    django_assert_max_num_queries, suite, alice, bob
):
    problem = suite.problems.get(name="ghz-3")
    make_result(problem, alice, score=0.91)
    mine = make_result(problem, bob, score=0.95)
    make_result(problem, bob, score=0.5, shots=100)
    browser = session(bob)
    with django_assert_max_num_queries(15):
        page = browser.get(f"/benchmarks/{suite.key}/ghz-3").content.decode()
    assert "#1</strong>" in page and 'class="mine"' in page
    assert page.count('class="mine"') == 2 and str(mine.circuit_version.version_number) in page  # both boards
    assert page.count('aria-current="true"') == 1  # the best one
    assert "100 shots" in page


def test_visitors_see_the_leaderboard_without_a_highlight(client, suite, alice):
    make_result(suite.problems.get(name="ghz-3"), alice, score=0.9)
    page = client.get(f"/benchmarks/{suite.key}/ghz-3").content.decode()
    assert "alice" in page and 'class="mine"' not in page


def test_running_a_problem_from_its_page_starts_runs_and_opens_the_first_result(monkeypatch, suite, alice):
    from runs import engine
    from runs.models import Run
    from runs.tests.conftest import CATALOGUE

    monkeypatch.setattr(engine, "backend_catalogue", lambda: CATALOGUE)
    monkeypatch.setattr(engine, "backend_get", lambda name: next((b for b in CATALOGUE if b["id"] == name), None))
    browser = session(alice)
    assert b"Run this problem" in browser.get(f"/benchmarks/{suite.key}/ghz-3").content
    response = browser.post(
        f"/benchmarks/{suite.key}/ghz-3/run", {"circuit_idx": "0", "backend": "qiskit_aer", "shots": "100"}
    )
    run = Run.objects.get(user=alice)
    result = Result.objects.get(run=run)
    assert response["Location"] == f"/benchmarks/results/{result.id}" and run.shots == 100


def test_running_needs_a_login(client, suite):
    assert client.post(f"/benchmarks/{suite.key}/ghz-3/run")["Location"].startswith("/login")
