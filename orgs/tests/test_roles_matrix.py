"""Who may do what in an organization: every role x every organization action, in one table."""

import pytest
from rest_framework.test import APIClient

from conftest import jwt_client, key_client

pytestmark = pytest.mark.django_db

PERSONAS = ("owner", "admin", "member", "outsider", "anonymous")


def edit_org(c, ctx):
    return c.patch(f"/api/orgs/{ctx['lab'].id}", {"description": "Edited"}, format="json")


def delete_org(c, ctx):
    return c.delete(f"/api/orgs/{ctx['lab'].id}")


def list_members(c, ctx):
    return c.get(f"/api/orgs/{ctx['lab'].id}/members")


def add_member(c, ctx):
    return c.post(f"/api/orgs/{ctx['lab'].id}/members", {"email": "charlie@example.com"}, format="json")


def change_role(c, ctx):
    return c.patch(f"/api/orgs/{ctx['lab'].id}/members/{ctx['erin'].id}", {"role": "admin"}, format="json")


def remove_member(c, ctx):
    return c.delete(f"/api/orgs/{ctx['lab'].id}/members/{ctx['erin'].id}")


def create_key(c, ctx):
    return c.post(f"/api/orgs/{ctx['lab'].id}/keys", {"name": "ci", "scopes": ["circuit:read"]}, format="json")


def list_keys(c, ctx):
    return c.get(f"/api/orgs/{ctx['lab'].id}/keys")


def revoke_key(c, ctx):
    return c.delete(f"/api/orgs/{ctx['lab'].id}/keys/{ctx['org_key'].id}")


def public_profile(c, ctx):
    return c.get("/api/orgs/lab/profile")


def public_members(c, ctx):
    return c.get("/api/orgs/lab/public-members")


#                 owner admin member outsider anonymous
MATRIX = {
    edit_org: (200, 200, 403, 403, 401),
    delete_org: (204, 403, 403, 403, 401),
    list_members: (200, 200, 200, 403, 401),
    add_member: (201, 201, 403, 403, 401),
    change_role: (200, 403, 403, 403, 401),
    remove_member: (204, 204, 403, 403, 401),
    create_key: (201, 201, 403, 403, 401),
    list_keys: (200, 200, 200, 403, 401),
    revoke_key: (204, 204, 403, 403, 401),
    public_profile: (200, 200, 200, 200, 200),
    public_members: (200, 200, 200, 200, 200),
}
CASES = [
    pytest.param(action, persona, statuses[i], id=f"{action.__name__}-{persona}")
    for action, statuses in MATRIX.items()
    for i, persona in enumerate(PERSONAS)
]


@pytest.mark.parametrize(("action", "persona", "expected"), CASES)
def test_each_role_may_do_exactly_what_its_rank_allows(action, persona, expected, lab, alice, bob, charlie, dave, erin):
    users = {"owner": alice, "admin": dave, "member": bob, "outsider": charlie}
    client = jwt_client(users[persona]) if persona in users else APIClient()
    ctx = {"lab": lab, "erin": erin, "org_key": key_client(alice, organization=lab).api_key}
    response = action(client, ctx)
    assert response.status_code == expected, response.json()
    if expected >= 400:
        assert response.json()["detail"]


def test_a_forbidden_answer_names_the_role_needed(bob_api, lab):
    response = delete_org(bob_api, {"lab": lab})
    assert response.json()["detail"] == "You must be an organization owner or higher to delete the organization."
