from datasets.models import Dataset


def test_the_demo_dataset_is_public_processed_and_loaded_once(db, api):
    from qubithub.demo import load_demo

    load_demo()
    load_demo()
    dataset = Dataset.objects.get(name="h2-dissociation-curve")
    assert dataset.is_public and dataset.versions.count() == 1
    body = api.get("/api/datasets/resolve", {"repo_name": "qubithub/h2-dissociation-curve"}).json()
    assert body["latest_version"]["processing_state"] == "ready"
    preview = api.get(f"/api/datasets/{dataset.id}/preview", {"rows": 5}).json()
    assert preview["total_rows"] == 80 and len(preview["rows"]) == 5
