"""Server-rendered pages: explore and the circuit page (with a version diff)."""

import pytest

from circuits.tests.conftest import CIRCUIT_PY, make_circuit, publish

pytestmark = pytest.mark.django_db


def test_explore_lists_public_circuits_with_a_bounded_number_of_queries(django_assert_max_num_queries, client, alice):
    for i in range(30):
        make_circuit(alice, f"c{i}", tags=["t"], with_files=False)
    with django_assert_max_num_queries(8):
        response = client.get("/explore")
    assert response.status_code == 200
    assert b"alice/c29" in response.content


def test_the_circuit_page_counts_a_view(client, bell):
    assert client.get("/alice/bell").status_code == 200
    bell.refresh_from_db()
    assert bell.views_count == 1


def test_the_circuit_page_shows_a_diff_between_versions(monkeypatch, client, alice, bell):
    monkeypatch.setattr("circuits.diffs.engine_analyse", lambda version, files: {"qubits": 2, "depth": 2})
    publish(bell, alice, "v2", **{"circuit.py": CIRCUIT_PY + b"# second\n"})
    page = client.get("/alice/bell", {"compare": "1..2"}).content.decode()
    assert "Changes from v1 to v2" in page
    assert "+# second" in page


def test_a_private_circuit_page_is_404_to_outsiders(client, secret):
    assert client.get("/lab/secret").status_code == 404
