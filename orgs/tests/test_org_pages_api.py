"""Public organization endpoints: profile, circuits/datasets/spaces lists, public members."""

import pytest

from orgs.tests.conftest import make_circuit

pytestmark = pytest.mark.django_db


@pytest.fixture
def circuits(alice, bob, lab):
    return [
        make_circuit(alice, "alpha"),
        make_circuit(bob, "beta"),
        make_circuit(alice, "secret", public=False),
        make_circuit(alice, "elsewhere", org=None),
    ]


class TestProfile:
    def test_it_counts_only_what_an_outsider_may_see(self, api, circuits):
        body = api.get("/api/orgs/lab/profile").json()
        assert body["slug"] == "lab" and body["name"] == "Quantum Lab"
        assert (body["circuit_count"], body["dataset_count"], body["space_count"], body["member_count"]) == (2, 0, 0, 2)

    def test_a_member_counts_private_resources_too(self, bob_api, circuits):
        assert bob_api.get("/api/orgs/lab/profile").json()["circuit_count"] == 3

    def test_slugs_are_case_insensitive(self, api, lab):
        assert api.get("/api/orgs/LAB/profile").status_code == 200

    def test_an_unknown_slug_is_a_404(self, api, db):
        assert api.get("/api/orgs/nobody/profile").json() == {"detail": "Organization not found."}


class TestResourceLists:
    def test_an_outsider_sees_the_public_circuits_in_the_envelope(self, api, circuits):
        body = api.get("/api/orgs/lab/circuits").json()
        assert set(body) == {"circuits", "total", "page", "pages"}
        assert sorted(c["name"] for c in body["circuits"]) == ["alpha", "beta"]

    def test_a_member_sees_private_circuits(self, bob_api, circuits):
        assert bob_api.get("/api/orgs/lab/circuits").json()["total"] == 3

    def test_it_sorts_by_name(self, api, circuits):
        names = [c["name"] for c in api.get("/api/orgs/lab/circuits?sort=name").json()["circuits"]]
        assert names == ["alpha", "beta"]
        names = [c["name"] for c in api.get("/api/orgs/lab/circuits?sort=-name").json()["circuits"]]
        assert names == ["beta", "alpha"]

    def test_an_unknown_sort_is_a_400(self, api, circuits):
        response = api.get("/api/orgs/lab/circuits?sort=password")
        assert response.status_code == 400
        assert "sort must be one of" in response.json()["detail"]

    def test_it_paginates(self, api, circuits):
        body = api.get("/api/orgs/lab/circuits?limit=1&page=2").json()
        assert (len(body["circuits"]), body["total"], body["page"], body["pages"]) == (1, 2, 2, 2)

    @pytest.mark.parametrize("kind", ["datasets", "spaces"])
    def test_datasets_and_spaces_answer_the_envelope(self, api, lab, kind):
        body = api.get(f"/api/orgs/lab/{kind}").json()
        assert body == {kind: [], "total": 0, "page": 1, "pages": 0}


class TestMembers:
    def test_public_members_carry_no_email(self, api, lab):
        body = api.get("/api/orgs/lab/public-members").json()
        assert [(m["username"], m["role"]) for m in body["members"]] == [("alice", "owner"), ("bob", "member")]
        assert all("email" not in m for m in body["members"])

    def test_members_see_emails(self, bob_api, lab):
        body = bob_api.get(f"/api/orgs/{lab.id}/members").json()
        assert {m["email"] for m in body["members"]} == {"alice@example.com", "bob@example.com"}
