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


def test_a_new_api_key_is_shown_once_after_a_redirect_so_a_reload_creates_no_second_key(alice):
    browser = session(alice)
    response = browser.post("/settings/keys", {"name": "ci", "scopes": ["circuit:read", "runs:submit"]})
    assert response.status_code == 302 and response["Location"] == "/settings/keys"
    key = ApiKey.objects.get(user=alice)
    shown = browser.get(response["Location"])
    assert shown["Cache-Control"] == "no-store"
    plaintext = shown.context["issued"]["plaintext"]
    assert plaintext.encode() in shown.content and key.key_prefix == plaintext[:11]
    assert plaintext not in response["Location"]
    reloaded = browser.get("/settings/keys")
    assert plaintext.encode() not in reloaded.content
    assert ApiKey.objects.filter(user=alice).count() == 1


def test_a_new_user_key_is_not_shown_on_an_organization_page(alice, lab):
    browser = session(alice)
    browser.post("/settings/keys", {"name": "ci", "scopes": ["circuit:read"]})
    assert browser.get("/orgs/lab/settings").context["issued"] is None
    assert browser.get("/settings/keys").context["issued"]["name"] == "ci"


def test_an_invalid_key_form_is_a_400_with_the_form_and_creates_nothing(alice):
    response = session(alice).post("/settings/keys", {"name": "", "scopes": []})
    assert response.status_code == 400 and response.context["issued"] is None
    assert b"This field is required." in response.content
    assert not ApiKey.objects.filter(user=alice).exists()


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
