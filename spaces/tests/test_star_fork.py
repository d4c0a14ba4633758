"""POST /api/spaces/{id}/star and /fork."""

import pytest

from spaces.models import Space

pytestmark = pytest.mark.django_db


def test_star_then_unstar_and_is_starred(bob_api, bell_space):
    assert bob_api.post(f"/api/spaces/{bell_space.id}/star").json() == {"starred": True, "stars_count": 1}
    assert bob_api.get(f"/api/spaces/{bell_space.id}").json()["is_starred"] is True
    assert bob_api.post(f"/api/spaces/{bell_space.id}/star").json() == {"starred": False, "stars_count": 0}


def test_starring_needs_sign_in_and_a_visible_space(api, charlie_api, bell_space, secret_space):
    assert api.post(f"/api/spaces/{bell_space.id}/star").status_code == 401
    assert charlie_api.post(f"/api/spaces/{secret_space.id}/star").status_code == 404


def test_starring_is_rate_limited_with_retry_after(settings, bob_api, bell_space):
    settings.QH_STAR_PER_MINUTE = 2
    responses = [bob_api.post(f"/api/spaces/{bell_space.id}/star") for _ in range(3)]
    assert [r.status_code for r in responses] == [200, 200, 429] and int(responses[-1]["Retry-After"]) >= 1


def test_a_fork_copies_metadata_and_files_into_the_callers_namespace(bob_api, bell_space):
    response = bob_api.post(f"/api/spaces/{bell_space.id}/fork")
    assert response.status_code == 201
    body = response.json()
    assert body["repo_name"] == "bob/bell" and body["forked_from"]["repo_name"] == "alice/bell"
    assert [f["path"] for f in body["files"]] == ["bell.py"] and body["files"][0]["content"].startswith("from qiskit")
    assert Space.objects.get(pk=bell_space.pk).forks_count == 1


def test_a_fork_may_be_renamed_and_a_taken_name_is_409(alice_api, bell_space):
    assert alice_api.post(f"/api/spaces/{bell_space.id}/fork").status_code == 409
    response = alice_api.post(f"/api/spaces/{bell_space.id}/fork", {"name": "bell-2"}, format="json")
    assert response.status_code == 201 and response.json()["name"] == "bell-2"


def test_forking_needs_sign_in_and_a_visible_space(api, charlie_api, bell_space, secret_space):
    assert api.post(f"/api/spaces/{bell_space.id}/fork").status_code == 401
    assert charlie_api.post(f"/api/spaces/{secret_space.id}/fork").status_code == 404


def test_forking_is_rate_limited(settings, bob_api, bell_space):
    settings.QH_FORK_PER_MINUTE = 1
    assert bob_api.post(f"/api/spaces/{bell_space.id}/fork").status_code == 201
    response = bob_api.post(f"/api/spaces/{bell_space.id}/fork", {"name": "again"}, format="json")
    assert response.status_code == 429 and response["Retry-After"]
