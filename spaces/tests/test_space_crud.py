"""POST /api/spaces, GET/PUT/DELETE /api/spaces/{id}, GET /api/spaces/resolve."""

import pytest

from spaces.models import Space
from spaces.tests.conftest import make_space

pytestmark = pytest.mark.django_db


def create(client, **body):
    return client.post("/api/spaces", {"name": "demo", "title": "Demo", **body}, format="json")


class TestCreate:
    def test_it_creates_a_public_qiskit_notebook_in_the_personal_namespace_by_default(self, alice_api):
        response = create(alice_api)
        assert response.status_code == 201
        body = response.json()
        assert body["repo_name"] == "alice/demo" and body["files"] == []
        assert (body["sdk"], body["space_type"], body["is_public"]) == ("qiskit", "notebook", True)

    def test_it_accepts_what_the_official_client_sends(self, alice_api):
        body = {"description": None, "sdk": "cirq", "space_type": "app", "is_public": False, "organization_name": None}
        response = create(alice_api, **body)
        assert response.status_code == 201 and response.json()["is_public"] is False

    def test_it_creates_under_an_organization_the_caller_belongs_to(self, bob_api, lab):
        assert create(bob_api, organization_name="lab").json()["repo_name"] == "lab/demo"

    def test_an_outsider_cannot_create_under_an_organization(self, charlie_api, lab):
        assert create(charlie_api, organization_name="lab").status_code == 403

    def test_an_unknown_organization_is_404(self, alice_api):
        assert create(alice_api, organization_name="nope").status_code == 404

    def test_a_duplicate_name_is_400(self, alice_api):
        create(alice_api)
        response = create(alice_api)
        assert response.status_code == 400 and "already exists" in response.json()["detail"]

    @pytest.mark.parametrize(
        "body", [{"name": "Bad Name"}, {"title": ""}, {"sdk": "braket"}, {"space_type": "movie"}, {"name": "-x"}]
    )
    def test_invalid_fields_are_400(self, alice_api, body):
        response = create(alice_api, **body)
        assert response.status_code == 400 and response.json()["detail"]

    def test_anonymous_is_401(self, api):
        assert create(api).status_code == 401


class TestDetail:
    def test_it_shows_the_space_with_its_files_and_text_content(self, api, alice):
        space = make_space(alice, "s", files={"main.py": b"print(1)\n", "data.bin": b"\x00\x01"})
        files = {f["path"]: f for f in api.get(f"/api/spaces/{space.id}").json()["files"]}
        assert files["main.py"]["content"] == "print(1)\n" and files["main.py"]["is_text"] is True
        assert files["data.bin"]["content"] is None and files["data.bin"]["size"] == 2

    def test_a_private_space_is_404_to_outsiders_and_anonymous_like_a_missing_one(self, api, charlie_api, secret_space):
        for client in (api, charlie_api):
            response = client.get(f"/api/spaces/{secret_space.id}")
            assert response.status_code == 404 and response.json() == {"detail": "Space not found."}
        assert api.get("/api/spaces/00000000-0000-0000-0000-000000000000").json() == {"detail": "Space not found."}

    def test_members_see_private_spaces(self, bob_api, secret_space):
        assert bob_api.get(f"/api/spaces/{secret_space.id}").status_code == 200


class TestUpdateAndDelete:
    def test_the_owner_changes_fields_partially(self, alice_api, bell_space):
        response = alice_api.put(f"/api/spaces/{bell_space.id}", {"title": "New", "sdk": "cirq"}, format="json")
        assert response.status_code == 200
        assert (response.json()["title"], response.json()["sdk"], response.json()["name"]) == ("New", "cirq", "bell")

    def test_unknown_or_read_only_fields_are_400(self, alice_api, bell_space):
        assert alice_api.put(f"/api/spaces/{bell_space.id}", {"name": "x"}, format="json").status_code == 400

    def test_a_member_cannot_change_an_admins_space_and_an_outsider_cannot_see_it(
        self, bob_api, charlie_api, secret_space
    ):
        assert bob_api.put(f"/api/spaces/{secret_space.id}", {"title": "x"}, format="json").status_code == 403
        assert charlie_api.put(f"/api/spaces/{secret_space.id}", {"title": "x"}, format="json").status_code == 404
        assert bob_api.delete(f"/api/spaces/{secret_space.id}").status_code == 403

    def test_someone_elses_public_space_is_403(self, bob_api, bell_space):
        assert bob_api.put(f"/api/spaces/{bell_space.id}", {"title": "x"}, format="json").status_code == 403

    def test_the_owner_deletes_with_204(self, alice_api, bell_space):
        assert alice_api.delete(f"/api/spaces/{bell_space.id}").status_code == 204
        assert not Space.objects.filter(pk=bell_space.pk).exists()

    def test_anonymous_writes_are_401(self, api, bell_space):
        assert api.delete(f"/api/spaces/{bell_space.id}").status_code == 401


class TestResolve:
    def test_it_finds_a_space_by_owner_and_name_case_insensitively(self, api, bell_space):
        response = api.get("/api/spaces/resolve?repo_name=Alice/BELL")
        assert response.status_code == 200 and response.json()["id"] == str(bell_space.id)

    def test_a_malformed_name_is_400_and_a_missing_one_404(self, api, secret_space):
        assert api.get("/api/spaces/resolve?repo_name=nothing").status_code == 400
        assert api.get("/api/spaces/resolve?repo_name=lab/secret").status_code == 404


class TestApiKeys:
    def test_a_key_needs_space_read_to_read_and_space_write_to_create(self, alice, bell_space):
        from conftest import key_client

        reader = key_client(alice, ["space:read"])
        assert reader.get(f"/api/spaces/{bell_space.id}").status_code == 200
        assert create(reader).status_code == 403
        assert create(key_client(alice, ["space:write"])).status_code == 201
