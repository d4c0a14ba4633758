"""Runs in the browser: someone else's circuit, the Run form's checks and picker (hardware once credentials are
set), cancel your own run, delete it."""

import time

from tests_browser.conftest import Watched

MANIFEST = """[project]
name = "slow-rx"
title = "Slow RX"
type = "circuit"
framework = "qiskit"
entry_point = "circuit.py"
qubits = 1
"""
# Slow only when it really runs (the analysis binds theta to a placeholder Parameter): time to press Cancel.
CIRCUIT = """import time

from qiskit import QuantumCircuit
from qiskit.circuit import Parameter


def create_circuit(theta):
    if not isinstance(theta, Parameter):
        time.sleep(60)
    qc = QuantumCircuit(1, 1)
    qc.rx(theta, 0)
    qc.measure(0, 0)
    return qc
"""
BAD_INPUT = "error: Failed to load resource: the server responded with a status of 400 (Bad Request)"


def publish_slow_circuit(owner: Watched, tmp_path) -> str:
    (tmp_path / "qubithub.toml").write_text(MANIFEST)
    (tmp_path / "circuit.py").write_text(CIRCUIT)
    page = owner.go("/new")
    page.fill("#id_name", "slow-rx")
    page.fill("#id_title", "Slow RX")
    page.select_option("#id_framework", "qiskit")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/slow-rx/edit")
    page.set_input_files("#upload-input", [str(tmp_path / "qubithub.toml"), str(tmp_path / "circuit.py")])
    page.fill("#upload-message", "First version")
    handle = page.url.split("/")[-3]
    page.click("form.upload button[type=submit]")
    page.wait_for_url(f"{owner.base}/{handle}/slow-rx")
    return f"/{handle}/slow-rx"


def wait_for_parameters(visitor: Watched, path: str, timeout: float = 120):
    """The analysis runs in the background; once done the Run form names the circuit's parameters."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page = visitor.go(path)
        if "Parameters of this circuit: theta" in page.content():
            return page
        time.sleep(2)
    raise AssertionError("the analysis never listed theta")


def test_cancel_then_delete_my_run_on_someone_elses_circuit(chromium, live_site, visitor, tmp_path):
    visitor.sign_up()
    path = publish_slow_circuit(visitor, tmp_path)
    assert visitor.errors == [], visitor.errors

    runner = Watched(chromium, live_site)
    try:
        runner.sign_up()
        page = wait_for_parameters(runner, path)
        picker = page.locator("#id_backend_name")
        assert picker.input_value() == "qiskit_aer"
        assert page.locator("#id_backend_name option[value=ibm_brisbane]").is_disabled()
        assert page.locator("a[href='/settings/providers']").count() >= 1
        runner.shot("runs-01-run-form-hardware-disabled")

        page.fill("#id_parameters", '{"phi": 1}')
        page.click("[data-testid=run]")
        page.get_by_test_id("run-form-errors").wait_for()
        assert "Unknown parameter phi: this circuit's parameters are theta." in page.content().replace("&#x27;", "'")
        assert page.locator("#id_parameters").input_value() == '{"phi": 1}', "what was typed is kept"
        runner.shot("runs-02-unknown-parameter")
        assert runner.errors == [BAD_INPUT], runner.errors
        runner.errors.clear()

        page.fill("#id_parameters", '{"theta": 0.5}')
        page.fill("#id_shots", "100000")
        page.click("[data-testid=run]")
        page.wait_for_url("**/runs/*")
        page.get_by_test_id("cancel-run").click()
        page.locator("[data-testid=run-status]", has_text="cancelled").wait_for()
        assert "Run cancelled." in page.locator(".messages").inner_text()
        assert page.locator("pre[data-testid=run-parameters]").inner_text().strip() == '{\n  "theta": 0.5\n}'
        runner.shot("runs-03-cancelled-by-its-submitter")

        run_url = page.url
        stats = runner.go(path).get_by_test_id("circuit-run-stats")
        assert "1\ncancelled" in stats.inner_text() and "0%\nsuccess rate" in stats.inner_text()
        runner.shot("runs-04-circuit-run-statistics")
        page.goto(run_url)
        page.get_by_test_id("delete-run").click()
        page.wait_for_url("**/delete")
        assert "slow-rx" in page.locator("h1").inner_text()
        runner.shot("runs-05-delete-confirmation")
        page.get_by_test_id("confirm-delete").click()
        page.wait_for_url(f"{live_site}/runs")
        assert "deleted" in page.locator(".messages").inner_text()
        page.set_viewport_size({"width": 390, "height": 844})
        assert page.locator("select#id_circuit_id").is_visible()
        runner.shot("runs-06-my-runs-phone")
        page.set_viewport_size({"width": 1280, "height": 900})

        settings = runner.go("/settings/providers")
        settings.get_by_test_id("provider-ibm").locator("summary").click()
        settings.fill("#id_ibm-token", "ibm-secret-token-1234567890")
        settings.get_by_test_id("provider-ibm").locator("button[type=submit]").click()
        settings.get_by_test_id("provider-ibm").get_by_test_id("credentials-mine").get_by_text("set").wait_for()
        page = runner.go(path)
        assert page.locator("#id_backend_name option[value=ibm_brisbane]").is_enabled()
        assert page.locator("#id_backend_name option[value=braket_sv1]").is_disabled()
        runner.shot("runs-07-run-form-hardware-with-credentials")
        assert runner.errors == [], runner.errors
    finally:
        runner.context.close()
