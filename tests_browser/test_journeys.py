"""What a browser user does, end to end, in Debian's Chromium against a live daphne (HTTP + WebSockets)."""

import time
import urllib.request

from tests_browser.files import circuit_files, csv_file


def publish_circuit(visitor, tmp_path, name: str) -> str:
    """Create a circuit through /new and upload its files by the drop zone's file input; returns its path."""
    page = visitor.go("/new")
    page.fill("#id_name", name)
    page.fill("#id_title", "Bell pair")
    page.select_option("#id_framework", "qiskit")
    page.fill("#id_description", "A **Bell** pair.")
    page.fill("#id_tags", "bell, entanglement")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/{name}/edit")
    page.set_input_files("#upload-input", circuit_files(tmp_path, name))
    page.fill("#upload-message", "First version")
    owner = page.url.split("/")[-3]
    page.click("form.upload button[type=submit]")
    try:
        page.wait_for_url(f"{visitor.base}/{owner}/{name}")
    except Exception as exc:
        visitor.shot("failed-upload")
        raise AssertionError(f"upload did not finish: {page.url} {visitor.errors}") from exc
    return f"/{owner}/{name}"


def wait_for_diagram(base: str, path: str, timeout: float = 90) -> None:
    """The first drawing may come while the sandbox pool is still warming up; a failed one is cached briefly."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = urllib.request.urlopen(f"{base}{path}/diagram.svg", timeout=60).read().decode()
        if "No diagram" not in body:
            return
        time.sleep(3)
    raise AssertionError(f"the diagram of {path} was never drawn: {body[:200]}")


def test_sign_up_publish_see_the_diagram_and_run_live(visitor, tmp_path):
    visitor.sign_up()
    visitor.shot("01-signed-up")
    path = publish_circuit(visitor, tmp_path, "bell-pair")
    wait_for_diagram(visitor.base, path)
    page = visitor.go(path)
    page.wait_for_function(
        "() => { const i = document.querySelector('[data-testid=diagram]'); "
        "return i && i.complete && i.naturalWidth > 0; }"
    )
    assert page.locator("strong", has_text="Bell").count() == 1
    assert page.locator(".highlight").count() == 1
    visitor.shot("02-circuit-page")

    page.select_option("#id_backend_name", "qiskit_aer")
    page.fill("#id_shots", "500")
    page.click("[data-testid=run]")
    page.wait_for_url("**/runs/*")
    page.evaluate("window.__sameDocument = true")
    page.locator("[data-testid=run-status]", has_text="completed").wait_for(timeout=90_000)
    page.locator("[data-testid=run-result] .histogram svg").wait_for()
    assert page.evaluate("window.__sameDocument") is True  # no reload: the WebSocket and a fragment did it
    assert page.locator("[data-testid=run-result] tbody tr").count() >= 2
    visitor.shot("03-run-completed")
    assert visitor.errors == []


def test_another_user_stars_and_forks(chromium, live_site, visitor, tmp_path):
    from tests_browser.conftest import Watched

    visitor.sign_up()
    path = publish_circuit(visitor, tmp_path, "to-fork")
    other = Watched(chromium, live_site)
    try:
        other.sign_up()
        page = other.go(path)
        page.click("[data-testid=star]")
        page.locator("[data-testid=star][aria-pressed=true]", has_text="1").wait_for()
        page.click("details.fork summary")
        page.fill("#id_name", "my-fork")
        page.click("[data-testid=fork]")
        page.wait_for_url("**/my-fork")
        assert "forked from" in page.content()
        other.shot("04-forked")
        assert other.errors == []
    finally:
        other.context.close()


def test_upload_a_dataset_and_see_the_preview(visitor, tmp_path):
    visitor.sign_up()
    page = visitor.go("/datasets/new")
    page.fill("#id_name", "energies")
    page.fill("#id_title", "Energies")
    page.select_option("#id_format", "csv")
    page.fill("#id_license", "MIT")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/datasets/*/energies")
    page.set_input_files("#upload-input", csv_file(tmp_path))
    page.click("form.upload button[type=submit]")
    page.locator("[data-testid=dataset-preview] table").wait_for(timeout=60_000)
    assert page.locator("[data-testid=dataset-preview] tbody tr").count() == 20
    visitor.shot("05-dataset-preview")
    assert visitor.errors == []


def test_manage_an_api_key(visitor):
    visitor.sign_up()
    page = visitor.go("/settings/keys")
    page.fill("#id_name", "laptop")
    page.check("input[value='runs:submit']")
    page.click("main form:not([action]) button[type=submit]")
    key = page.locator("[data-testid=new-key]").inner_text()
    assert key.startswith("qh_")
    visitor.shot("06-api-key-created")
    request = urllib.request.Request(f"{visitor.base}/api/auth/me", headers={"X-API-Key": key})
    assert urllib.request.urlopen(request, timeout=10).status == 200
    page.click("[data-testid=key-row] button.danger")  # confirmation dialog accepted by the fixture
    page.locator("text=Revoked the key").wait_for()
    assert page.locator("[data-testid=key-row]").count() == 0
    visitor.shot("07-api-key-revoked")
    assert visitor.errors == []
