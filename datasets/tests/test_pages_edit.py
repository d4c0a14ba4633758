"""Dataset pages: editing the metadata and deleting with a confirmation page."""

import pytest
from django.test import Client

from datasets.models import Dataset

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Bond energies",
    "description": "H2 **energies**.",
    "tags": "chemistry, VQE",
    "task_categories": "regression",
    "license": "cc-by-4.0",
    "citation": "@misc{h2}",
    "is_public": "on",
}


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_edit_page_shows_the_current_metadata(alice, make_dataset):
    dataset = make_dataset("csv", tags=["qml"], task_categories=["classification"], license="MIT")
    page = session(alice).get(f"/datasets/alice/{dataset.name}/edit").content.decode()
    assert 'value="A csv dataset"' in page and 'value="qml"' in page and 'value="classification"' in page
    assert 'value="MIT"' in page and 'name="is_public"' in page and "checked" in page


def test_saving_the_edit_form_updates_every_field(alice, make_dataset):
    dataset = make_dataset("csv")
    response = session(alice).post(f"/datasets/alice/{dataset.name}/edit", FORM)
    assert response.status_code == 302 and response["Location"] == f"/datasets/alice/{dataset.name}"
    dataset.refresh_from_db()
    assert (dataset.title, dataset.description, dataset.citation) == ("Bond energies", "H2 **energies**.", "@misc{h2}")
    assert dataset.license == "CC-BY-4.0"  # canonical SPDX spelling, as the API stores it
    assert sorted(t.name for t in dataset.tags.all()) == ["chemistry", "vqe"]
    assert [c.name for c in dataset.categories.all()] == ["regression"]
    assert dataset.is_public is True


def test_an_unchecked_public_box_makes_the_dataset_private(alice, charlie, make_dataset):
    dataset = make_dataset("csv")
    session(alice).post(f"/datasets/alice/{dataset.name}/edit", {**FORM, "is_public": ""})
    dataset.refresh_from_db()
    assert dataset.is_public is False
    assert session(charlie).get(f"/datasets/alice/{dataset.name}").status_code == 404


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("license", "not a licence", "is not an SPDX license identifier"),
        ("title", "", "This field is required."),
        ("tags", "x" * 51, "no more than 50 characters"),
        ("tags", ",".join(f"t{i}" for i in range(31)), "no more than 30 elements"),
        ("task_categories", ",".join(f"c{i}" for i in range(21)), "no more than 20 elements"),
        ("citation", "c" * 10_001, "no more than 10000 characters"),
    ],
)
def test_bad_input_is_a_form_error_and_changes_nothing(alice, make_dataset, field, value, message):
    dataset = make_dataset("csv")
    response = session(alice).post(f"/datasets/alice/{dataset.name}/edit", {**FORM, field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert response.context["form"].errors[field]
    dataset.refresh_from_db()
    assert dataset.title == "A csv dataset"


def test_the_edit_page_is_for_editors_only(lab, alice, bob, charlie, make_dataset):
    make_dataset("csv", name="lab-data", organization_name="lab")
    make_dataset("csv", name="secret", is_public=False)
    assert session(alice).get("/datasets/lab/lab-data/edit").status_code == 200  # lab owner
    assert session(bob).get("/datasets/lab/lab-data/edit").status_code == 403  # a member, not the creator
    assert session(bob).post("/datasets/lab/lab-data/edit", FORM).status_code == 403
    assert session(charlie).get("/datasets/lab/lab-data/edit").status_code == 403
    assert session(charlie).get("/datasets/alice/secret/edit").status_code == 404
    assert Client().get("/datasets/lab/lab-data/edit").status_code == 302  # to the log-in page
    assert Dataset.objects.get(name="lab-data").title == "A csv dataset"


def test_the_dataset_page_links_to_edit_for_editors_only(alice, charlie, make_dataset):
    dataset = make_dataset("csv")
    edit = f'href="/datasets/alice/{dataset.name}/edit"'.encode()
    assert edit in session(alice).get(f"/datasets/alice/{dataset.name}").content
    assert edit not in session(charlie).get(f"/datasets/alice/{dataset.name}").content


def test_the_delete_page_lists_versions_sizes_and_forks(alice, charlie, published, charlie_api):
    dataset = published("csv")
    charlie_api.post(f"/api/datasets/{dataset.id}/fork", {}, format="json")
    page = session(alice).get(f"/datasets/alice/{dataset.name}/delete").content.decode()
    assert "1 version," in page and "v1 · " in page and "bytes" in page
    assert "1 fork" in page and f"/datasets/charlie/{dataset.name}" in page
    assert Dataset.objects.filter(pk=dataset.pk).exists()  # GET deletes nothing


def test_the_delete_page_does_not_name_private_forks(alice, charlie, published, charlie_api):
    dataset = published("csv")
    fork_id = charlie_api.post(f"/api/datasets/{dataset.id}/fork", {}, format="json").json()["id"]
    charlie_api.patch(f"/api/datasets/{fork_id}", {"is_public": False}, format="json")
    page = session(alice).get(f"/datasets/alice/{dataset.name}/delete").content.decode()
    assert "1 fork" in page and f"/datasets/charlie/{dataset.name}" not in page
    assert "the others are private" in page


def test_deleting_removes_the_dataset_and_its_files(alice, published, settings, django_capture_on_commit_callbacks):
    dataset = published("csv")
    assert any((settings.MEDIA_ROOT / "datasets").rglob("*.csv"))
    with django_capture_on_commit_callbacks(execute=True):
        response = session(alice).post(f"/datasets/alice/{dataset.name}/delete")
    assert response.status_code == 302 and response["Location"] == "/alice"
    assert not Dataset.objects.filter(pk=dataset.pk).exists()
    assert not [p for p in (settings.MEDIA_ROOT / "datasets").rglob("*") if p.is_file()]


def test_deleting_an_org_dataset_goes_to_the_org_profile_with_a_message(lab, alice, make_dataset):
    make_dataset("csv", name="lab-data", organization_name="lab")
    response = session(alice).post("/datasets/lab/lab-data/delete", follow=True)
    assert response.redirect_chain[-1][0] == "/lab"
    assert "Deleted lab/lab-data" in response.content.decode()


def test_only_editors_delete(lab, bob, charlie, make_dataset):
    make_dataset("csv", name="lab-data", organization_name="lab")
    make_dataset("csv", name="secret", is_public=False)
    assert session(bob).get("/datasets/lab/lab-data/delete").status_code == 403
    assert session(bob).post("/datasets/lab/lab-data/delete").status_code == 403
    assert session(charlie).post("/datasets/alice/secret/delete").status_code == 404
    assert Client().post("/datasets/lab/lab-data/delete").status_code == 302
    assert Dataset.objects.filter(name__in=["lab-data", "secret"]).count() == 2


def test_a_member_edits_and_deletes_a_dataset_they_created(lab, bob, make_dataset):
    make_dataset("csv", name="bobs", organization_name="lab", creator=bob)
    assert session(bob).post("/datasets/lab/bobs/edit", FORM).status_code == 302
    assert session(bob).post("/datasets/lab/bobs/delete").status_code == 302
    assert not Dataset.objects.filter(name="bobs").exists()
