"""/explore and /explore/tags/<tag>: filters as the API takes them; bad ones are shown, never silently dropped."""

import pytest

from circuits.models import Tag
from circuits.tests.conftest import make_circuit

pytestmark = pytest.mark.django_db


@pytest.fixture
def circuits(alice):
    make_circuit(alice, "small", tags=["bell", "vqe"], qubits=2, with_files=False)
    make_circuit(alice, "wide", tags=["bell"], qubits=20, with_files=False)


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"framework": "bogus"}, "framework", "Select a valid choice"),
        ({"qubits_min": "-1"}, "qubits_min", "greater than or equal to 0"),
        ({"qubits_min": "abc"}, "qubits_min", "Enter a whole number"),
        ({"sort": "bogus"}, "sort", "Select a valid choice"),
        ({"tag": "a/b"}, "tag", "Invalid tag"),
        ({"qubits_min": "5", "qubits_max": "1"}, "qubits_max", "Must not be less than the minimum"),
    ],
)
def test_a_bad_filter_is_a_400_showing_the_error_and_no_results(client, circuits, query, field, message):
    response = client.get("/explore", query)
    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    page = response.content.decode()
    assert message in page.replace("&#x27;", "'")
    assert 'data-testid="filter-errors"' in page
    assert "alice/small" not in page and "alice/wide" not in page


def test_valid_filters_narrow_the_list(client, circuits):
    page = client.get("/explore", {"qubits_min": "10", "framework": "qiskit", "sort": "name"}).content.decode()
    assert "alice/wide" in page and "alice/small" not in page


def test_several_tags_comma_separated_or_repeated_mean_all_of_them(client, circuits):
    for query in ("tag=bell,+VQE", "tag=bell&tag=vqe", "tags=bell&tags=vqe"):
        response = client.get(f"/explore?{query}")
        assert response.status_code == 200
        page = response.content.decode()
        assert "alice/small" in page and "alice/wide" not in page, query
        assert response.context["form"]["tag"].value() in ("bell, vqe", "bell, VQE")


def test_the_tag_page_fills_the_tag_field_and_filters(client, circuits):
    response = client.get("/explore/tags/vqe")
    assert response.status_code == 200
    assert 'name="tag" value="vqe"' in response.content.decode()
    assert "alice/small" in response.content.decode() and "alice/wide" not in response.content.decode()


def test_an_invalid_tag_page_is_a_400_with_the_rule(client, circuits):
    response = client.get("/explore/tags/<b>x<b>")
    assert response.status_code == 400
    assert "Invalid tag" in response.content.decode().replace("&#x27;", "'")


@pytest.mark.parametrize("number", ["0", "-1", "abc", "3"])
def test_a_page_number_that_does_not_exist_is_a_404(client, circuits, number):
    assert client.get("/explore", {"page": number}).status_code == 404


def test_page_one_exists_even_when_nothing_matches(client, db):
    assert client.get("/explore", {"page": "1", "q": "nothing"}).status_code == 200


def test_a_nul_in_a_page_url_is_the_friendly_400_page(client, db):
    response = client.get("/explore?q=%00")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "<h1>400 · Bad request</h1>" in page and "NUL character" in page
    assert "\x00" not in page


@pytest.mark.parametrize("url", ["/", "/explore", "/alice"])
def test_a_tag_stored_before_the_tag_rule_never_breaks_a_page(client, alice, url):
    circuit = make_circuit(alice, "old", tags=["bell"], with_files=False)
    circuit.tags.add(*[Tag.objects.create(name=n) for n in ("a/b", "<b>x</b>", ".", "..")])
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="/explore/tags/bell"' in page
    assert 'href="/explore?q=a%2Fb"' in page
    assert 'href="/explore?q=%3Cb%3Ex%3C%2Fb%3E"' in page
    assert 'href="/explore?q=.."' in page
    assert "<b>x</b>" not in page


def test_a_bad_hidden_owner_filter_is_shown_too(client, circuits):
    response = client.get("/explore", {"owner": "x" * 40})
    assert response.status_code == 400
    assert "Owner: " in response.content.decode() and "at most 39 characters" in response.content.decode()
