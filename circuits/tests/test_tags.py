"""One tag rule for circuits and datasets, through the API and the services alike."""

import pytest

from circuits.models import Circuit, Tag
from circuits.tags import tag_normalise, tags_normalise
from qubithub.errors import InvalidInput

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(" Qiskit-1.0 ", "qiskit-1.0"), ("c++", "c++"), ("VQE", "vqe"), ("h_2", "h_2"), ("a" * 50, "a" * 50)],
)
def test_a_valid_tag_is_trimmed_and_lowercased(raw, expected):
    assert tag_normalise(raw) == expected


@pytest.mark.parametrize("raw", ["a/b", "<b>x</b>", ".", "..", "-x", "+", "two words", "a?b", "a#b", "é", "a" * 51])
def test_a_tag_that_would_not_make_a_clean_link_is_refused(raw):
    with pytest.raises(InvalidInput, match="Invalid tag"):
        tag_normalise(raw)


def test_blanks_and_duplicates_are_dropped_in_order():
    assert tags_normalise(["Bell", " ", "", "bell", "vqe"]) == ["bell", "vqe"]


def test_more_than_thirty_tags_are_refused():
    with pytest.raises(InvalidInput, match="At most 30"):
        tags_normalise([f"t{i}" for i in range(31)])


@pytest.mark.parametrize("bad", ["a/b", "<b>x</b>", ".", ".."])
def test_api_create_with_an_invalid_tag_is_400_with_a_clear_detail(alice_api, bad):
    body = {"name": "bell", "title": "Bell", "framework": "qiskit", "tags": ["ok", bad]}
    response = alice_api.post("/api/circuits", body, format="json")
    assert response.status_code == 400
    assert "Invalid tag" in response.json()["detail"]
    assert not Circuit.objects.exists()
    assert not Tag.objects.filter(name=bad).exists()


def test_api_update_with_an_invalid_tag_is_400_and_keeps_the_old_tags(alice_api, bell):
    response = alice_api.put(f"/api/circuits/{bell.id}", {"title": "New", "tags": ["a/b"]}, format="json")
    assert response.status_code == 400
    assert "Invalid tag" in response.json()["detail"]
    bell.refresh_from_db()
    assert bell.title == "Bell"
    assert [t.name for t in bell.tags.all()] == ["entanglement"]


def test_api_tags_are_stored_normalised(alice_api):
    body = {"name": "bell", "title": "Bell", "framework": "qiskit", "tags": [" Qiskit-1.0", "C++"]}
    assert alice_api.post("/api/circuits", body, format="json").json()["tags"] == ["c++", "qiskit-1.0"]


def test_api_list_filter_with_an_invalid_tag_is_400(api, bell):
    response = api.get("/api/circuits?tag=a/b")
    assert response.status_code == 400
    assert "Invalid tag" in response.json()["detail"]


def test_api_list_filters_by_several_tags(api, alice):
    from circuits.tests.conftest import make_circuit

    make_circuit(alice, "both", tags=["bell", "vqe"], with_files=False)
    make_circuit(alice, "one", tags=["bell"], with_files=False)
    names = [c["name"] for c in api.get("/api/circuits?tag=bell&tag=VQE").json()["circuits"]]
    assert names == ["both"]


def test_dataset_tags_follow_the_same_rule(alice_api):
    body = {"name": "d", "title": "D", "format": "csv", "tags": ["a/b"]}
    response = alice_api.post("/api/datasets", body, format="json")
    assert response.status_code == 400
    assert "Invalid tag" in response.json()["detail"]
