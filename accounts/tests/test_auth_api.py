import pytest

from accounts.models import User
from conftest import PASSWORD
from orgs.models import Membership, Organization

pytestmark = pytest.mark.django_db
REGISTER = {"email": "ada@example.com", "username": "ada-q", "password": PASSWORD, "name": "Ada Q"}


def register(api, **changes):
    return api.post("/api/auth/register", {**REGISTER, **changes}, format="json")


class TestRegister:
    def test_it_returns_tokens_and_the_user(self, api):
        response = register(api)
        assert response.status_code == 201
        body = response.json()
        assert body["token_type"] == "bearer"
        assert body["expires_in"] == 900
        assert body["access_token"] and body["refresh_token"]
        assert body["user"]["username"] == "ada-q"
        assert body["user"]["organizations"] == [
            {"id": body["user"]["organizations"][0]["id"], "name": "Ada Q", "slug": "ada-q", "role": "owner"}
        ]
        assert "refresh_token" in response.cookies

    def test_it_creates_a_personal_organization(self, api):
        register(api)
        user = User.objects.get(username="ada-q")
        org = Organization.objects.get(slug="ada-q")
        assert org.personal_for == user
        assert Membership.objects.get(organization=org, user=user).role == "owner"

    def test_it_hashes_passwords_with_argon2(self, api, settings):
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
        register(api)
        assert User.objects.get(username="ada-q").password.startswith("argon2")

    @pytest.mark.parametrize("username", ["ab", "-ada", "ada-", "Ada", "ada_q", "a" * 40, "ada q", "ädä"])
    def test_it_rejects_bad_usernames(self, api, username):
        response = register(api, username=username)
        assert response.status_code == 400
        assert "username" in response.json()["detail"].lower()

    def test_it_rejects_a_duplicate_email_in_any_case(self, api):
        register(api)
        response = register(api, username="other", email="ADA@example.com")
        assert response.status_code == 400
        assert response.json()["detail"] == "A user with this email already exists."

    def test_it_rejects_a_duplicate_username(self, api):
        register(api)
        response = register(api, email="x@example.com")
        assert response.status_code == 400
        assert "already taken" in response.json()["detail"]

    def test_it_rejects_a_username_that_is_an_organization_slug(self, api, lab):
        response = register(api, username="lab")
        assert response.status_code == 400
        assert "already taken" in response.json()["detail"]

    @pytest.mark.parametrize("password", ["short", "password123", "12345678901"])
    def test_it_rejects_weak_passwords(self, api, password):
        response = register(api, password=password)
        assert response.status_code == 400
        assert "password" in response.json()["detail"].lower()
        assert not User.objects.filter(username="ada-q").exists()

    def test_it_requires_every_field(self, api):
        response = api.post("/api/auth/register", {"email": "a@example.com"}, format="json")
        assert response.status_code == 400
        detail = response.json()["detail"]
        for field in ("username", "password", "name"):
            assert field in detail

    def test_it_rejects_an_invalid_email(self, api):
        assert register(api, email="not-an-email").status_code == 400


class TestLogin:
    def test_it_accepts_a_username_as_identifier(self, api, alice):
        response = api.post("/api/auth/login", {"identifier": "alice", "password": PASSWORD}, format="json")
        assert response.status_code == 200
        assert response.json()["user"]["email"] == "alice@example.com"

    def test_it_accepts_an_email_as_identifier_in_any_case(self, api, alice):
        response = api.post("/api/auth/login", {"identifier": "ALICE@example.com", "password": PASSWORD}, format="json")
        assert response.status_code == 200

    def test_it_accepts_the_legacy_email_field(self, api, alice):
        response = api.post("/api/auth/login", {"email": "alice@example.com", "password": PASSWORD}, format="json")
        assert response.status_code == 200
        assert response.json()["expires_in"] == 900

    def test_wrong_password_and_unknown_user_get_the_same_answer(self, api, alice):
        wrong = api.post("/api/auth/login", {"identifier": "alice", "password": "nope-nope"}, format="json")
        unknown = api.post("/api/auth/login", {"identifier": "nobody", "password": "nope-nope"}, format="json")
        assert wrong.status_code == unknown.status_code == 401
        assert wrong.json() == unknown.json()

    def test_a_disabled_user_cannot_log_in(self, api, alice):
        alice.is_active = False
        alice.save()
        response = api.post("/api/auth/login", {"identifier": "alice", "password": PASSWORD}, format="json")
        assert response.status_code == 401

    def test_it_needs_an_identifier(self, api):
        response = api.post("/api/auth/login", {"password": PASSWORD}, format="json")
        assert response.status_code == 400
        assert "identifier" in response.json()["detail"]


def login(api, user="alice"):
    return api.post("/api/auth/login", {"identifier": user, "password": PASSWORD}, format="json").json()


class TestRefresh:
    def test_it_rotates_the_refresh_token(self, api, alice):
        tokens = login(api)
        response = api.post("/api/auth/refresh", {"refresh_token": tokens["refresh_token"]}, format="json")
        assert response.status_code == 200
        body = response.json()
        assert body["token_type"] == "bearer"
        assert body["refresh_token"] != tokens["refresh_token"]
        me = api.get("/api/auth/me", HTTP_AUTHORIZATION=f"Bearer {body['access_token']}")
        assert me.status_code == 200

    def test_reusing_a_rotated_refresh_token_is_refused(self, api, alice):
        tokens = login(api)
        api.post("/api/auth/refresh", {"refresh_token": tokens["refresh_token"]}, format="json")
        api.cookies.clear()
        again = api.post("/api/auth/refresh", {"refresh_token": tokens["refresh_token"]}, format="json")
        assert again.status_code == 401
        assert "detail" in again.json()

    def test_a_garbage_token_is_refused(self, api, db):
        response = api.post("/api/auth/refresh", {"refresh_token": "garbage"}, format="json")
        assert response.status_code == 401

    def test_an_access_token_is_not_a_refresh_token(self, api, alice):
        tokens = login(api)
        api.cookies.clear()
        response = api.post("/api/auth/refresh", {"refresh_token": tokens["access_token"]}, format="json")
        assert response.status_code == 401

    def test_it_needs_a_token(self, api, db):
        assert api.post("/api/auth/refresh", {}, format="json").status_code == 400


class TestLogout:
    def test_it_revokes_the_refresh_token(self, api, alice):
        tokens = login(api)
        api.cookies.clear()
        response = api.post("/api/auth/logout", {"refresh_token": tokens["refresh_token"]}, format="json")
        assert response.status_code == 204
        again = api.post("/api/auth/refresh", {"refresh_token": tokens["refresh_token"]}, format="json")
        assert again.status_code == 401

    def test_it_reads_the_cookie_without_a_body(self, api, alice):
        tokens = login(api)  # sets the refresh_token cookie on the client
        response = api.post("/api/auth/logout", {}, format="json")
        assert response.status_code == 204
        api.cookies.clear()
        refused = api.post("/api/auth/refresh", {"refresh_token": tokens["refresh_token"]}, format="json")
        assert refused.status_code == 401

    def test_an_invalid_token_is_refused(self, api, db):
        assert api.post("/api/auth/logout", {"refresh_token": "x"}, format="json").status_code == 401

    def test_it_needs_a_token(self, api, db):
        assert api.post("/api/auth/logout", {}, format="json").status_code == 400


class TestMe:
    def test_it_describes_the_user_and_their_organizations(self, alice_api, lab):
        body = alice_api.get("/api/auth/me").json()
        assert body["username"] == "alice"
        assert body["avatar"] is None
        assert {(o["slug"], o["role"]) for o in body["organizations"]} == {("alice", "owner"), ("lab", "owner")}

    def test_it_needs_authentication(self, api, db):
        response = api.get("/api/auth/me")
        assert response.status_code == 401
        assert response.json()["detail"]

    def test_a_tampered_token_is_refused(self, api, alice):
        token = login(api)["access_token"]
        response = api.get("/api/auth/me", HTTP_AUTHORIZATION=f"Bearer {token[:-2]}xx")
        assert response.status_code == 401

    def test_an_expired_token_is_refused(self, api, alice):
        from datetime import timedelta

        from rest_framework_simplejwt.tokens import AccessToken

        token = AccessToken.for_user(alice)
        token.set_exp(lifetime=-timedelta(seconds=1))
        response = api.get("/api/auth/me", HTTP_AUTHORIZATION=f"Bearer {token}")
        assert response.status_code == 401
