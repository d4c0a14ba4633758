"""POST /api/spaces/{id}/files, PUT and DELETE /api/spaces/files/{file_id}."""

import pytest

from spaces.models import SpaceFile

pytestmark = pytest.mark.django_db


def add(client, space, path="main.py", content="print(1)\n"):
    return client.post(f"/api/spaces/{space.id}/files", {"path": path, "content": content}, format="json")


def test_the_owner_adds_a_file_and_sees_it_in_the_space(alice_api, bell_space):
    response = add(alice_api, bell_space, "lib/helpers.py", "X = 1\n")
    assert response.status_code == 201
    assert response.json()["path"] == "lib/helpers.py" and response.json()["size"] == 6
    paths = [f["path"] for f in alice_api.get(f"/api/spaces/{bell_space.id}").json()["files"]]
    assert paths == ["bell.py", "lib/helpers.py"]


def test_a_path_taken_is_409(alice_api, bell_space):
    assert add(alice_api, bell_space, "bell.py").status_code == 409


@pytest.mark.parametrize("path", ["../escape.py", "/etc/passwd", "a/../../b", ".env", "C:/x.py", "sp ace.py", ""])
def test_paths_are_validated_like_circuit_uploads(alice_api, bell_space, path):
    response = add(alice_api, bell_space, path)
    assert response.status_code == 400 and response.json()["detail"]


def test_a_file_over_the_per_file_limit_is_413(settings, alice_api, bell_space):
    settings.QH_SPACE_MAX_FILE_BYTES = 10
    response = add(alice_api, bell_space, "big.txt", "x" * 11)
    assert response.status_code == 413 and "at most 10 bytes" in response.json()["detail"]


def test_files_over_the_per_space_limit_are_413(settings, alice_api, bell_space):
    settings.QH_SPACE_MAX_BYTES = bell_space.files.get().size + 5
    assert add(alice_api, bell_space, "a.txt", "12345").status_code == 201
    assert add(alice_api, bell_space, "b.txt", "1").status_code == 413


def test_the_number_of_files_is_limited(settings, alice_api, bell_space):
    settings.QH_SPACE_MAX_FILES = 1
    assert add(alice_api, bell_space, "two.py").status_code == 400


def test_the_owner_changes_content_renames_and_deletes(alice_api, bell_space):
    record = bell_space.files.get()
    response = alice_api.put(f"/api/spaces/files/{record.id}", {"content": "print(2)\n"}, format="json")
    assert response.status_code == 200 and response.json()["content"] == "print(2)\n"
    response = alice_api.put(f"/api/spaces/files/{record.id}", {"path": "main.py"}, format="json")
    assert response.json()["path"] == "main.py" and response.json()["content"] == "print(2)\n"
    assert alice_api.delete(f"/api/spaces/files/{record.id}").status_code == 204
    assert not SpaceFile.objects.exists()


def test_a_rename_onto_another_file_is_409_and_an_empty_change_400(alice_api, bell_space):
    add(alice_api, bell_space, "other.py")
    record = bell_space.files.get(path="bell.py")
    assert alice_api.put(f"/api/spaces/files/{record.id}", {"path": "other.py"}, format="json").status_code == 409
    assert alice_api.put(f"/api/spaces/files/{record.id}", {}, format="json").status_code == 400


def test_only_those_who_may_edit_the_space_change_its_files(api, bob_api, charlie_api, bell_space, secret_space):
    public_file, private_file = bell_space.files.get(), secret_space.files.get()
    assert add(bob_api, bell_space).status_code == 403
    assert bob_api.delete(f"/api/spaces/files/{public_file.id}").status_code == 403
    assert bob_api.put(f"/api/spaces/files/{private_file.id}", {"content": "x"}, format="json").status_code == 403
    assert charlie_api.delete(f"/api/spaces/files/{private_file.id}").status_code == 404
    assert add(charlie_api, secret_space).status_code == 404
    assert add(api, bell_space).status_code == 401
    assert SpaceFile.objects.count() == 2


def test_an_org_admin_may_change_a_members_space(alice_api, bob, lab):
    from spaces.tests.conftest import make_space

    space = make_space(bob, "bobs", organization_name="lab")
    assert add(alice_api, space).status_code == 201


def test_a_missing_file_is_404(alice_api):
    assert alice_api.delete("/api/spaces/files/00000000-0000-0000-0000-000000000000").status_code == 404
