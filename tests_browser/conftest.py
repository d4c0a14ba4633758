"""A live QubitHub (daphne: HTTP and WebSockets, embedded mode, its own temporary var dir) and Debian's Chromium.

pytest-django's live_server is WSGI-only (no WebSockets), so the server is a daphne process.
Every page a test opens is watched for console errors and uncaught exceptions; `shot()` saves a screenshot
under var/screenshots/ (kept as a CI artifact).
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from qubithub.testing.live import free_port, wait_for

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "var" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests_browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if not os.path.exists(CHROMIUM):
                item.add_marker(pytest.mark.skip(reason=f"{CHROMIUM} is missing: run .ci/browser-setup.sh"))


def _server_environment(var_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL")}
    env.update(
        QH_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="tests_browser.settings",
        PYTHONUNBUFFERED="1",
        QH_FREE_REQUESTS_PER_MINUTE="100000",
        QH_STAR_PER_MINUTE="100000",
        QH_FORK_PER_MINUTE="100000",
    )
    return env


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """Base URL of a daphne serving a fresh embedded QubitHub."""
    import urllib.request

    var_dir = tmp_path_factory.mktemp("qh-browser-var")
    env = _server_environment(var_dir)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    port = free_port()
    log = open(var_dir / "daphne.log", "ab")  # noqa: SIM115  (the child writes to it while it lives)
    daphne = [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "qubithub.asgi:application"]
    process = subprocess.Popen(daphne, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: urllib.request.urlopen(base + "/healthz", timeout=2).status == 200, what="daphne", timeout=90)
        urllib.request.urlopen(base + "/backends", timeout=180)  # loads the backend catalogue once (imports qiskit)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A browser context + page that records console errors and page errors."""

    def __init__(self, browser, base: str):
        self.base = base
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.set_default_timeout(20_000)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(f"{m.type}: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        self.page.on("dialog", lambda dialog: dialog.accept())

    def go(self, path: str):
        self.page.goto(self.base + path)
        return self.page

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def sign_up(self, username: str | None = None) -> str:
        username = username or f"u{uuid.uuid4().hex[:10]}"
        page = self.go("/signup")
        page.fill("#id_email", f"{username}@example.com")
        page.fill("#id_username", username)
        page.fill("#id_name", username.title())
        page.fill("#id_password", "Qu4ntum!Leap#42")
        page.click("main button[type=submit]")
        page.wait_for_url(self.base + "/")
        return username


@pytest.fixture
def visitor(chromium, live_site):
    watched = Watched(chromium, live_site)
    yield watched
    watched.context.close()
