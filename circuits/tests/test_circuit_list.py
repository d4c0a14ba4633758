"""GET /api/circuits: visibility, filters, sorting, pagination, cards, and a constant query count."""

import pytest

from circuits.models import Circuit
from circuits.services import circuit_star_toggle
from circuits.tests.conftest import make_circuit

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [c["repo_name"] for c in response.json()["circuits"]]


@pytest.fixture
def catalogue(alice, bob, lab):
    make_circuit(alice, "bell", tags=["entanglement", "foundational"], qubits=2, with_files=False)
    make_circuit(alice, "ghz", tags=["entanglement"], qubits=5, with_files=False, description="Many qubits")
    make_circuit(bob, "vqe", framework="pennylane", tags=["chemistry"], qubits=4, with_files=False)
    make_circuit(alice, "hidden", is_public=False, organization_name="lab", qubits=3, with_files=False)


def test_anonymous_callers_see_public_circuits_only(api, catalogue):
    assert sorted(names(api.get("/api/circuits"))) == ["alice/bell", "alice/ghz", "bob/vqe"]


def test_members_also_see_their_orgs_private_circuits(bob_api, charlie_api, catalogue):
    assert "lab/hidden" in names(bob_api.get("/api/circuits"))
    assert "lab/hidden" not in names(charlie_api.get("/api/circuits"))


def test_mine_lists_the_callers_own_and_org_circuits(bob_api, catalogue):
    assert sorted(names(bob_api.get("/api/circuits", {"mine": "true"}))) == ["bob/vqe", "lab/hidden"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"framework": "pennylane"}, ["bob/vqe"]),
        ({"tags": ["entanglement", "foundational"]}, ["alice/bell"]),
        ({"tags": "entanglement"}, ["alice/bell", "alice/ghz"]),
        ({"tag": "chemistry"}, ["bob/vqe"]),
        ({"qubits_min": 3}, ["alice/ghz", "bob/vqe"]),
        ({"qubits_max": 2}, ["alice/bell"]),
        ({"qubits_min": 3, "qubits_max": 4}, ["bob/vqe"]),
        ({"q": "many"}, ["alice/ghz"]),
        ({"q": "chemistry"}, ["bob/vqe"]),
        ({"owner": "BOB"}, ["bob/vqe"]),
    ],
)
def test_filters(api, catalogue, params, expected):
    assert sorted(names(api.get("/api/circuits", params))) == expected


def test_sort_by_name_and_by_stars(api, alice, bob, catalogue):
    circuit_star_toggle(circuit=Circuit.objects.get(name="vqe"), user=alice)
    assert names(api.get("/api/circuits", {"sort": "name"})) == ["alice/bell", "alice/ghz", "bob/vqe"]
    assert names(api.get("/api/circuits", {"sort": "-name"})) == ["bob/vqe", "alice/ghz", "alice/bell"]
    assert names(api.get("/api/circuits", {"sort": "stars_count"}))[0] == "bob/vqe"


def test_default_order_is_newest_first(api, catalogue):
    assert names(api.get("/api/circuits")) == ["bob/vqe", "alice/ghz", "alice/bell"]


@pytest.mark.parametrize(
    "params",
    [
        {"framework": "braket"},
        {"qubits_min": -1},
        {"qubits_min": "two"},
        {"qubits_min": 5, "qubits_max": 2},
        {"sort": "password"},
        {"page": 0},
        {"limit": 101},
        {"limit": "x"},
    ],
)
def test_bad_filters_are_a_400_with_a_detail(api, params):
    response = api.get("/api/circuits", params)
    assert response.status_code == 400
    assert isinstance(response.json()["detail"], str) and response.json()["detail"]


def test_envelope_and_pagination(api, catalogue):
    body = api.get("/api/circuits", {"limit": 2, "page": 2}).json()
    assert set(body) == {"circuits", "total", "page", "pages"}
    assert (body["total"], body["page"], body["pages"], len(body["circuits"])) == (3, 2, 2, 1)


def test_cards_carry_owner_organization_counters_and_preview(api, alice_api, catalogue):
    card = next(c for c in api.get("/api/circuits").json()["circuits"] if c["name"] == "ghz")
    assert card["owner"]["username"] == "alice"
    assert card["organization"] is None
    assert card["description_preview"] == "Many qubits"
    assert card["forked_from"] is None
    assert {"stars_count", "views_count", "forks_count", "runs_count"} <= set(card)
    assert card["is_starred"] is None  # anonymous


def test_is_starred_is_the_callers(alice, alice_api, bob_api, catalogue):
    circuit_star_toggle(circuit=Circuit.objects.get(name="bell"), user=alice)
    starred = {c["name"]: c["is_starred"] for c in alice_api.get("/api/circuits").json()["circuits"]}
    assert starred == {"bell": True, "ghz": False, "vqe": False, "hidden": False}
    assert all(c["is_starred"] is False for c in bob_api.get("/api/circuits").json()["circuits"])


def test_a_fork_card_names_its_source(api, bob_api, catalogue):
    bell = Circuit.objects.get(name="bell")
    bob_api.post(f"/api/circuits/{bell.id}/fork", {}, format="json")
    card = next(c for c in api.get("/api/circuits", {"owner": "bob"}).json()["circuits"] if c["name"] == "bell")
    assert card["forked_from"] == {"id": str(bell.id), "repo_name": "alice/bell"}


@pytest.mark.parametrize("limit", [1, 5, 40])
def test_the_query_count_does_not_grow_with_the_page_size(django_assert_max_num_queries, alice, bob, alice_api, limit):
    for i in range(40):
        make_circuit(bob if i % 2 else alice, f"c{i}", tags=["t", f"x{i}"], with_files=False, organization_name=None)
    circuit_star_toggle(circuit=Circuit.objects.get(name="c1"), user=alice)
    alice_api.get("/api/circuits")  # warm the per-request caches of the test client
    with django_assert_max_num_queries(6):
        response = alice_api.get("/api/circuits", {"limit": limit, "tags": "t", "framework": "qiskit"})
    assert len(response.json()["circuits"]) == limit
