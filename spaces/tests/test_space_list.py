"""GET /api/spaces: public list, filters, sort, pagination, privacy."""

import pytest

from spaces.tests.conftest import make_space

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [item["name"] for item in response.json()["spaces"]]


def test_anyone_lists_public_spaces_in_the_envelope(api, alice):
    make_space(alice, "one")
    make_space(alice, "hidden", is_public=False)
    body = api.get("/api/spaces").json()
    assert names_of(body) == ["one"] and body["total"] == 1 and body["page"] == 1 and body["pages"] == 1
    card = body["spaces"][0]
    assert card["repo_name"] == "alice/one" and card["sdk"] == "qiskit" and card["space_type"] == "notebook"
    assert card["owner"]["username"] == "alice" and "files" not in card


def names_of(body) -> list[str]:
    return [item["name"] for item in body["spaces"]]


def test_it_filters_by_sdk_type_owner_and_text(api, alice, bob):
    make_space(alice, "qk", sdk="qiskit", description="teleportation")
    make_space(alice, "pl", sdk="pennylane", space_type="demo")
    make_space(bob, "cq", sdk="cirq")
    assert names(api.get("/api/spaces?sdk=pennylane")) == ["pl"]
    assert names(api.get("/api/spaces?space_type=demo")) == ["pl"]
    assert sorted(names(api.get("/api/spaces?owner=ALICE"))) == ["pl", "qk"]
    assert names(api.get("/api/spaces?q=teleport")) == ["qk"]


def test_it_sorts_and_paginates(api, alice):
    for name in ("b", "a", "c"):
        make_space(alice, name)
    assert names(api.get("/api/spaces?sort=name")) == ["a", "b", "c"]
    assert names(api.get("/api/spaces?sort=-name")) == ["c", "b", "a"]
    assert names(api.get("/api/spaces")) == ["c", "a", "b"]  # newest first
    page = api.get("/api/spaces?sort=name&limit=2&page=2").json()
    assert names_of(page) == ["c"] and page["pages"] == 2 and page["total"] == 3


@pytest.mark.parametrize("query", ["limit=0", "limit=101", "page=0", "sdk=qasm", "sort=secret", "space_type=x"])
def test_bad_parameters_are_400_with_a_detail(api, query):
    response = api.get(f"/api/spaces?{query}")
    assert response.status_code == 400 and isinstance(response.json()["detail"], str)


def test_members_see_their_organizations_private_spaces_and_outsiders_do_not(bob_api, charlie_api, secret_space):
    assert names(bob_api.get("/api/spaces")) == ["secret"]
    assert names(charlie_api.get("/api/spaces")) == []


def test_the_list_takes_a_constant_number_of_queries(api, alice, django_assert_max_num_queries):
    for index in range(8):
        make_space(alice, f"s{index}")
    with django_assert_max_num_queries(3):
        assert len(api.get("/api/spaces").json()["spaces"]) == 8
