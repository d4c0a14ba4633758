"""Space pages: explore, create, the space page (file tree, editor), saving files, star, fork, privacy."""

import pytest
from django.test import Client

from spaces.models import Space, SpaceFile

pytestmark = pytest.mark.django_db


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_explore_lists_public_spaces(client, bell_space, secret_space):
    page = client.get("/explore/spaces").content.decode()
    assert "alice/bell" in page and "lab/secret" not in page


def test_the_space_page_shows_the_file_tree_and_the_editor(django_assert_max_num_queries, alice, bell_space):
    browser = session(alice)
    with django_assert_max_num_queries(10):
        page = browser.get("/spaces/alice/bell").content.decode()
    assert "bell.py" in page and "QuantumCircuit" in page and "js/space.js" in page
    assert 'data-editable="1"' in page and 'data-testid="space-run"' in page


def test_visitors_can_read_but_not_run(client, charlie, bell_space):
    page = session(charlie).get("/spaces/alice/bell").content.decode()
    assert 'data-editable="0"' in page and 'data-testid="space-run"' not in page
    assert client.get("/spaces/alice/bell").status_code == 200


def test_saving_a_file_from_the_editor_form(alice, bell_space):
    browser = session(alice)
    response = browser.post("/spaces/alice/bell/files", {"path": "extra.py", "content": "print('hi')\n"})
    assert response.status_code == 302 and response["Location"].endswith("?file=extra.py")
    assert bytes(SpaceFile.objects.get(space=bell_space, path="extra.py").content) == b"print('hi')\n"
    browser.post("/spaces/alice/bell/files", {"path": "extra.py", "content": "print(2)\n"})
    assert bytes(SpaceFile.objects.get(space=bell_space, path="extra.py").content) == b"print(2)\n"


def test_only_editors_save_files(charlie, bell_space):
    assert session(charlie).post("/spaces/alice/bell/files", {"path": "x.py", "content": ""}).status_code == 403


def test_a_private_space_is_404_to_outsiders(client, charlie, secret_space):
    assert client.get("/spaces/lab/secret").status_code == 404
    assert session(charlie).get("/spaces/lab/secret").status_code == 404
    assert session(charlie).post("/spaces/lab/secret/files", {"path": "x.py"}).status_code == 404


def test_creating_starring_and_forking(alice, bob, bell_space):
    form = {"organization_name": "alice", "name": "demo", "title": "Demo", "sdk": "qiskit", "space_type": "notebook"}
    assert session(alice).post("/spaces/new", form)["Location"] == "/spaces/alice/demo"
    browser = session(bob)
    assert b"Starred" in browser.post("/spaces/alice/bell/star", HTTP_HX_REQUEST="true").content
    assert browser.post("/spaces/alice/bell/fork")["Location"] == "/spaces/bob/bell"
    assert Space.objects.get(organization__slug="bob").forked_from_id == bell_space.id


def test_forking_under_another_name(alice, bob, bell_space):
    browser = session(bob)
    assert 'name="name"' in browser.get("/spaces/alice/bell").content.decode()  # the fork form asks for a name
    assert browser.post("/spaces/alice/bell/fork", {"name": "bell-copy"})["Location"] == "/spaces/bob/bell-copy"
    response = browser.post("/spaces/alice/bell/fork", {"name": "Not A Name"}, follow=True)
    assert "lowercase letters, digits and hyphens" in response.content.decode()
    assert list(Space.objects.filter(organization__slug="bob").values_list("name", flat=True)) == ["bell-copy"]


def test_explore_filters_by_owner(client, alice, bob, bell_space):
    from spaces.tests.conftest import make_space

    make_space(bob, "grover")
    page = client.get("/explore/spaces?owner=bob").content.decode()
    assert "bob/grover" in page and "alice/bell" not in page
