"""API keys authenticate every API route through X-API-Key or Authorization: Bearer qh_..."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import ApiKey
from conftest import key_client

pytestmark = pytest.mark.django_db


def bearer(plaintext: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    return client


class TestAuthentication:
    def test_an_x_api_key_header_authenticates_as_the_keys_user(self, alice):
        response = key_client(alice).get("/api/auth/me")
        assert response.status_code == 200
        assert response.json()["username"] == "alice"

    def test_a_bearer_api_key_authenticates_too(self, alice):
        response = bearer(key_client(alice).plaintext).get("/api/auth/me")
        assert response.status_code == 200
        assert response.json()["username"] == "alice"

    def test_an_unknown_key_is_a_401_with_a_challenge(self, alice):
        client = key_client(alice)
        client.credentials(HTTP_X_API_KEY=client.plaintext[:-2] + "xx")
        response = client.get("/api/auth/me")
        assert response.status_code == 401
        assert response.json() == {"detail": "Invalid API key."}
        assert response["WWW-Authenticate"].startswith("Bearer")

    def test_a_value_without_the_prefix_is_refused(self, api):
        api.credentials(HTTP_X_API_KEY="not-a-key")
        assert api.get("/api/circuits").status_code == 401

    def test_an_expired_key_is_a_401(self, alice):
        client = key_client(alice, expires_in_days=1)
        ApiKey.objects.filter(pk=client.api_key.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
        response = client.get("/api/auth/me")
        assert response.status_code == 401
        assert "expired" in response.json()["detail"]

    def test_a_revoked_key_is_a_401_even_on_public_routes(self, alice):
        client = key_client(alice)
        ApiKey.objects.filter(pk=client.api_key.pk).update(revoked_at=timezone.now())
        response = client.get("/api/circuits")
        assert response.status_code == 401
        assert "revoked" in response.json()["detail"]

    def test_a_disabled_users_key_is_a_401(self, alice):
        client = key_client(alice)
        alice.is_active = False
        alice.save()
        assert client.get("/api/auth/me").status_code == 401


class TestLastUsed:
    def test_first_use_records_last_used_at(self, alice):
        client = key_client(alice)
        client.get("/api/auth/me")
        assert ApiKey.objects.get(pk=client.api_key.pk).last_used_at is not None

    def test_uses_within_a_minute_do_not_write_again(self, alice):
        client = key_client(alice)
        client.get("/api/auth/me")
        first = ApiKey.objects.get(pk=client.api_key.pk).last_used_at
        client.get("/api/auth/me")
        assert ApiKey.objects.get(pk=client.api_key.pk).last_used_at == first

    def test_a_use_after_a_minute_writes_again(self, alice):
        client = key_client(alice)
        old = timezone.now() - timedelta(minutes=2)
        ApiKey.objects.filter(pk=client.api_key.pk).update(last_used_at=old)
        client.get("/api/auth/me")
        assert ApiKey.objects.get(pk=client.api_key.pk).last_used_at > old

    def test_a_recent_use_costs_no_update_query(self, alice, django_assert_num_queries):
        from accounts.keys import api_key_authenticate

        client = key_client(alice)
        api_key_authenticate(raw=client.plaintext)
        with django_assert_num_queries(1):  # the lookup only
            api_key_authenticate(raw=client.plaintext)
