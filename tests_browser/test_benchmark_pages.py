"""Benchmarks in a browser: run a problem from its page, watch the result get scored (htmx polling), re-run it,
and submit your own circuit, with a form error on the way."""

import subprocess
import sys

from tests_browser.conftest import ROOT, _server_environment
from tests_browser.test_journeys import publish_circuit

PROBLEM = "/benchmarks/algorithms-v1/ghz-3"


def publish_suite(tmp_path_factory, owner: str) -> None:
    """algorithms-v1 with its narrow problems, published into the live site's database (in the var dir `live_site`
    made); `owner` creates the curated organization its reference circuits belong to."""
    (var_dir,) = tmp_path_factory.getbasetemp().glob("qh-browser-var[0-9]*")
    command = [sys.executable, str(ROOT / "manage.py"), "publish_benchmark_suites", "--suite", "algorithms-v1"]
    command += ["--small", "--owner", owner]
    subprocess.run(command, cwd=ROOT, env=_server_environment(var_dir), check=True, timeout=300)


def test_run_a_problem_watch_its_score_rerun_it_and_submit_a_circuit(visitor, tmp_path, tmp_path_factory):
    publish_suite(tmp_path_factory, visitor.sign_up())
    page = visitor.go("/benchmarks")
    page.click("text=algorithms-v1")
    page.click(f"a[href='{PROBLEM}']")
    page.wait_for_url(f"**{PROBLEM}")
    assert page.locator("text=POST /api/benchmarks/run").count() == 0

    page.click("summary:has-text('Run this problem')")
    page.select_option("#id_backend", "qiskit_aer")
    page.fill("#id_shots", "256")
    page.click("[data-testid=run-form] button[type=submit]")
    page.wait_for_url("**/benchmarks/results/*")
    first_result = page.url
    page.locator("[data-testid=result-status]", has_text="scored").wait_for(timeout=120_000)  # htmx polls it
    assert float(page.locator("[data-testid=result-score]").inner_text()) > 0.9
    assert page.locator("[data-testid=result-runs] a[href^='/runs/']").count() == 1
    page.locator("[data-testid=result-runs] tr.mine", has_text="scored").wait_for()
    visitor.shot("benchmark-result")

    page.click("[data-testid=rerun]")
    page.wait_for_url("**/benchmarks/results/*")
    assert page.url != first_result
    page.locator("[data-testid=result-runs] a", has_text="Original").wait_for()
    page.set_viewport_size({"width": 390, "height": 844})
    visitor.shot("benchmark-rerun-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    circuit = publish_circuit(visitor, tmp_path, "bench-bell")
    page = visitor.go(PROBLEM)
    page.click("text=Submit your circuit")
    page.fill("#id_circuit", "nobody/nothing")
    page.click("[data-testid=submission-form] button[type=submit]")
    page.locator(".errorlist", has_text="Circuit not found.").wait_for()
    page.fill("#id_circuit", circuit.lstrip("/"))
    page.check("input[value=qiskit_aer]")
    page.click("[data-testid=submission-form] button[type=submit]")
    page.wait_for_url("**/benchmarks/submissions/*")
    page.locator("[data-testid=submission-status]").wait_for()
    assert page.locator("[data-testid=submission-outcome] a[href^='/benchmarks/results/']").count() == 1
    visitor.shot("benchmark-submission")
    # the one 400 is the form re-rendered with "Circuit not found." (bad input answers 400); nothing else failed
    assert [e for e in visitor.errors if "status of 400" not in e] == []
    assert len(visitor.errors) == 1
