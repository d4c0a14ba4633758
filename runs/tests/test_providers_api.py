"""Provider credentials: write-only, encrypted at rest, per user or organization (admins only); hardware
availability follows them in the catalogue and on submit."""

import pytest
from django.db import connection

from conftest import key_client
from runs.models import Run
from runs.providers import crypto
from runs.providers.models import ProviderCredential

pytestmark = pytest.mark.django_db
TOKEN = "ibm-secret-token-1234567890"


def put(client, provider="ibm", **body):
    return client.put(f"/api/providers/{provider}/credentials", {"token": TOKEN, **body}, format="json")


def configured(client, provider="ibm") -> bool:
    return next(p for p in client.get("/api/providers").json()["providers"] if p["provider"] == provider)["configured"]


class TestCredentials:
    def test_setting_them_answers_204_and_nothing_else(self, alice_api):
        response = put(alice_api, instance="crn:v1:my-instance")
        assert response.status_code == 204 and not response.content
        assert configured(alice_api)

    def test_they_are_never_echoed(self, alice_api):
        put(alice_api, instance="crn:v1:my-instance")
        listing = alice_api.get("/api/providers")
        assert listing.status_code == 200
        assert TOKEN not in listing.content.decode() and "crn:v1" not in listing.content.decode()
        assert alice_api.get("/api/providers/ibm/credentials").status_code == 405

    def test_they_are_encrypted_at_rest(self, alice_api):
        put(alice_api, instance="crn:v1:my-instance")
        with connection.cursor() as cursor:
            cursor.execute("SELECT secret FROM runs_providercredential")
            (stored,) = cursor.fetchone()
        assert TOKEN not in stored and "crn:v1" not in stored
        assert crypto.unseal(stored) == {"token": TOKEN, "instance": "crn:v1:my-instance"}

    def test_a_configured_key_encrypts_and_rotation_keeps_old_secrets_readable(self, settings):
        from cryptography.fernet import Fernet

        old, new = Fernet.generate_key().decode(), "any passphrase becomes a key"
        settings.QH_CREDENTIALS_KEY = old
        sealed = crypto.seal({"token": "t"})
        settings.QH_CREDENTIALS_KEY = f"{new},{old}"
        assert crypto.unseal(sealed) == {"token": "t"}
        settings.QH_CREDENTIALS_KEY = new
        with pytest.raises(crypto.CredentialsUnreadable):
            crypto.unseal(sealed)

    def test_setting_them_again_replaces_them(self, alice_api, alice):
        put(alice_api)
        put(alice_api, token="another-token-123456")
        (credential,) = ProviderCredential.objects.filter(user=alice)
        assert crypto.unseal(credential.secret)["token"] == "another-token-123456"

    def test_deleting_them_answers_204_then_404(self, alice_api):
        put(alice_api)
        assert alice_api.delete("/api/providers/ibm/credentials").status_code == 204
        assert not configured(alice_api)
        assert alice_api.delete("/api/providers/ibm/credentials").status_code == 404

    def test_an_unknown_provider_is_a_404(self, alice_api):
        assert put(alice_api, provider="dwave").status_code == 404

    def test_a_malformed_braket_token_is_a_400_saying_what_is_expected(self, alice_api):
        response = put(alice_api, provider="braket", token="no-colon")
        assert response.status_code == 400 and "access key id" in response.json()["detail"]

    def test_anonymous_callers_are_refused(self, api):
        assert put(api).status_code == 401
        assert api.get("/api/providers").status_code == 401


class TestOrganizationCredentials:
    def test_an_owner_sets_them_and_members_may_use_them(self, alice_api, bob_api, lab):
        assert put(alice_api, organization_name="lab").status_code == 204
        assert configured(bob_api)
        body = next(p for p in bob_api.get("/api/providers").json()["providers"] if p["provider"] == "ibm")
        assert body["organizations"] == ["lab"] and body["user_configured"] is False

    def test_an_outsider_cannot_set_them(self, charlie_api, lab):
        assert put(charlie_api, organization_name="lab").status_code == 403
        assert not ProviderCredential.objects.exists()

    def test_a_plain_member_cannot_set_or_delete_them(self, alice_api, bob_api, lab):
        assert put(bob_api, organization_name="lab").status_code == 403
        put(alice_api, organization_name="lab")
        assert bob_api.delete("/api/providers/ibm/credentials?organization_name=lab").status_code == 403
        assert ProviderCredential.objects.count() == 1

    def test_outsiders_do_not_get_an_orgs_credentials(self, alice_api, charlie_api, lab):
        put(alice_api, organization_name="lab")
        assert not configured(charlie_api)

    def test_an_unknown_organization_is_a_404(self, alice_api):
        assert put(alice_api, organization_name="nowhere").status_code == 404


class TestScopes:
    def test_an_api_key_needs_org_admin_to_set_them(self, alice):
        submit_only = key_client(alice, scopes=["runs:read", "runs:submit"])
        assert put(submit_only).status_code == 403
        assert submit_only.get("/api/providers").status_code == 200
        assert put(key_client(alice, scopes=["org:admin"])).status_code == 204


class TestAvailability:
    def hardware(self, client, backend_id="ibm_brisbane"):
        backends = client.get("/api/backends?type=hardware").json()["backends"]
        return next(b for b in backends if b["id"] == backend_id)

    def test_hardware_is_unavailable_without_credentials_and_available_with_them(self, alice_api, api):
        assert self.hardware(alice_api)["status"] == "unavailable"
        assert "credentials" in self.hardware(alice_api)["description"]
        put(alice_api)
        assert self.hardware(alice_api)["status"] == "available"
        assert self.hardware(alice_api, "braket_sv1")["status"] == "unavailable"
        assert alice_api.get("/api/backends/ibm_brisbane").json()["status"] == "available"
        assert self.hardware(api)["status"] == "unavailable"

    def test_submitting_without_credentials_is_a_400_saying_how_to_set_them(self, alice_api, bell):
        response = alice_api.post(
            "/api/runs",
            {"circuit_id": str(bell.id), "backend_type": "hardware", "backend_name": "ibm_brisbane"},
            format="json",
        )
        assert response.status_code == 400
        assert "PUT /api/providers/ibm/credentials" in response.json()["detail"]
        assert not Run.objects.exists()

    def test_submitting_with_an_orgs_credentials_is_accepted_and_goes_to_the_hardware_queue(
        self, alice_api, bob_api, lab, bell, monkeypatch, django_capture_on_commit_callbacks
    ):
        sent = []
        monkeypatch.setattr("runs.services.dispatch", lambda task, *args, queue: sent.append((task.name, queue)))
        put(alice_api, organization_name="lab")
        with django_capture_on_commit_callbacks(execute=True):
            response = bob_api.post(
                "/api/runs",
                {"circuit_id": str(bell.id), "backend_type": "hardware", "backend_name": "ibm_brisbane"},
                format="json",
            )
        assert response.status_code == 201
        assert sent == [("runs.execute", "hardware")]
