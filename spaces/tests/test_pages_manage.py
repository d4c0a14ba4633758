"""Space pages for editors: edit the metadata, delete the space, create / rename / delete files, recent runs."""

import pytest
from django.test import Client

from spaces.models import ExecutionStatus, Space, SpaceExecution, SpaceFile
from spaces.services import space_fork, space_update

pytestmark = pytest.mark.django_db

EDIT = {"title": "Bell pairs", "description": "Two *entangled* qubits.", "sdk": "cirq", "space_type": "demo"}


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def file_of(space, path: str) -> SpaceFile:
    return SpaceFile.objects.get(space=space, path=path)


# --- Edit ------------------------------------------------------------------------------------------------
def test_the_space_page_links_to_edit_for_editors_only(alice, charlie, bell_space):
    assert 'href="/spaces/alice/bell/edit"' in session(alice).get("/spaces/alice/bell").content.decode()
    assert "/spaces/alice/bell/edit" not in session(charlie).get("/spaces/alice/bell").content.decode()


def test_the_edit_form_shows_the_current_values(alice, bell_space):
    page = session(alice).get("/spaces/alice/bell/edit").content.decode()
    assert 'value="Bell"' in page and 'value="qiskit" selected' in page and 'id="id_is_public" checked' in page


def test_editing_changes_every_field_the_api_changes(alice, bell_space):
    response = session(alice).post("/spaces/alice/bell/edit", EDIT)  # is_public unticked: private
    assert response.status_code == 302 and response["Location"] == "/spaces/alice/bell"
    space = Space.objects.get(pk=bell_space.pk)
    assert (space.title, space.description, space.sdk, space.space_type) == tuple(EDIT.values())
    assert space.is_public is False


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"title": ""}, "This field is required."),
        ({"title": "x" * 501}, "at most 500 characters"),
        ({"sdk": "braket"}, "Select a valid choice."),
        ({"space_type": "game"}, "Select a valid choice."),
    ],
)
def test_bad_metadata_is_a_form_error(alice, bell_space, change, error):
    response = session(alice).post("/spaces/alice/bell/edit", {**EDIT, "is_public": "on", **change})
    assert response.status_code == 400 and error in response.content.decode()
    assert Space.objects.get(pk=bell_space.pk).title == "Bell"


def test_only_editors_reach_the_edit_page(client, bob, charlie, bell_space, secret_space):
    assert session(charlie).get("/spaces/alice/bell/edit").status_code == 403
    assert session(charlie).post("/spaces/alice/bell/edit", EDIT).status_code == 403
    assert session(charlie).get("/spaces/lab/secret/edit").status_code == 404
    assert session(bob).get("/spaces/lab/secret/edit").status_code == 403  # a member, but not its creator
    assert client.get("/spaces/alice/bell/edit")["Location"].startswith("/login")
    assert Space.objects.get(pk=bell_space.pk).title == "Bell"


# --- Delete ----------------------------------------------------------------------------------------------
def test_the_delete_page_says_what_goes_and_what_stays(alice, bob, bell_space):
    SpaceExecution.objects.create(space=bell_space, user=alice, status=ExecutionStatus.SUCCESS, output="ok")
    space_fork(source=bell_space, user=bob)
    page = session(alice).get("/spaces/alice/bell/delete").content.decode()
    assert "1 file" in page and "<code>bell.py</code>" in page and "1 execution" in page
    assert "1 fork will stay" in page and "bob/bell" in page
    assert Space.objects.filter(pk=bell_space.pk).exists()  # GET deletes nothing


def test_the_delete_page_counts_private_forks_without_naming_them(alice, bob, bell_space):
    fork = space_fork(source=bell_space, user=bob)
    space_update(space=fork, changes={"is_public": False})
    page = session(alice).get("/spaces/alice/bell/delete").content.decode()
    assert "1 fork will stay" in page and "(1 private)" in page and "bob/bell" not in page


def test_deleting_a_space_removes_it_and_its_files_and_keeps_forks(alice, bob, bell_space):
    SpaceExecution.objects.create(space=bell_space, user=alice, status=ExecutionStatus.SUCCESS)
    fork = space_fork(source=bell_space, user=bob)
    browser = session(alice)
    response = browser.post("/spaces/alice/bell/delete")
    assert response.status_code == 302 and response["Location"] == "/alice"
    assert not Space.objects.filter(pk=bell_space.pk).exists()
    assert not SpaceFile.objects.filter(space_id=bell_space.pk).exists()
    assert not SpaceExecution.objects.filter(space_id=bell_space.pk).exists()
    assert Space.objects.get(pk=fork.pk).forked_from_id is None
    assert "Deleted alice/bell." in browser.get("/alice").content.decode()


def test_deleting_an_org_space_returns_to_the_org_profile(alice, secret_space):
    assert session(alice).post("/spaces/lab/secret/delete")["Location"] == "/lab"


def test_only_editors_delete(client, bob, charlie, bell_space, secret_space):
    assert session(charlie).get("/spaces/alice/bell/delete").status_code == 403
    assert session(charlie).post("/spaces/alice/bell/delete").status_code == 403
    assert session(charlie).post("/spaces/lab/secret/delete").status_code == 404
    assert session(bob).post("/spaces/lab/secret/delete").status_code == 403
    assert client.post("/spaces/alice/bell/delete")["Location"].startswith("/login")
    assert Space.objects.count() == 2


# --- Files -----------------------------------------------------------------------------------------------
def test_the_page_offers_file_actions_to_editors_only(alice, charlie, bell_space):
    record = file_of(bell_space, "bell.py")
    page = session(alice).get("/spaces/alice/bell").content.decode()
    assert 'action="/spaces/alice/bell/files/new"' in page
    assert f"/spaces/alice/bell/files/{record.id}/rename" in page and f"/files/{record.id}/delete" in page
    page = session(charlie).get("/spaces/alice/bell").content.decode()
    assert "/files/new" not in page and "/rename" not in page and "/delete" not in page


def test_creating_a_file_makes_an_empty_file_and_opens_it(alice, bell_space):
    response = session(alice).post("/spaces/alice/bell/files/new", {"path": "lib/helpers.py"})
    assert response.status_code == 302 and response["Location"] == "/spaces/alice/bell?file=lib%2Fhelpers.py"
    assert bytes(file_of(bell_space, "lib/helpers.py").content) == b""


@pytest.mark.parametrize(
    ("path", "error"),
    [
        ("bell.py", "already has a file &#x27;bell.py&#x27;"),
        ("../escape.py", "path segments are not allowed"),
        ("/etc/passwd", "absolute paths are not allowed"),
        (".env", "hidden files"),
        ("", "This field is required."),
        ("x" * 256, "at most 255 characters"),
    ],
)
def test_a_bad_new_path_is_a_form_error(alice, bell_space, path, error):
    response = session(alice).post("/spaces/alice/bell/files/new", {"path": path})
    assert response.status_code == 400 and error in response.content.decode()
    assert list(bell_space.files.values_list("path", flat=True)) == ["bell.py"]
    assert bytes(file_of(bell_space, "bell.py").content).startswith(b"from qiskit")


def test_creating_a_file_respects_the_space_file_limit(settings, alice, bell_space):
    settings.QH_SPACE_MAX_FILES = 1
    response = session(alice).post("/spaces/alice/bell/files/new", {"path": "more.py"})
    assert response.status_code == 400 and "at most 1 files" in response.content.decode()


def test_renaming_a_file_keeps_its_content(alice, bell_space):
    record = file_of(bell_space, "bell.py")
    browser = session(alice)
    assert 'value="bell.py"' in browser.get(f"/spaces/alice/bell/files/{record.id}/rename").content.decode()
    response = browser.post(f"/spaces/alice/bell/files/{record.id}/rename", {"path": "circuits/bell_pair.py"})
    assert response["Location"] == "/spaces/alice/bell?file=circuits%2Fbell_pair.py"
    assert list(bell_space.files.values_list("path", flat=True)) == ["circuits/bell_pair.py"]
    assert bytes(file_of(bell_space, "circuits/bell_pair.py").content).startswith(b"from qiskit")


def test_renaming_onto_another_file_or_a_bad_path_is_a_form_error(alice, bell_space):
    browser = session(alice)
    browser.post("/spaces/alice/bell/files/new", {"path": "other.py"})
    record = file_of(bell_space, "bell.py")
    for path, error in [("other.py", "already has a file"), ("a/../b.py", "not allowed")]:
        response = browser.post(f"/spaces/alice/bell/files/{record.id}/rename", {"path": path})
        assert response.status_code == 400 and error in response.content.decode()
    assert sorted(bell_space.files.values_list("path", flat=True)) == ["bell.py", "other.py"]


def test_deleting_a_file_asks_first(alice, bell_space):
    record = file_of(bell_space, "bell.py")
    browser = session(alice)
    page = browser.get(f"/spaces/alice/bell/files/{record.id}/delete").content.decode()
    assert "Delete <code>bell.py</code>?" in page and 'data-testid="confirm-delete"' in page
    assert SpaceFile.objects.filter(pk=record.pk).exists()
    response = browser.post(f"/spaces/alice/bell/files/{record.id}/delete")
    assert response.status_code == 302 and response["Location"] == "/spaces/alice/bell"
    assert not SpaceFile.objects.filter(pk=record.pk).exists()


def test_file_pages_are_for_editors_of_that_space_only(alice, bob, charlie, bell_space, secret_space):
    record, secret = file_of(bell_space, "bell.py"), file_of(secret_space, "notes.txt")
    for action in ("rename", "delete"):
        assert (
            session(charlie).post(f"/spaces/alice/bell/files/{record.id}/{action}", {"path": "x.py"}).status_code == 403
        )
        assert session(charlie).get(f"/spaces/lab/secret/files/{secret.id}/{action}").status_code == 404
        assert session(bob).get(f"/spaces/lab/secret/files/{secret.id}/{action}").status_code == 403
        # a file of another space, under a space alice may edit: not found
        assert session(alice).get(f"/spaces/alice/bell/files/{secret.id}/{action}").status_code == 404
    assert session(charlie).post("/spaces/alice/bell/files/new", {"path": "x.py"}).status_code == 403
    assert sorted(SpaceFile.objects.values_list("path", flat=True)) == ["bell.py", "notes.txt"]


# --- Recent executions -----------------------------------------------------------------------------------
def test_the_page_lists_the_callers_recent_runs(django_assert_max_num_queries, alice, bob, bell_space):
    for status, output in [("success", "counts: {'00': 512}"), ("error", "")]:
        SpaceExecution.objects.create(
            space=bell_space,
            user=alice,
            status=status,
            output=output,
            error="Boom" if not output else None,
            execution_time=1.25,
        )
    browser = session(alice)
    with django_assert_max_num_queries(10):
        page = browser.get("/spaces/alice/bell").content.decode()
    assert "counts: {&#x27;00&#x27;: 512}" in page and "Boom" in page and "1.25 s" in page
    assert "status-completed" in page and "status-failed" in page
    assert "counts:" not in session(bob).get("/spaces/alice/bell").content.decode()  # only who started it


def test_the_runs_list_alone_for_the_page_script(alice, charlie, bell_space, secret_space):
    SpaceExecution.objects.create(space=bell_space, user=alice, status="running")
    page = session(alice).get("/spaces/alice/bell/executions", HTTP_HX_REQUEST="true").content.decode()
    assert page.lstrip().startswith('<section aria-labelledby="executions-h"') and "Running" in page
    assert session(charlie).get("/spaces/lab/secret/executions", HTTP_HX_REQUEST="true").status_code == 404
    opened = session(alice).get("/spaces/alice/bell/executions")  # typed in the address bar: the space page
    assert opened.status_code == 302 and opened["Location"] == "/spaces/alice/bell"


def test_a_long_output_is_cut_short_on_the_page(alice, bell_space):
    SpaceExecution.objects.create(space=bell_space, user=alice, status="success", output="x" * 5000)
    page = session(alice).get("/spaces/alice/bell").content.decode()
    assert "x" * 299 in page and "x" * 301 not in page


def test_the_editor_saves_newlines_as_typed_not_as_the_browsers_crlf(alice, bell_space):
    from spaces.models import SpaceFile

    session(alice).post("/spaces/alice/bell/files", {"path": "main.py", "content": "import math\r\nprint(1)\r\n"})
    assert bytes(SpaceFile.objects.get(space=bell_space, path="main.py").content) == b"import math\nprint(1)\n"
