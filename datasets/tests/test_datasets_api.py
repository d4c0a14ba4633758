"""Create, list, detail, update, delete and resolve; privacy for public, private and org datasets."""

import pytest

from datasets.models import Dataset

BODY = {
    "name": "h2-energy-landscape",
    "title": "H2 Energy Landscape",
    "format": "csv",
    "tags": ["Chemistry", "vqe"],
    "task_categories": ["regression"],
    "license": "cc-by-4.0",
}


def test_creating_a_dataset_returns_it_with_its_metadata(alice_api):
    response = alice_api.post("/api/datasets", BODY, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["repo_name"] == "alice/h2-energy-landscape"
    assert body["tags"] == ["chemistry", "vqe"]
    assert body["task_categories"] == ["regression"]
    assert body["license"] == "CC-BY-4.0"
    assert body["is_public"] is True
    assert body["versions"] == [] and body["latest_version"] is None


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"license": "not-a-license"}, "SPDX"),
        ({"format": "xlsx"}, "format"),
        ({"name": "Bad Name"}, "Name must be"),
        ({"title": ""}, "title"),
    ],
)
def test_invalid_metadata_is_refused(alice_api, change, reason):
    response = alice_api.post("/api/datasets", {**BODY, **change}, format="json")
    assert response.status_code == 400
    assert reason in response.json()["detail"]


def test_a_name_is_unique_per_owner(alice_api):
    alice_api.post("/api/datasets", BODY, format="json")
    response = alice_api.post("/api/datasets", BODY, format="json")
    assert response.status_code == 400
    assert "already exists" in response.json()["detail"]


def test_creating_needs_authentication(api):
    assert api.post("/api/datasets", BODY, format="json").status_code == 401


def test_creating_under_an_org_needs_membership(lab, bob_api, charlie_api):
    assert bob_api.post("/api/datasets", {**BODY, "organization_name": "lab"}, format="json").status_code == 201
    response = charlie_api.post("/api/datasets", {**BODY, "organization_name": "lab"}, format="json")
    assert response.status_code == 403
    assert charlie_api.post("/api/datasets", {**BODY, "organization_name": "nope"}, format="json").status_code == 404


def test_the_list_shows_public_datasets_and_filters_them(make_dataset, api):
    make_dataset("csv", name="a", tags=["qml"], task_categories=["classification"])
    make_dataset("parquet", name="b", tags=["qml", "noise"])
    make_dataset("csv", name="hidden", is_public=False)
    body = api.get("/api/datasets").json()
    assert {d["name"] for d in body["datasets"]} == {"a", "b"}
    assert body["total"] == 2 and body["page"] == 1 and body["pages"] == 1
    assert [d["name"] for d in api.get("/api/datasets", {"format": "csv", "tags": "qml"}).json()["datasets"]] == ["a"]
    both = api.get("/api/datasets?tags=qml&tags=noise").json()["datasets"]
    assert [d["name"] for d in both] == ["b"]
    categories = api.get("/api/datasets", {"task_categories": "classification"}).json()["datasets"]
    assert [d["name"] for d in categories] == ["a"]
    assert api.get("/api/datasets", {"q": "hidden"}).json()["total"] == 0
    assert api.get("/api/datasets", {"owner": "ALICE", "sort": "name"}).json()["datasets"][0]["name"] == "a"


def test_list_parameters_out_of_range_are_400(api):
    assert api.get("/api/datasets", {"limit": 101}).status_code == 400
    assert api.get("/api/datasets", {"format": "xlsx"}).status_code == 400


@pytest.mark.parametrize(
    ("who", "sees_private_org_dataset"),
    [("alice_api", True), ("bob_api", True), ("charlie_api", False), ("api", False)],
)
def test_privacy_matrix(request, lab, published, make_dataset, who, sees_private_org_dataset):
    client = request.getfixturevalue(who)
    private = published("csv", name="secret", organization_name="lab", is_public=False)
    public = make_dataset("csv", name="open", organization_name="lab")
    assert client.get(f"/api/datasets/{public.id}").status_code == 200
    expected = 200 if sees_private_org_dataset else 404
    for suffix in ("", "/preview", "/stats", "/versions", "/download", "/query"):
        response = client.get(f"/api/datasets/{private.id}{suffix}")
        assert response.status_code == expected, (suffix, response.status_code)
        if expected == 404:
            assert response.json() == {"detail": "Dataset not found."}
    listed = {d["name"] for d in client.get("/api/datasets").json()["datasets"]}
    assert ("secret" in listed) == sees_private_org_dataset
    resolved = client.get("/api/datasets/resolve", {"repo_name": "lab/secret"})
    assert resolved.status_code == expected


def test_a_missing_dataset_is_404(alice_api):
    response = alice_api.get("/api/datasets/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert response.json() == {"detail": "Dataset not found."}


def test_resolve_needs_owner_and_name(api):
    assert api.get("/api/datasets/resolve", {"repo_name": "justname"}).status_code == 400


def test_the_owner_updates_some_fields(make_dataset, alice_api):
    dataset = make_dataset("csv")
    response = alice_api.put(
        f"/api/datasets/{dataset.id}", {"title": "New", "tags": ["x"], "license": "MIT"}, format="json"
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["title"], body["tags"], body["license"], body["format"]) == ("New", ["x"], "MIT", "csv")


def test_updates_refuse_read_only_fields(make_dataset, alice_api):
    dataset = make_dataset("csv")
    response = alice_api.put(f"/api/datasets/{dataset.id}", {"format": "npy"}, format="json")
    assert response.status_code == 400
    assert "cannot be changed: format" in response.json()["detail"]


def test_only_editors_update_or_delete(lab, make_dataset, bob_api, charlie_api, api):
    dataset = make_dataset("csv", organization_name="lab")
    assert bob_api.put(f"/api/datasets/{dataset.id}", {"title": "x"}, format="json").status_code == 403
    assert charlie_api.delete(f"/api/datasets/{dataset.id}").status_code == 403
    assert api.delete(f"/api/datasets/{dataset.id}").status_code == 401


def test_delete_removes_the_dataset_and_its_files(published, alice_api, django_capture_on_commit_callbacks, settings):
    dataset = published("csv")
    assert any((settings.MEDIA_ROOT / "datasets").rglob("*.csv"))
    with django_capture_on_commit_callbacks(execute=True):
        assert alice_api.delete(f"/api/datasets/{dataset.id}").status_code == 204
    assert not Dataset.objects.filter(pk=dataset.pk).exists()
    assert not [p for p in (settings.MEDIA_ROOT / "datasets").rglob("*") if p.is_file()]
