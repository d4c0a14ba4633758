"""/api/orgs: create, list mine, edit, delete (409 while it owns resources unless forced)."""

import pytest

from circuits.models import Circuit
from orgs.models import Membership, Organization
from orgs.tests.conftest import make_circuit

pytestmark = pytest.mark.django_db


class TestCreate:
    def test_the_creator_becomes_owner(self, alice_api, alice):
        response = alice_api.post("/api/orgs", {"name": "Q Team", "slug": "q-team"}, format="json")
        assert response.status_code == 201
        body = response.json()
        assert body["slug"] == "q-team" and body["role"] == "owner" and body["is_personal"] is False
        assert Membership.objects.get(organization__slug="q-team").user == alice

    def test_a_slug_taken_by_a_user_is_refused(self, alice_api, bob):
        response = alice_api.post("/api/orgs", {"name": "Bob", "slug": "bob"}, format="json")
        assert response.status_code == 400
        assert "already taken" in response.json()["detail"]

    def test_a_slug_taken_by_an_org_is_refused_whatever_its_case(self, alice_api, lab):
        response = alice_api.post("/api/orgs", {"name": "Lab", "slug": "lab"}, format="json")
        assert response.status_code == 400

    @pytest.mark.parametrize("slug", ["Upper", "-dash", "ab", "under_score", "x" * 40])
    def test_slugs_follow_the_username_rules(self, alice_api, slug):
        response = alice_api.post("/api/orgs", {"name": "X", "slug": slug}, format="json")
        assert response.status_code == 400
        assert "slug" in response.json()["detail"]

    def test_it_needs_authentication(self, api):
        assert api.post("/api/orgs", {"name": "X", "slug": "xyz"}, format="json").status_code == 401


class TestListMine:
    def test_it_lists_my_organizations_with_my_role_in_the_envelope(self, bob_api, lab):
        body = bob_api.get("/api/orgs").json()
        assert body["total"] == 2 and body["pages"] == 1
        assert {(o["slug"], o["role"]) for o in body["organizations"]} == {("bob", "owner"), ("lab", "member")}

    def test_an_outsider_does_not_see_other_organizations(self, charlie_api, lab):
        assert [o["slug"] for o in charlie_api.get("/api/orgs").json()["organizations"]] == ["charlie"]


class TestEdit:
    def test_an_admin_edits_name_and_description(self, alice_api, lab):
        response = alice_api.patch(f"/api/orgs/{lab.id}", {"name": "New", "description": "D"}, format="json")
        assert response.status_code == 200
        lab.refresh_from_db()
        assert (lab.name, lab.description) == ("New", "D")

    def test_an_invalid_avatar_url_is_refused(self, alice_api, lab):
        assert alice_api.patch(f"/api/orgs/{lab.id}", {"avatar_url": "nope"}, format="json").status_code == 400

    def test_an_unknown_org_is_a_404(self, alice_api):
        response = alice_api.patch("/api/orgs/00000000-0000-0000-0000-000000000000", {}, format="json")
        assert response.status_code == 404
        assert response.json() == {"detail": "Organization not found."}


class TestDelete:
    def test_an_empty_organization_is_deleted(self, alice_api, lab):
        assert alice_api.delete(f"/api/orgs/{lab.id}").status_code == 204
        assert not Organization.objects.filter(pk=lab.pk).exists()

    def test_an_organization_that_owns_resources_is_a_409(self, alice_api, alice, lab):
        make_circuit(alice, "bell")
        response = alice_api.delete(f"/api/orgs/{lab.id}")
        assert response.status_code == 409
        assert "owns 1 resource" in response.json()["detail"]
        assert Organization.objects.filter(pk=lab.pk).exists()

    def test_force_deletes_it_with_its_resources(self, alice_api, alice, lab):
        make_circuit(alice, "bell")
        assert alice_api.delete(f"/api/orgs/{lab.id}?force=true").status_code == 204
        assert not Circuit.objects.filter(name="bell").exists()

    def test_a_personal_organization_cannot_be_deleted(self, alice_api, alice):
        response = alice_api.delete(f"/api/orgs/{alice.personal_org.id}")
        assert response.status_code == 400
        assert "personal" in response.json()["detail"]

    def test_owned_resources_are_discovered_from_every_owned_resource_model(self):
        from orgs.access import OwnedResource, owned_resource_models

        assert Circuit in owned_resource_models()
        assert all(issubclass(model, OwnedResource) for model in owned_resource_models())
