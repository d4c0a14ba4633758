import pytest

from accounts.models import User
from conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_signup_creates_the_account_and_logs_in(client):
    response = client.post(
        "/signup", {"email": "eve@example.com", "username": "eve", "name": "Eve", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert User.objects.filter(username="eve", personal_org__slug="eve").exists()
    assert b"eve" in client.get("/").content


def test_signup_shows_errors_for_a_taken_username(client, alice):
    response = client.post(
        "/signup", {"email": "x@example.com", "username": "alice", "name": "A", "password": PASSWORD}
    )
    assert response.status_code == 400
    assert b"already taken" in response.content


def test_login_accepts_email_or_username_and_logout_ends_the_session(client, alice):
    for identifier in ("alice", "alice@example.com"):
        response = client.post("/login", {"username": identifier, "password": PASSWORD})
        assert response.status_code == 302
        assert client.get("/api/auth/me").json()["username"] == "alice"
        client.post("/logout")
        assert client.get("/api/auth/me").status_code in (401, 403)


def test_login_with_a_wrong_password_shows_an_error(client, alice):
    response = client.post("/login", {"username": "alice", "password": "wrong-password"})
    assert response.status_code == 200
    assert b"correct" in response.content


def test_session_writes_through_the_api_need_the_csrf_token(alice):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    response = browser.post(
        "/api/circuits", {"name": "x", "title": "X", "framework": "qiskit"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
