"""Organization pages for ordinary members (read-only settings, leaving), the /orgs/<slug> redirect, and wording."""

import pytest
from django.test import Client

from accounts.models import ApiKey
from conftest import key_client
from orgs.models import Membership, Role

pytestmark = pytest.mark.django_db


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_member_reads_members_with_emails_and_keys_but_gets_no_admin_forms(alice, bob, lab):
    key_client(alice, ["circuit:read"], organization=lab)
    response = session(bob).get("/orgs/lab/settings")
    page = response.content.decode()
    assert response.status_code == 200 and 'data-testid="read-only"' in page
    assert "alice@example.com" in page and "bob@example.com" in page
    assert page.count('data-testid="org-key"') == 1
    for admin_only in ('name="role"', 'value="remove"', "Create key", "Add member", "Revoke", "Save profile"):
        assert admin_only not in page, admin_only
    assert "/orgs/lab/leave" in page


def test_a_member_cannot_post_admin_actions(alice, bob, charlie, lab):
    browser = session(bob)
    assert browser.post("/orgs/lab/settings", {"action": "edit", "org-name": "Mine"}).status_code == 403
    add = {"action": "add", "member-email": charlie.email, "member-role": "member"}
    assert browser.post("/orgs/lab/settings", add).status_code == 403
    key = {"action": "key", "key-name": "ci", "key-scopes": ["circuit:read"]}
    assert browser.post("/orgs/lab/settings", key).status_code == 403
    lab.refresh_from_db()
    assert lab.name != "Mine" and not Membership.objects.filter(organization=lab, user=charlie).exists()
    assert not ApiKey.objects.filter(organization=lab).exists()


def test_an_admin_sees_remove_but_not_role_changes_which_are_for_owners(alice, bob, lab, dave):
    page = session(dave).get("/orgs/lab/settings").content.decode()
    assert 'name="role"' not in page and "Add member" in page
    assert page.count('value="remove"') == 1  # bob's row; not the owner's, not dave's own (he can leave)
    assert 'name="role"' in session(alice).get("/orgs/lab/settings").content.decode()


def test_adding_a_member_redirects_and_an_unknown_email_is_a_neutral_400(alice, charlie, lab):
    browser = session(alice)
    added = browser.post("/orgs/lab/settings", {"action": "add", "member-email": charlie.email, "member-role": "admin"})
    assert added.status_code == 302 and Membership.objects.get(organization=lab, user=charlie).role == Role.ADMIN
    unknown = {"action": "add", "member-email": "ghost@example.com", "member-role": "member"}
    response = browser.post("/orgs/lab/settings", unknown)
    assert response.status_code == 400
    assert "Could not add &#x27;ghost@example.com&#x27;" in response.content.decode()
    assert b"No user with" not in response.content


def test_the_api_uses_the_same_neutral_wording_for_an_unknown_email(alice_api, lab):
    response = alice_api.post(f"/api/orgs/{lab.id}/members", {"email": "ghost@example.com"}, format="json")
    assert response.status_code == 404 and response.json()["detail"].startswith("Could not add 'ghost@example.com'")


def test_a_member_leaves_after_a_confirmation_and_their_org_keys_are_revoked(alice, bob, lab):
    issued = key_client(bob, ["circuit:read"], organization=lab)
    browser = session(bob)
    confirmation = browser.get("/orgs/lab/leave")
    assert confirmation.status_code == 200 and b"Leave lab" in confirmation.content
    assert Membership.objects.filter(organization=lab, user=bob).exists()  # GET changes nothing
    response = browser.post("/orgs/lab/leave")
    assert response.status_code == 302 and response["Location"] == "/bob"
    assert not Membership.objects.filter(organization=lab, user=bob).exists()
    issued.api_key.refresh_from_db()
    assert issued.api_key.revoked_at is not None
    assert browser.get("/orgs/lab/leave").status_code == 404  # no longer a member


def test_the_last_owner_cannot_leave_and_is_told_why(alice, lab):
    browser = session(alice)
    page = browser.get("/orgs/lab/leave")
    assert b"You are the last owner of lab" in page.content and b'data-testid="confirm-leave"' not in page.content
    response = browser.post("/orgs/lab/leave")
    assert response.status_code == 400 and b"You are the last owner of lab" in response.content
    assert Membership.objects.filter(organization=lab, user=alice, role=Role.OWNER).exists()


def test_an_owner_can_leave_once_there_is_another_owner(alice, bob, lab):
    Membership.objects.filter(organization=lab, user=bob).update(role=Role.OWNER)
    assert session(alice).post("/orgs/lab/leave").status_code == 302
    assert not Membership.objects.filter(organization=lab, user=alice).exists()


def test_a_personal_namespace_cannot_be_left(alice):
    response = session(alice).post("/orgs/alice/leave")
    assert response.status_code == 400 and b"personal namespace" in response.content


def test_outsiders_and_visitors_cannot_leave(charlie, lab, client):
    assert session(charlie).get("/orgs/lab/leave").status_code == 404
    assert client.get("/orgs/lab/leave")["Location"].startswith("/login")


def test_orgs_slug_redirects_to_the_org_page(client, lab):
    response = client.get("/orgs/LAB")
    assert response.status_code == 302 and response["Location"] == "/lab"
    assert client.get("/orgs/nothing-here").status_code == 404


def test_members_see_a_settings_link_on_the_profile_outsiders_do_not(bob, charlie, lab):
    assert b"/orgs/lab/settings" in session(bob).get("/lab").content
    assert b"/orgs/lab/settings" not in session(charlie).get("/lab").content


@pytest.mark.parametrize("path", ["/orgs/new"])
def test_a_reserved_name_is_called_reserved(alice, path):
    response = session(alice).post(path, {"name": "Settings", "slug": "settings"})
    assert response.status_code == 400 and b"reserved" in response.content and b"already taken" not in response.content


def test_the_api_calls_a_reserved_name_reserved(alice_api):
    response = alice_api.post("/api/orgs", {"name": "Admin", "slug": "admin"}, format="json")
    assert response.status_code == 400 and "reserved" in response.json()["detail"]


def test_the_settings_page_has_a_bounded_number_of_queries(alice, lab, django_assert_max_num_queries):
    from conftest import make_user

    for n in range(8):
        Membership.objects.create(organization=lab, user=make_user(f"member{n}"), role=Role.MEMBER)
        key_client(alice, ["circuit:read"], organization=lab)
    browser = session(alice)
    with django_assert_max_num_queries(12):
        assert browser.get("/orgs/lab/settings").status_code == 200
