"""Stars toggle with an exact count; forks copy metadata and share the current version's files."""

from datasets.models import Dataset, DatasetVersion
from datasets.tests import files
from datasets.tests.conftest import upload


def test_star_toggles(make_dataset, bob_api, charlie_api):
    dataset = make_dataset("csv")
    url = f"/api/datasets/{dataset.id}/star"
    assert bob_api.post(url).json() == {"starred": True, "stars_count": 1}
    assert charlie_api.post(url).json() == {"starred": True, "stars_count": 2}
    assert bob_api.post(url).json() == {"starred": False, "stars_count": 1}
    assert bob_api.get(f"/api/datasets/{dataset.id}").json()["is_starred"] is False
    assert charlie_api.get(f"/api/datasets/{dataset.id}").json()["is_starred"] is True


def test_starring_needs_authentication_and_visibility(make_dataset, api, charlie_api):
    dataset = make_dataset("csv", is_public=False)
    assert api.post(f"/api/datasets/{dataset.id}/star").status_code == 401
    assert charlie_api.post(f"/api/datasets/{dataset.id}/star").status_code == 404


def test_fork_copies_metadata_and_the_current_version(published, charlie_api, api):
    source = published("csv", tags=["qml"], task_categories=["regression"], license="MIT")
    response = charlie_api.post(f"/api/datasets/{source.id}/fork", {}, format="json")
    assert response.status_code == 201, response.json()
    fork = response.json()
    assert fork["repo_name"] == "charlie/csv-data"
    assert fork["forked_from"] == {"id": str(source.id), "repo_name": "alice/csv-data"}
    assert (fork["tags"], fork["task_categories"], fork["license"]) == (["qml"], ["regression"], "MIT")
    assert fork["latest_version"]["processing_state"] == "ready"
    assert "Fork of alice/csv-data at version 1" in fork["latest_version"]["commit_message"]
    assert api.get(f"/api/datasets/{fork['id']}/preview", {"rows": 1}).json()["rows"] == [[0.5, -1.05, "bell"]]
    assert Dataset.objects.get(pk=source.pk).forks_count == 1


def test_a_fork_name_clash_is_409(published, alice_api):
    source = published("csv")
    response = alice_api.post(f"/api/datasets/{source.id}/fork", {}, format="json")
    assert response.status_code == 409
    assert "already have a dataset named" in response.json()["detail"]
    assert alice_api.post(f"/api/datasets/{source.id}/fork", {"name": "copy"}, format="json").status_code == 201


def test_a_fork_over_the_storage_quota_is_403(settings, published, charlie_api):
    source = published("csv")
    free = {**settings.QH_PLAN_LIMITS["free"], "storage_bytes": 10}
    settings.QH_PLAN_LIMITS = {**settings.QH_PLAN_LIMITS, "free": free}
    response = charlie_api.post(f"/api/datasets/{source.id}/fork", {}, format="json")
    assert response.status_code == 403


def test_deleting_the_source_keeps_the_forks_files(
    published, alice_api, charlie_api, api, django_capture_on_commit_callbacks
):
    source = published("csv")
    fork_id = charlie_api.post(f"/api/datasets/{source.id}/fork", {}, format="json").json()["id"]
    with django_capture_on_commit_callbacks(execute=True):
        alice_api.delete(f"/api/datasets/{source.id}")
    response = api.get(f"/api/datasets/{fork_id}/download")
    assert b"".join(response.streaming_content) == files.CSV
    assert api.get(f"/api/datasets/{fork_id}/download", {"format": "parquet"}).status_code == 200


def test_a_redelivered_processing_task_does_nothing(published, make_dataset, alice_api):
    from datasets.services import dataset_version_process

    dataset = make_dataset("csv", name="again")
    upload(alice_api, dataset.id, files.CSV)
    version = DatasetVersion.objects.get(dataset=dataset)
    assert dataset_version_process(version_id=version.id) == "ready"
    assert dataset_version_process(version_id=version.id) is None
