"""/api/api-keys: create (plaintext once), list, read, revoke. The official client's shapes."""

import hashlib

import pytest

from accounts.models import ApiKey
from conftest import key_client

pytestmark = pytest.mark.django_db


def create(client, **body):
    return client.post("/api/api-keys", {"name": "ci", **body}, format="json")


class TestCreate:
    def test_it_returns_the_plaintext_key_once_with_the_clients_fields(self, alice_api):
        response = create(alice_api, scopes=["circuit:read", "circuit:write"], expires_in_days=30)
        assert response.status_code == 201
        body = response.json()
        fields = {"id", "name", "key", "key_prefix", "scopes", "rate_limit_per_minute", "created_at", "expires_at"}
        assert fields <= set(body)
        assert body["key"].startswith("qh_") and body["key"].startswith(body["key_prefix"])
        assert body["scopes"] == ["circuit:read", "circuit:write"]
        assert body["expires_at"] is not None

    def test_it_applies_the_clients_defaults(self, alice_api):
        body = alice_api.post(
            "/api/api-keys", {"name": "x", "expires_in_days": None, "rate_limit_per_minute": None}, format="json"
        ).json()
        assert body["scopes"] == ["circuit:read"]
        assert body["rate_limit_per_minute"] == 60
        assert body["expires_at"] is None

    def test_it_stores_only_a_hash_of_the_key(self, alice_api):
        plaintext = create(alice_api).json()["key"]
        stored = ApiKey.objects.get()
        assert stored.key_hash == hashlib.sha256(plaintext.encode()).hexdigest()
        assert plaintext not in {str(value) for value in stored.__dict__.values()}

    def test_it_refuses_an_unknown_scope(self, alice_api):
        response = create(alice_api, scopes=["circuit:read", "everything"])
        assert response.status_code == 400
        assert "everything" in response.json()["detail"]

    def test_it_refuses_an_empty_scope_list(self, alice_api):
        assert create(alice_api, scopes=[]).status_code == 400

    def test_it_refuses_a_nonpositive_rate_limit(self, alice_api):
        assert create(alice_api, rate_limit_per_minute=0).status_code == 400

    def test_it_needs_authentication(self, api):
        assert create(api).status_code == 401

    def test_an_api_key_cannot_create_keys(self, alice_key):
        response = create(alice_key)
        assert response.status_code == 403
        assert "API keys cannot be used" in response.json()["detail"]


class TestListAndRead:
    def test_it_lists_only_the_callers_user_keys_without_plaintext(self, alice_api, bob, lab, alice):
        create(alice_api, name="one")
        key_client(bob)
        key_client(alice, organization=lab)
        body = alice_api.get("/api/api-keys").json()
        assert body["total"] == 1 and body["page"] == 1 and body["pages"] == 1
        [item] = body["api_keys"]
        assert item["name"] == "one" and item["is_active"] is True and "key" not in item
        assert item["last_used_at"] is None

    def test_it_reads_one_key(self, alice_api):
        key_id = create(alice_api).json()["id"]
        response = alice_api.get(f"/api/api-keys/{key_id}")
        assert response.status_code == 200
        assert response.json()["id"] == key_id

    def test_another_users_key_is_not_found(self, bob_api, alice):
        other = key_client(alice).api_key
        assert bob_api.get(f"/api/api-keys/{other.id}").status_code == 404
        assert bob_api.delete(f"/api/api-keys/{other.id}").status_code == 404


class TestRevoke:
    def test_revoking_answers_204_and_the_key_stops_working(self, alice_api, alice):
        client = key_client(alice)
        response = alice_api.delete(f"/api/api-keys/{client.api_key.id}")
        assert response.status_code == 204
        assert client.get("/api/auth/me").status_code == 401
        assert alice_api.get("/api/api-keys").json()["total"] == 0
        assert alice_api.get(f"/api/api-keys/{client.api_key.id}").status_code == 404
        assert alice_api.delete(f"/api/api-keys/{client.api_key.id}").status_code == 404
