"""API key scopes are enforced on every API route: a key without the scope gets a 403 naming it."""

import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver

from circuits.models import Circuit
from conftest import key_client
from orgs.tests.conftest import make_circuit
from qubithub.api.authentication import ApiKeyAuthentication
from qubithub.api.scopes import ALL_SCOPES, Scopes

pytestmark = pytest.mark.django_db

UNSAFE = ("post", "put", "patch", "delete")
SAMPLE = {"uuid": str(uuid.uuid4()), "int": "1", "slug": "lab", "str": "lab", "path": "a/b.py"}


def api_routes(patterns=None, prefix=""):
    """(path, view class) for every DRF view under /api/, with sample values in the path."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from api_routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern) and route.startswith("api/") and hasattr(entry.callback, "cls"):
            path = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE[m.group(1) or "str"], route)
            yield "/" + path, entry.callback.cls, entry.callback.view_initkwargs


def scoped_calls(kind: str):
    for path, view_class, initkwargs in api_routes():
        scopes = initkwargs.get("scopes", getattr(view_class, "scopes", None))
        if not isinstance(scopes, Scopes) or ApiKeyAuthentication not in view_class.authentication_classes:
            continue
        methods = UNSAFE if kind == "write" else ("get",)
        for method in methods:
            needed = getattr(scopes, kind)
            if needed and hasattr(view_class, method):
                yield pytest.param(method, path, needed, id=f"{method.upper()} {path}")


def without(scope: str) -> list[str]:
    return [s for s in ALL_SCOPES if s != scope]


@pytest.mark.parametrize(("method", "path", "needed"), list(scoped_calls("write")))
def test_every_write_endpoint_refuses_a_key_without_its_write_scope(method, path, needed, alice, lab):
    response = getattr(key_client(alice, without(needed)), method)(path, {}, format="json")
    assert response.status_code == 403, (path, response.status_code)
    assert f"'{needed}'" in response.json()["detail"]


@pytest.mark.parametrize(("method", "path", "needed"), list(scoped_calls("read")))
def test_every_read_endpoint_refuses_a_key_without_its_read_scope(method, path, needed, alice, lab):
    response = key_client(alice, without(needed)).get(path)
    assert response.status_code == 403
    assert f"'{needed}'" in response.json()["detail"]


def test_the_route_walk_finds_the_write_endpoints_of_every_app():
    paths = {param.values[1] for param in scoped_calls("write")}
    assert {"/api/circuits", "/api/orgs", "/api/circuits/{}/upload".format(SAMPLE["uuid"])} <= paths


class TestWithTheScope:
    def test_circuit_write_creates_a_circuit(self, alice):
        client = key_client(alice, ["circuit:write"])
        body = {"name": "by-key", "title": "By key", "framework": "qiskit"}
        assert client.post("/api/circuits", body, format="json").status_code == 201
        assert Circuit.objects.get(name="by-key").created_by == alice

    def test_circuit_write_uploads_a_file(self, alice):
        circuit = make_circuit(alice, "up", org=None)
        client = key_client(alice, ["circuit:write"])
        source = SimpleUploadedFile("circuit.py", b"from qiskit import QuantumCircuit\nqc = QuantumCircuit(1)\n")
        response = client.post(f"/api/circuits/{circuit.id}/upload", {"file": source}, format="multipart")
        assert response.status_code == 201, response.json()

    def test_circuit_read_alone_cannot_upload(self, alice):
        circuit = make_circuit(alice, "up", org=None)
        response = key_client(alice, ["circuit:read"]).post(f"/api/circuits/{circuit.id}/upload", {}, format="json")
        assert response.status_code == 403
        assert "'circuit:write'" in response.json()["detail"]

    def test_org_admin_lets_a_key_add_members(self, alice, lab, charlie):
        client = key_client(alice, ["org:admin"])
        response = client.post(f"/api/orgs/{lab.id}/members", {"email": "charlie@example.com"}, format="json")
        assert response.status_code == 201

    def test_reads_that_need_no_scope_work_with_any_key(self, alice, lab):
        assert key_client(alice, ["runs:read"]).get("/api/orgs/lab/profile").status_code == 200

    def test_a_key_still_obeys_its_users_rights(self, bob, lab):
        client = key_client(bob, ["org:admin"])
        assert client.delete(f"/api/orgs/{lab.id}").status_code == 403
