"""Every page renders without errors in the browser console (and without uncaught script errors).

The pages are those of tests_browser/page_routes.py (qubithub/tests/test_page_routes.py keeps that list complete);
what they show is made first through the API, as a client would."""

import time

import requests

from tests_browser.files import CSV
from tests_browser.page_routes import PAGES
from tests_browser.test_benchmark_pages import publish_suite
from tests_browser.test_journeys import publish_circuit

PASSWORD = "Qu4ntum!Leap#42"  # the one Watched.sign_up uses


def test_the_friendly_404_page_has_no_other_console_error(visitor):
    response = visitor.page.goto(visitor.base + "/no/such-page")
    assert response.status == 404 and "Page not found" in visitor.page.content()
    assert len(visitor.errors) == 1 and "404" in visitor.errors[0]  # the document's own status, nothing else


class Api:
    def __init__(self, base: str, username: str):
        self.base = base
        login = requests.post(f"{base}/api/auth/login", json={"identifier": username, "password": PASSWORD}, timeout=30)
        login.raise_for_status()
        self.headers = {"Authorization": f"Bearer {login.json()['access_token']}"}

    def call(self, method: str, path: str, expected: int = 200, **kwargs) -> dict:
        response = requests.request(method, f"{self.base}/api{path}", headers=self.headers, timeout=60, **kwargs)
        assert response.status_code == expected, f"{method} {path}: {response.status_code} {response.text[:300]}"
        return response.json()


def make_everything(visitor, tmp_path, tmp_path_factory) -> dict:
    """A user with a circuit, a finished run, a dataset, a space with a file, an organization and a suite."""
    user = visitor.sign_up()
    circuit = publish_circuit(visitor, tmp_path, "console")
    api = Api(visitor.base, user)
    circuit_id = api.call("GET", "/circuits/resolve", params={"repo_name": circuit.strip("/")})["id"]
    run = api.call("POST", "/runs", 201, json={"circuit_id": circuit_id, "backend_name": "qiskit_aer", "shots": 64})
    dataset = api.call("POST", "/datasets", 201, json={"name": "energies", "title": "Energies", "format": "csv"})
    api.call("POST", f"/datasets/{dataset['id']}/versions", 201, files={"file": ("energies.csv", CSV.encode())})
    space = api.call("POST", "/spaces", 201, json={"name": "playground", "title": "Playground"})
    file = api.call("POST", f"/spaces/{space['id']}/files", 201, json={"path": "main.py", "content": "print(1)\n"})
    api.call("POST", "/orgs", 201, json={"name": "Console Lab", "slug": f"{user}-lab"})
    publish_suite(tmp_path_factory, user)
    deadline = time.monotonic() + 120
    while api.call("GET", f"/runs/{run['id']}")["status"] not in ("completed", "failed", "cancelled"):
        assert time.monotonic() < deadline, "the run never finished"
        time.sleep(1)
    return {
        "user": user,
        "circuit": circuit.strip("/"),
        "run": run["id"],
        "dataset": f"{user}/energies",
        "space": f"{user}/playground",
        "file": file["id"],
        "org": f"{user}-lab",
        "suite": "algorithms-v1",
        "problem": "ghz-3",
    }


def test_every_page_renders_without_console_errors(visitor, tmp_path, tmp_path_factory):
    data = make_everything(visitor, tmp_path, tmp_path_factory)
    failures = {}
    for name, template in PAGES.items():
        path = template.format(**data)
        visitor.errors.clear()
        response = visitor.page.goto(visitor.base + path)
        visitor.page.wait_for_load_state("load")
        if response is None or response.status != 200 or visitor.errors:
            failures[name] = (path, response.status if response else None, list(visitor.errors))
    visitor.page.emulate_media(color_scheme="dark")
    visitor.go("/")
    visitor.shot("11-home-dark")
    visitor.page.emulate_media(color_scheme="light")
    visitor.page.set_viewport_size({"width": 390, "height": 800})
    visitor.go("/" + data["circuit"])
    visitor.shot("09-circuit-page-phone")
    assert not failures, failures
    assert visitor.errors == [], visitor.errors


def test_public_pages_render_for_a_visitor_who_is_not_signed_in(visitor):
    for path in ["/", "/explore", "/explore/datasets", "/explore/spaces", "/benchmarks", "/backends", "/login"]:
        response = visitor.page.goto(visitor.base + path)
        assert response.status == 200, path
    assert visitor.errors == [], visitor.errors
