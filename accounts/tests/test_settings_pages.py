"""Settings pages: profile and plan usage, password change, API keys shown once and revoked."""

import pytest
from django.test import Client

from accounts.models import ApiKey
from conftest import PASSWORD

pytestmark = pytest.mark.django_db


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_settings_need_a_login(client):
    for path in ("/settings", "/settings/password", "/settings/keys"):
        assert client.get(path)["Location"].startswith("/login")


def test_the_profile_is_saved_and_usage_is_shown(alice):
    browser = session(alice)
    page = browser.get("/settings").content.decode()
    assert "Plan usage" in page and "Runs" in page
    assert browser.post("/settings", {"name": "Alice Q", "bio": "hi", "avatar": ""}).status_code == 302
    alice.refresh_from_db()
    assert alice.name == "Alice Q" and alice.bio == "hi"


def test_the_password_is_changed(alice):
    browser = session(alice)
    form = {"old_password": PASSWORD, "new_password1": "An0ther!Secret#9", "new_password2": "An0ther!Secret#9"}
    assert browser.post("/settings/password", form).status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("An0ther!Secret#9")
    assert browser.get("/settings").status_code == 200  # still signed in


def test_a_new_api_key_is_shown_once(alice):
    browser = session(alice)
    response = browser.post("/settings/keys", {"name": "ci", "scopes": ["circuit:read", "runs:submit"]})
    key = ApiKey.objects.get(user=alice)
    assert response["Cache-Control"] == "no-store"
    plaintext = response.context["issued"].plaintext
    assert plaintext.encode() in response.content and key.key_prefix == plaintext[:11]
    assert plaintext.encode() not in browser.get("/settings/keys").content


def test_a_key_is_revoked_and_others_keys_are_404(alice, bob):
    session(alice).post("/settings/keys", {"name": "ci", "scopes": ["circuit:read"]})
    key = ApiKey.objects.get(user=alice)
    assert session(bob).post(f"/settings/keys/{key.id}/revoke").status_code == 404
    assert session(alice).post(f"/settings/keys/{key.id}/revoke").status_code == 302
    key.refresh_from_db()
    assert key.revoked_at is not None


def test_friendly_error_pages(client):
    response = client.get("/nobody/nothing")
    assert response.status_code == 404 and b"Page not found" in response.content
