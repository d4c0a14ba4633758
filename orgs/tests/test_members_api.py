"""/api/orgs/{id}/members: add, change role, remove; the last owner always stays."""

import pytest

from accounts.models import ApiKey
from conftest import jwt_client, key_client
from orgs.models import Membership, Role

pytestmark = pytest.mark.django_db


def members_url(org, user=None):
    return f"/api/orgs/{org.id}/members" + (f"/{user.id}" if user else "")


def role_of(org, user):
    return Membership.objects.get(organization=org, user=user).role


class TestAdd:
    def test_an_admin_adds_a_member_by_email(self, dave_api, lab, charlie):
        response = dave_api.post(members_url(lab), {"email": "CHARLIE@example.com"}, format="json")
        assert response.status_code == 201
        assert response.json()["username"] == "charlie" and response.json()["role"] == "member"
        assert role_of(lab, charlie) == Role.MEMBER

    def test_an_unknown_email_is_a_404(self, alice_api, lab):
        response = alice_api.post(members_url(lab), {"email": "ghost@example.com"}, format="json")
        assert response.status_code == 404
        assert "ghost@example.com" in response.json()["detail"]

    def test_an_existing_member_is_a_409(self, alice_api, lab):
        response = alice_api.post(members_url(lab), {"email": "bob@example.com"}, format="json")
        assert response.status_code == 409
        assert "already a member" in response.json()["detail"]

    def test_only_an_owner_may_add_an_owner(self, dave_api, alice_api, lab, charlie):
        body = {"email": "charlie@example.com", "role": "owner"}
        assert dave_api.post(members_url(lab), body, format="json").status_code == 403
        assert alice_api.post(members_url(lab), body, format="json").status_code == 201

    def test_an_unknown_role_is_a_400(self, alice_api, lab, charlie):
        body = {"email": "charlie@example.com", "role": "king"}
        assert alice_api.post(members_url(lab), body, format="json").status_code == 400

    def test_a_personal_organization_takes_no_members(self, alice_api, alice, charlie):
        response = alice_api.post(members_url(alice.personal_org), {"email": "charlie@example.com"}, format="json")
        assert response.status_code == 400


class TestChangeRole:
    def test_the_owner_promotes_a_member(self, alice_api, lab, bob):
        response = alice_api.patch(members_url(lab, bob), {"role": "admin"}, format="json")
        assert response.status_code == 200 and response.json()["role"] == "admin"
        assert role_of(lab, bob) == Role.ADMIN

    def test_the_last_owner_cannot_be_demoted(self, alice_api, lab, alice):
        response = alice_api.patch(members_url(lab, alice), {"role": "admin"}, format="json")
        assert response.status_code == 400
        assert "last owner" in response.json()["detail"]
        assert role_of(lab, alice) == Role.OWNER

    def test_an_owner_may_step_down_once_there_is_another(self, alice_api, lab, alice, bob):
        alice_api.patch(members_url(lab, bob), {"role": "owner"}, format="json")
        assert alice_api.patch(members_url(lab, alice), {"role": "member"}, format="json").status_code == 200

    def test_a_non_member_is_a_404(self, alice_api, lab, charlie):
        assert alice_api.patch(members_url(lab, charlie), {"role": "admin"}, format="json").status_code == 404


class TestRemove:
    def test_a_member_may_leave(self, bob_api, lab, bob):
        assert bob_api.delete(members_url(lab, bob)).status_code == 204
        assert not Membership.objects.filter(organization=lab, user=bob).exists()

    def test_the_last_owner_cannot_be_removed(self, alice_api, lab, alice):
        response = alice_api.delete(members_url(lab, alice))
        assert response.status_code == 400
        assert "last owner" in response.json()["detail"]

    def test_an_admin_cannot_remove_an_owner(self, dave_api, lab, alice):
        assert dave_api.delete(members_url(lab, alice)).status_code == 403

    def test_removal_revokes_the_org_keys_the_member_created(self, alice_api, lab, dave):
        client = key_client(dave, organization=lab)
        assert client.get("/api/orgs/lab/circuits").status_code == 200
        assert alice_api.delete(members_url(lab, dave)).status_code == 204
        assert ApiKey.objects.get(pk=client.api_key.pk).revoked_at is not None
        assert client.get("/api/orgs/lab/circuits").status_code == 401

    def test_a_removed_member_loses_access_at_once(self, alice_api, lab, bob):
        bob_api = jwt_client(bob)
        alice_api.delete(members_url(lab, bob))
        assert bob_api.get(members_url(lab)).status_code == 403
