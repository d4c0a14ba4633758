"""Organization API keys act for the organization, with its rights, and nothing more."""

import pytest
from django.utils import timezone

from accounts.models import ApiKey
from circuits.models import Circuit
from conftest import key_client
from orgs.models import Membership, Role
from orgs.tests.conftest import make_circuit

pytestmark = pytest.mark.django_db


@pytest.fixture
def lab_key(alice, lab):
    return key_client(alice, organization=lab)


class TestManagement:
    def test_an_admin_creates_an_org_key_and_sees_its_plaintext_once(self, dave_api, lab):
        response = dave_api.post(f"/api/orgs/{lab.id}/keys", {"name": "ci", "scopes": ["runs:submit"]}, format="json")
        assert response.status_code == 201
        body = response.json()
        assert body["key"].startswith("qh_") and body["organization_id"] == str(lab.id)
        listed = dave_api.get(f"/api/orgs/{lab.id}/keys").json()
        assert listed["total"] == 1 and "key" not in listed["api_keys"][0]

    def test_org_keys_are_not_listed_as_user_keys(self, alice_api, lab_key):
        assert alice_api.get("/api/api-keys").json()["total"] == 0

    def test_revoking_a_key_of_another_org_is_a_404(self, alice_api, alice, lab):
        other = key_client(alice, organization=alice.personal_org).api_key
        assert alice_api.delete(f"/api/orgs/{lab.id}/keys/{other.id}").status_code == 404

    def test_an_api_key_cannot_manage_org_keys(self, lab, alice):
        client = key_client(alice)
        response = client.post(f"/api/orgs/{lab.id}/keys", {"name": "x"}, format="json")
        assert response.status_code == 403
        assert "API keys cannot be used" in response.json()["detail"]


class TestActingForTheOrganization:
    def test_it_sees_the_orgs_private_resources_but_not_its_creators_other_ones(self, lab_key, alice, bob):
        make_circuit(bob, "lab-secret", public=False)
        make_circuit(alice, "alice-secret", org=None, public=False)
        names = {c["name"] for c in lab_key.get("/api/circuits?limit=100").json()["circuits"]}
        assert "lab-secret" in names and "alice-secret" not in names

    def test_a_new_resource_goes_to_the_organization_by_default(self, lab_key):
        body = {"name": "ci-made", "title": "CI", "framework": "qiskit"}
        response = lab_key.post("/api/circuits", body, format="json")
        assert response.status_code == 201, response.json()
        assert Circuit.objects.get(name="ci-made").organization.slug == "lab"

    def test_it_edits_any_resource_of_the_org_like_an_admin(self, lab_key, bob):
        circuit = make_circuit(bob, "bobs")
        response = lab_key.put(f"/api/circuits/{circuit.id}", {"title": "Renamed"}, format="json")
        assert response.status_code == 200, response.json()

    def test_it_never_has_owner_rights(self, lab, alice):
        client = key_client(alice, organization=lab)
        response = client.delete(f"/api/orgs/{lab.id}")
        assert response.status_code == 403

    def test_it_cannot_create_organizations(self, lab_key):
        response = lab_key.post("/api/orgs", {"name": "X", "slug": "xorg"}, format="json")
        assert response.status_code == 403

    def test_a_demoted_creator_key_keeps_only_member_rights(self, lab, dave, bob):
        client = key_client(dave, organization=lab)
        Membership.objects.filter(organization=lab, user=dave).update(role=Role.MEMBER)
        circuit = make_circuit(bob, "bobs")
        assert client.put(f"/api/circuits/{circuit.id}", {"title": "X"}, format="json").status_code == 403

    def test_a_superusers_org_key_is_confined_to_the_org(self, alice, lab, charlie):
        alice.is_superuser = True
        alice.save()
        make_circuit(charlie, "charlies-secret", org=None, public=False)
        client = key_client(alice, organization=lab)
        names = {c["name"] for c in client.get("/api/circuits").json()["circuits"]}
        assert "charlies-secret" not in names

    def test_an_org_key_whose_creator_left_is_refused(self, lab, dave):
        client = key_client(dave, organization=lab)
        Membership.objects.filter(organization=lab, user=dave).delete()
        response = client.get("/api/circuits")
        assert response.status_code == 401
        assert "no longer a member" in response.json()["detail"]

    def test_revoked_org_key_is_a_401(self, lab_key):
        ApiKey.objects.filter(pk=lab_key.api_key.pk).update(revoked_at=timezone.now())
        assert lab_key.get("/api/circuits").status_code == 401
