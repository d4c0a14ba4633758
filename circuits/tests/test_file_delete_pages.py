"""Deleting one file of a circuit from its page: /{owner}/{name}/delete-file?file=… (a new version without it)."""

import pytest
from django.test import Client

from circuits.models import CircuitFile
from circuits.storage import read_bytes
from circuits.tests.conftest import CIRCUIT_PY, make_circuit, publish

pytestmark = pytest.mark.django_db


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def bell2(alice, bell):
    """alice/bell with a second version adding notes.md."""
    publish(bell, alice, "Add notes", **{"notes.md": b"# Notes\n"})
    return bell


def latest_names(circuit) -> list[str]:
    return sorted(circuit.versions.order_by("-version_number").first().files.values_list("name", flat=True))


class TestConfirmationPage:
    def test_it_names_the_file_and_the_version_to_come(self, alice, bell2):
        response = session(alice).get("/alice/bell/delete-file", {"file": "notes.md"})
        page = response.content.decode()
        assert response.status_code == 200
        assert "<code>notes.md</code>" in page and "publishes version 3" in page
        assert 'name="file" value="notes.md"' in page and 'name="commit_message"' in page

    def test_an_unknown_file_is_404(self, alice, bell2):
        assert session(alice).get("/alice/bell/delete-file", {"file": "nope.py"}).status_code == 404
        assert session(alice).get("/alice/bell/delete-file").status_code == 404

    def test_a_file_only_in_an_older_version_is_404(self, alice, bell2):
        publish(bell2, alice, "v3", **{"circuit.py": CIRCUIT_PY})
        CircuitFile.objects.filter(version__version_number=3, name="notes.md").delete()
        assert session(alice).get("/alice/bell/delete-file", {"file": "notes.md"}).status_code == 404


class TestDeleting:
    def test_an_editor_deletes_a_file_and_a_new_version_keeps_the_others(self, alice, bell2):
        response = session(alice).post("/alice/bell/delete-file", {"file": "notes.md", "commit_message": "Tidy"})
        assert response.status_code == 302 and response["Location"] == "/alice/bell"
        assert latest_names(bell2) == ["circuit.py", "metadata.json", "qubithub.toml"]
        latest = bell2.versions.order_by("-version_number").first()
        assert (latest.version_number, latest.commit_message, latest.author) == (3, "Tidy", bell2.created_by)
        kept = latest.files.get(name="circuit.py")
        assert read_bytes(kept.path) == CIRCUIT_PY
        assert kept.path == bell2.versions.get(version_number=2).files.get(name="circuit.py").path, "no copy"
        v2 = bell2.versions.get(version_number=2).files.get(name="notes.md")
        assert read_bytes(v2.path) == b"# Notes\n", "the older version keeps it"

    def test_the_commit_message_defaults_to_what_happened(self, alice, bell2):
        session(alice).post("/alice/bell/delete-file", {"file": "notes.md"})
        assert bell2.versions.order_by("-version_number").first().commit_message == "Delete notes.md"

    def test_the_new_version_is_what_the_files_api_lists(self, alice, alice_api, bell2):
        session(alice).post("/alice/bell/delete-file", {"file": "notes.md"})
        body = alice_api.get(f"/api/circuits/{bell2.id}/files").json()
        assert body["version"] == "3" and "notes.md" not in {f["name"] for f in body["files"]}

    def test_deleting_the_manifest_deletes_the_metadata_generated_from_it(self, alice, bell2):
        page = session(alice).get("/alice/bell/delete-file", {"file": "qubithub.toml"}).content.decode()
        assert "metadata.json, generated from qubithub.toml, goes with it" in page
        session(alice).post("/alice/bell/delete-file", {"file": "qubithub.toml"})
        assert latest_names(bell2) == ["circuit.py", "notes.md"]

    def test_the_generated_metadata_cannot_be_deleted_on_its_own(self, alice, bell2):
        page = session(alice).get("/alice/bell/delete-file", {"file": "metadata.json"}).content.decode()
        assert "generated from qubithub.toml" in page and "confirm-delete-file" not in page
        response = session(alice).post("/alice/bell/delete-file", {"file": "metadata.json"})
        assert response.status_code == 400 and "generated from qubithub.toml" in response.content.decode()
        assert bell2.versions.count() == 2

    def test_the_only_file_cannot_be_deleted(self, alice):
        lone = make_circuit(alice, "lone", with_files=False)
        publish(lone, alice, "one", **{"circuit.py": CIRCUIT_PY})
        response = session(alice).post("/alice/lone/delete-file", {"file": "circuit.py"})
        assert response.status_code == 400
        assert "only file" in response.content.decode() and lone.versions.count() == 1

    def test_a_too_long_commit_message_is_a_400(self, alice, bell2):
        response = session(alice).post("/alice/bell/delete-file", {"file": "notes.md", "commit_message": "x" * 1001})
        assert response.status_code == 400 and bell2.versions.count() == 2


class TestWhoMay:
    def test_a_member_who_did_not_create_it_cannot(self, alice, bob, lab):
        circuit = make_circuit(alice, "shared", organization_name="lab")
        publish(circuit, alice, "notes", **{"notes.md": b"n\n"})
        assert session(bob).get("/lab/shared/delete-file", {"file": "notes.md"}).status_code == 403
        assert session(bob).post("/lab/shared/delete-file", {"file": "notes.md"}).status_code == 403
        assert circuit.versions.count() == 2

    def test_private_circuits_are_404_to_outsiders(self, charlie, secret):
        assert session(charlie).post("/lab/secret/delete-file", {"file": "circuit.py"}).status_code == 404

    def test_anonymous_visitors_are_sent_to_log_in(self, client, bell2):
        assert client.post("/alice/bell/delete-file", {"file": "notes.md"}).status_code == 302
        assert bell2.versions.count() == 2


class TestCircuitPage:
    def test_editors_see_a_delete_link_on_the_latest_version_only(self, alice, bell2):
        browser = session(alice)
        latest = browser.get("/alice/bell", {"file": "notes.md"}).content.decode()
        assert "/alice/bell/delete-file?file=notes.md" in latest
        older = browser.get("/alice/bell", {"v": "1", "file": "circuit.py"}).content.decode()
        assert "delete-file" not in older

    def test_others_see_no_delete_link(self, client, charlie, bell2):
        assert "delete-file" not in client.get("/alice/bell", {"file": "notes.md"}).content.decode()
        assert "delete-file" not in session(charlie).get("/alice/bell", {"file": "notes.md"}).content.decode()

    def test_the_generated_metadata_has_no_delete_link(self, alice, bell2):
        assert "delete-file" not in session(alice).get("/alice/bell", {"file": "metadata.json"}).content.decode()

    def test_the_edit_page_lists_the_files_with_delete_links(self, alice, bell2):
        page = session(alice).get("/alice/bell/edit").content.decode()
        assert "/alice/bell/delete-file?file=notes.md" in page
        assert "/alice/bell/delete-file?file=metadata.json" not in page
