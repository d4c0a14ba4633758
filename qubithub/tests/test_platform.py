"""Health checks, the OpenAPI schema, settings safety, admin and demo data."""

import os
import subprocess
import sys

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin

from qubithub import health
from qubithub.demo import load_demo

pytestmark = pytest.mark.django_db


class TestHealth:
    def test_healthz_answers_ok(self, client):
        assert client.get("/healthz").json() == {"status": "ok"}

    def test_readyz_checks_database_broker_and_channel_layer(self, client):
        response = client.get("/readyz")
        assert response.status_code == 200
        assert response.json()["checks"] == ["broker", "channel_layer", "database"]

    def test_readyz_answers_503_naming_the_failing_part(self, client, monkeypatch):
        def broken():
            raise ConnectionError("connection refused")

        monkeypatch.setitem(health.CHECKS, "database", broken)
        response = client.get("/readyz")
        assert response.status_code == 503
        assert "database" in response.json()["detail"]
        assert response.json()["failing"] == {"database": "ConnectionError: connection refused"}


class TestSchema:
    def test_the_openapi_schema_describes_the_api(self, client):
        response = client.get("/api/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json")
        assert response.status_code == 200
        schema = response.json()
        assert schema["openapi"].startswith("3.")
        for path in ("/api/auth/login", "/api/auth/register", "/api/circuits", "/api/circuits/{circuit_id}"):
            assert path in schema["paths"]
        assert "identifier" in schema["components"]["schemas"]["LoginInputRequest"]["properties"]
        assert "access_token" in schema["components"]["schemas"]["AuthOutput"]["properties"]

    def test_the_interactive_docs_are_served_without_a_cdn(self, client):
        response = client.get("/api/docs")
        assert response.status_code == 200
        assert b"cdn" not in response.content.lower()


def run_settings(env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG")}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "qubithub.settings", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


class TestProductionSafety:
    def test_production_refuses_the_default_secret_key(self):
        result = run_settings({"DATABASE_URL": "postgres://127.0.0.1/none"})
        assert result.returncode != 0
        assert "SECRET_KEY" in result.stderr

    def test_production_refuses_debug(self):
        result = run_settings({"DATABASE_URL": "postgres://127.0.0.1/none", "SECRET_KEY": "x" * 50, "DEBUG": "1"})
        assert result.returncode != 0
        assert "DEBUG" in result.stderr

    def test_a_malformed_boolean_fails_loudly(self):
        result = run_settings({"DEBUG": "maybe"})
        assert result.returncode != 0
        assert "DEBUG must be a boolean" in result.stderr

    def test_embedded_mode_needs_no_variables(self):
        assert run_settings({}).returncode == 0


class TestAdmin:
    def test_every_model_of_our_apps_is_in_the_admin(self):
        ours = {"accounts", "orgs", "circuits", "datasets", "spaces", "runs", "benchmarks"}
        missing = [m.__name__ for m in apps.get_models() if m._meta.app_label in ours and m not in admin.site._registry]
        assert missing == []

    def test_each_changelist_renders_with_search(self, admin_client):
        load_demo()
        for model, model_admin in admin.site._registry.items():
            if model._meta.app_label not in {"accounts", "orgs", "circuits"}:
                continue
            url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
            query = "?q=bell" if model_admin.search_fields else ""
            assert admin_client.get(url + query).status_code == 200, url


class TestDemoData:
    def test_it_loads_the_curated_circuits_and_can_run_again(self, api):
        load_demo()
        load_demo()
        body = api.get("/api/circuits?limit=100").json()
        names = {c["repo_name"] for c in body["circuits"]}
        for name in (
            "bell-state",
            "ghz-state",
            "grover-search",
            "qft",
            "teleportation",
            "vqe-h2",
            "qaoa-maxcut",
            "cirq-bell",
            "bell-qasm3",
        ):
            assert f"qubithub/{name}" in names
        assert "demo/bell-state" in names
        assert api.get("/api/circuits?owner=demo").json()["total"] == 1
        newest = {c["name"] for c in api.get("/api/circuits").json()["circuits"][:10]}
        assert {"bell-state", "ghz-state", "vqe-h2", "bell-qasm3"} <= newest

    def test_the_demo_user_can_log_in(self, api):
        load_demo()
        response = api.post(
            "/api/auth/login", {"identifier": "demo@qubithub.local", "password": "quantum-demo"}, format="json"
        )
        assert response.status_code == 200

    def test_curated_circuits_have_files_and_a_manifest(self, api):
        load_demo()
        bell = api.get("/api/circuits/resolve?repo_name=QubitHub/bell-state").json()
        files = api.get(f"/api/circuits/{bell['id']}/files").json()["files"]
        assert {f["name"] for f in files} >= {"circuit.py", "qubithub.toml", "README.md", "metadata.json"}
        assert set(bell["tags"]) >= {"entanglement", "bell"}
