"""Profile pages and organization settings (members and roles, organization API keys)."""

import pytest
from django.test import Client

from circuits.tests.conftest import make_circuit
from orgs.models import Membership, Role

pytestmark = pytest.mark.django_db


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_user_profile_shows_their_public_circuits_only(client, alice, lab):
    alice.bio = "Quantum *optics*"
    alice.save()
    make_circuit(alice, "open", with_files=False)
    make_circuit(alice, "hidden", is_public=False, with_files=False)
    page = client.get("/alice").content.decode()
    assert "alice/open" in page and "alice/hidden" not in page and "<em>optics</em>" in page


def test_an_org_profile_lists_members_and_private_circuits_for_members(client, alice, bob, lab):
    make_circuit(alice, "secret", is_public=False, organization_name="lab", with_files=False)
    assert "lab/secret" not in client.get("/lab").content.decode()
    page = session(bob).get("/lab").content.decode()
    assert "lab/secret" in page and "alice" in page and "bob" in page


def test_an_unknown_profile_is_404(client):
    assert client.get("/nobody").status_code == 404


def test_org_settings_are_for_members_and_refused_to_outsiders(alice, bob, charlie, lab):
    assert session(alice).get("/orgs/lab/settings").status_code == 200
    assert session(bob).get("/orgs/lab/settings").status_code == 200
    assert session(charlie).get("/orgs/lab/settings").status_code == 403


def test_an_admin_adds_a_member_and_changes_roles(alice, bob, charlie, lab):
    browser = session(alice)
    browser.post("/orgs/lab/settings", {"action": "add", "member-email": charlie.email, "member-role": "member"})
    assert Membership.objects.filter(organization=lab, user=charlie).exists()
    browser.post(f"/orgs/lab/members/{bob.id}", {"role": "admin"})
    assert Membership.objects.get(organization=lab, user=bob).role == Role.ADMIN
    browser.post(f"/orgs/lab/members/{charlie.id}", {"action": "remove"})
    assert not Membership.objects.filter(organization=lab, user=charlie).exists()


def test_the_last_owner_cannot_be_demoted(alice, lab):
    response = session(alice).post(f"/orgs/lab/members/{alice.id}", {"role": "member"}, follow=True)
    assert b"last owner" in response.content


def test_an_org_key_is_shown_once_after_a_redirect_and_revoked(alice, lab):
    browser = session(alice)
    response = browser.post("/orgs/lab/settings", {"action": "key", "key-name": "ci", "key-scopes": ["circuit:read"]})
    assert response.status_code == 302 and response["Location"] == "/orgs/lab/settings"
    shown = browser.get("/orgs/lab/settings")
    plaintext = shown.context["issued"]["plaintext"]
    assert plaintext.encode() in shown.content
    assert plaintext.encode() not in browser.get("/orgs/lab/settings").content  # a reload: gone, no new key
    key = lab.api_keys.get()
    browser.post(f"/orgs/lab/keys/{key.id}/revoke")
    key.refresh_from_db()
    assert key.revoked_at is not None


def test_creating_an_organization(alice):
    response = session(alice).post("/orgs/new", {"name": "Team", "slug": "team"})
    assert response["Location"] == "/team"


def test_a_profile_lists_spaces_and_datasets_and_is_titled_by_its_slug(client, alice):
    from datasets.services import dataset_create
    from spaces.services import space_create

    dataset_create(creator=alice, name="energies", title="Energies", format="csv")
    space_create(creator=alice, name="playground", title="Playground")
    page = client.get("/alice").content.decode()
    assert "<title>alice · QubitHub</title>" in page
    assert "alice/energies" in page and "alice/playground" in page
