"""The circuit page says what is wrong with its query (?v, ?file, ?compare) instead of quietly showing something else."""

import pytest

from circuits.tests.conftest import CIRCUIT_PY, make_circuit, publish
from runs.models import Run

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_versions(monkeypatch, alice, bell):
    monkeypatch.setattr("circuits.diffs.engine_analyse", lambda version, files: {"qubits": 2, "depth": 2})
    publish(bell, alice, "v2", **{"circuit.py": CIRCUIT_PY + b"# second\n"})
    return bell


@pytest.mark.parametrize("compare", ["abc", "1..", "1..x", "..2", "1-2"])
def test_a_malformed_compare_says_how_to_write_it(client, two_versions, compare):
    page = client.get("/alice/bell", {"compare": compare}).content.decode()
    assert 'data-testid="compare-error"' in page
    assert "give two version numbers, e.g. ?compare=1..2" in page


@pytest.mark.parametrize(("compare", "missing"), [("1..99", 99), ("3..1", 3)])
def test_comparing_with_a_version_that_does_not_exist_says_which(client, two_versions, compare, missing):
    page = client.get("/alice/bell", {"compare": compare}).content.decode()
    assert f"Version {missing} of this circuit does not exist." in page
    assert "Changes from" not in page


def test_a_reverse_compare_is_a_diff(client, two_versions):
    page = client.get("/alice/bell", {"compare": "2..1"}).content.decode()
    assert "Changes from v2 to v1" in page


@pytest.mark.parametrize("v", ["abc", "0", "99", "-1", "1.0"])
def test_a_version_that_does_not_exist_is_a_404_on_the_page_and_the_diagram(client, bell, v):
    assert client.get("/alice/bell", {"v": v}).status_code == 404
    assert client.get("/alice/bell/diagram.svg", {"v": v}).status_code == 404


def test_an_existing_version_is_shown(client, two_versions):
    response = client.get("/alice/bell", {"v": "1"})
    assert response.status_code == 200
    assert response.context["version"].version_number == 1


def test_a_file_the_version_does_not_have_is_named_on_the_page(client, bell):
    page = client.get("/alice/bell", {"file": "nope.py"}).content.decode()
    assert 'data-testid="missing-file"' in page
    assert "Version 1 has no file named <code>nope.py</code>: showing circuit.py instead." in page


def test_a_heading_in_the_description_is_never_a_second_h1(client, alice):
    make_circuit(alice, "doc", description="# Heading\n\n## Sub\n\ntext", with_files=False)
    page = client.get("/alice/doc").content.decode()
    assert page.count("<h1") == 1
    assert "<h2>Heading</h2>" in page and "<h3>Sub</h3>" in page


def test_the_clone_box_says_a_private_circuit_needs_an_api_key(client, alice, secret):
    client.force_login(alice)
    page = client.get("/lab/secret").content.decode()
    assert "This circuit is private: when git asks for a password, give an" in page
    assert 'href="/settings/keys">API key</a>' in page


def test_the_clone_box_of_a_public_circuit_says_nothing_about_keys_to_visitors(client, bell):
    assert "API key" not in client.get("/alice/bell").content.decode()


def test_deleting_the_entry_point_warns_that_the_next_version_will_not_run(client, alice, bell):
    client.force_login(alice)
    page = client.get("/alice/bell/delete-file", {"file": "circuit.py"}).content.decode()
    assert 'data-testid="entry-point-warning"' in page
    assert "version 2 will not run" in page
    other = client.get("/alice/bell/delete-file", {"file": "qubithub.toml"}).content.decode()
    assert "entry-point-warning" not in other


def test_the_delete_page_counts_the_runs_that_go_with_the_circuit(client, alice, bob, charlie, bell):
    Run.objects.create(circuit=bell, user=alice)
    Run.objects.create(circuit=bell, user=bob)
    Run.objects.create(circuit=bell, user=charlie)
    client.force_login(alice)
    page = client.get("/alice/bell/delete").content.decode()
    assert "<strong>3 runs will be deleted</strong>" in page
    assert "including <strong>2 by other people</strong>" in page
    client.post("/alice/bell/delete")
    assert not Run.objects.exists()


def test_the_delete_page_of_a_circuit_without_runs_says_so(client, alice, bell):
    client.force_login(alice)
    assert "It has no runs." in client.get("/alice/bell/delete").content.decode()


def test_deleting_a_fork_gives_the_source_its_count_back(client, bob, bell):
    from circuits.services import circuit_delete, circuit_fork

    fork = circuit_fork(source=bell, user=bob)
    bell.refresh_from_db()
    assert bell.forks_count == 1
    client.force_login(bob)
    client.post("/bob/bell/delete")
    bell.refresh_from_db()
    assert bell.forks_count == 0
    assert fork.pk is not None
    circuit_delete(circuit=make_circuit(bob, "plain", with_files=False))
    bell.refresh_from_db()
    assert bell.forks_count == 0
