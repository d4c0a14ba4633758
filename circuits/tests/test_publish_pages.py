"""Circuit pages: the circuit page's parts and query budget, the diagram, publish, edit, delete, star, fork, run."""

import pytest
from django.test import Client

from circuits.models import Circuit
from circuits.tests.conftest import make_circuit
from runs.models import Run
from runs.tests.conftest import CATALOGUE

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_engine(monkeypatch):
    from runs import engine
    from runs.tests.conftest import FakeEngine

    fake = FakeEngine()
    monkeypatch.setattr(engine, "execute_version", fake.execute_version)
    return fake


@pytest.fixture(autouse=True)
def catalogue(monkeypatch):
    from runs import engine

    monkeypatch.setattr(engine, "backend_catalogue", lambda: CATALOGUE)
    monkeypatch.setattr(engine, "backend_get", lambda name: next((b for b in CATALOGUE if b["id"] == name), None))


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_circuit_page_renders_markdown_safely_and_highlights_the_source(client, alice):
    make_circuit(alice, "md", description="# Title\n\n**bold** <script>alert(1)</script>")
    page = client.get("/alice/md").content.decode()
    assert "<strong>bold</strong>" in page
    assert "<script>alert(1)" not in page
    assert 'class="highlight"' in page and "create_circuit" in page
    assert "git clone http://testserver/alice/md.git" in page


def test_the_circuit_page_has_a_bounded_number_of_queries(django_assert_max_num_queries, alice, bell):
    browser = session(alice)
    for _ in range(5):
        Run.objects.create(circuit=bell, circuit_version=bell.versions.first(), user=alice)
    with django_assert_max_num_queries(16):
        response = browser.get("/alice/bell")
    assert response.status_code == 200
    assert b"Run on the latest version" in response.content


def test_the_diagram_is_an_svg_image_that_cannot_run_scripts(monkeypatch, client, bell):
    monkeypatch.setattr("quantum.api.draw", lambda **kw: '<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    response = client.get("/alice/bell/diagram.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_a_diagram_that_cannot_be_drawn_is_an_image_that_says_why(monkeypatch, client, bell):
    from quantum.errors import ParseError

    def fail(**kw):
        raise ParseError("no circuit found")

    monkeypatch.setattr("quantum.api.draw", fail)
    response = client.get("/alice/bell/diagram.svg")
    assert response.status_code == 200
    assert b"no circuit found" in response.content


def test_the_diagram_of_a_private_circuit_is_404_to_outsiders(client, secret):
    assert client.get("/lab/secret/diagram.svg").status_code == 404


def test_publishing_creates_the_circuit_and_leads_to_the_upload_page(alice):
    browser = session(alice)
    form = {
        "organization_name": "alice",
        "name": "grover",
        "title": "Grover",
        "framework": "qiskit",
        "tags": "search, Oracle",
        "is_public": "on",
    }
    response = browser.post("/new", form)
    assert response.status_code == 302 and response["Location"] == "/alice/grover/edit"
    circuit = Circuit.objects.get(name="grover")
    assert sorted(t.name for t in circuit.tags.all()) == ["oracle", "search"]
    assert b"/api/circuits/" in browser.get("/alice/grover/edit").content


def test_publishing_shows_the_service_error_for_a_taken_name(alice, bell):
    response = session(alice).post(
        "/new", {"organization_name": "alice", "name": "bell", "title": "B", "framework": "qiskit"}
    )
    assert response.status_code == 400
    assert b"already exists" in response.content


def test_the_new_circuit_page_needs_a_login(client):
    assert client.get("/new")["Location"].startswith("/login")


def test_editing_changes_the_metadata(alice, bell):
    response = session(alice).post("/alice/bell/edit", {"title": "Bell pair", "description": "new", "tags": "x"})
    assert response.status_code == 302
    bell.refresh_from_db()
    assert bell.title == "Bell pair" and not bell.is_public


def test_only_editors_may_edit_or_delete(charlie, bell, secret):
    browser = session(charlie)
    assert browser.get("/alice/bell/edit").status_code == 403
    assert browser.post("/alice/bell/delete").status_code == 403
    assert browser.get("/lab/secret/edit").status_code == 404


def test_deleting_asks_for_confirmation_then_deletes(alice, bell):
    browser = session(alice)
    assert b"cannot be undone" in browser.get("/alice/bell/delete").content
    assert browser.post("/alice/bell/delete").status_code == 302
    assert not Circuit.objects.filter(pk=bell.pk).exists()


def test_starring_toggles_and_htmx_gets_the_button_back(bob, bell):
    browser = session(bob)
    response = browser.post("/alice/bell/star", HTTP_HX_REQUEST="true")
    assert b"Starred" in response.content and b">1<" in response.content.replace(b" ", b"")
    assert browser.post("/alice/bell/star").status_code == 302
    bell.refresh_from_db()
    assert bell.stars_count == 0


def test_forking_copies_the_circuit_to_the_callers_namespace(bob, bell):
    response = session(bob).post("/alice/bell/fork", {"name": ""})
    assert response.status_code == 302 and response["Location"] == "/bob/bell"
    assert Circuit.objects.get(organization__slug="bob", name="bell").forked_from_id == bell.id


@pytest.mark.usefixtures("fake_engine")
def test_running_from_the_page_submits_a_run_and_opens_its_page(alice, bell):
    response = session(alice).post("/alice/bell/run", {"backend_name": "qiskit_aer", "shots": "100"})
    run = Run.objects.get()
    assert response["Location"] == f"/runs/{run.id}"
    assert run.shots == 100 and run.backend_name == "qiskit_aer"


def test_a_refused_run_is_explained_on_the_circuit_page(alice, bell):
    browser = session(alice)
    response = browser.post("/alice/bell/run", {"backend_name": "qiskit_aer", "shots": "0"}, follow=True)
    assert b"Could not start the run" in response.content
    assert not Run.objects.exists()


def test_tag_pages_list_the_circuits_with_that_tag(client, alice):
    make_circuit(alice, "tagged", tags=["grover"], with_files=False)
    make_circuit(alice, "other", tags=["vqe"], with_files=False)
    page = client.get("/explore/tags/grover").content.decode()
    assert "alice/tagged" in page and "alice/other" not in page


def test_explore_filters_by_qubits_and_sorts(client, alice):
    make_circuit(alice, "small", qubits=2, with_files=False)
    make_circuit(alice, "big", qubits=20, with_files=False)
    page = client.get("/explore", {"qubits_min": 10, "sort": "stars_count"}).content.decode()
    assert "alice/big" in page and "alice/small" not in page


def test_home_shows_trending_and_newest_circuits_datasets_and_spaces(django_assert_max_num_queries, client, alice):
    from datasets.services import dataset_create
    from spaces.services import space_create

    for i in range(8):
        make_circuit(alice, f"c{i}", tags=["t"], with_files=False)
    from datasets.services import dataset_star_toggle
    from spaces.services import space_star_toggle

    dataset_star_toggle(dataset=dataset_create(creator=alice, name="starred", title="S", format="csv"), user=alice)
    space_star_toggle(space=space_create(creator=alice, name="starred-space", title="S"), user=alice)
    for i in range(8):  # newer than the starred ones, which drop out of "Newest"
        dataset_create(creator=alice, name=f"d{i}", title="Data", format="csv")
        space_create(creator=alice, name=f"s{i}", title="Space")
    with django_assert_max_num_queries(20):
        page = client.get("/").content.decode()
    assert "Trending circuits" in page and "alice/c7" in page
    trending_datasets = page.split("Trending datasets")[1].split("Newest datasets")[0]
    assert "alice/starred" in trending_datasets  # the most starred first, although not the newest
    trending_spaces = page.split("Trending spaces")[1].split("Newest spaces")[0]
    assert "alice/starred-space" in trending_spaces
    newest_datasets = page.split("Newest datasets")[1].split("Trending spaces")[0]
    assert "alice/d7" in newest_datasets and "alice/starred" not in newest_datasets


def test_explore_filters_by_owner(client, alice, bob):
    make_circuit(alice, "mine", with_files=False)
    make_circuit(bob, "theirs", with_files=False)
    page = client.get("/explore", {"owner": "bob"}).content.decode()
    assert "bob/theirs" in page and "alice/mine" not in page


def test_deleting_an_organizations_circuit_lands_on_the_organization(alice, secret):
    response = session(alice).post("/lab/secret/delete")
    assert response.status_code == 302 and response["Location"] == "/lab"
