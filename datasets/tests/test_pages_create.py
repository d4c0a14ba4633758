"""The create form (/datasets/new): every field POST /api/datasets accepts, errors next to their fields."""

import pytest
from django.test import Client

from datasets.forms import DatasetEditForm
from datasets.models import Dataset
from qubithub.errors import InvalidInput

pytestmark = pytest.mark.django_db

FORM = {"organization_name": "alice", "name": "new-data", "title": "New", "format": "csv"}


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_create_form_offers_task_categories(alice):
    page = session(alice).get("/datasets/new").content.decode()
    assert '<label for="id_task_categories">' in page and 'name="task_categories"' in page


def test_creating_a_dataset_with_task_categories(alice):
    response = session(alice).post("/datasets/new", {**FORM, "task_categories": "Regression, classification"})
    assert response.status_code == 302
    dataset = Dataset.objects.get(name="new-data")
    assert sorted(c.name for c in dataset.categories.all()) == ["classification", "regression"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("license", "not a licence", "is not an SPDX license identifier"),
        ("task_categories", ",".join(f"c{i}" for i in range(21)), "no more than 20 elements"),
        ("task_categories", "c" * 51, "no more than 50 characters"),
        ("tags", ",".join(f"t{i}" for i in range(31)), "no more than 30 elements"),
        ("citation", "c" * 10_001, "no more than 10000 characters"),
        ("name", "Bad Name", "Use lowercase letters, digits and hyphens."),
    ],
)
def test_bad_input_is_an_error_next_to_its_field(alice, field, value, message):
    response = session(alice).post("/datasets/new", {**FORM, field: value})
    assert response.status_code == 400
    form = response.context["form"]
    assert any(message in error for error in form.errors[field])
    assert not form.non_field_errors()
    assert response.content.decode().count(message) == 1  # shown once, not also above the form
    assert not Dataset.objects.filter(name="new-data").exists()


def test_the_license_error_names_the_value_not_the_field(alice):
    response = session(alice).post("/datasets/new", {**FORM, "license": "nope"})
    assert response.context["form"].errors["license"] == [
        "'nope' is not an SPDX license identifier (e.g. CC-BY-4.0, MIT)."
    ]
    assert "license: " not in response.content.decode()


def test_a_taken_name_is_a_form_error(alice, make_dataset):
    make_dataset("csv", name="new-data")
    response = session(alice).post("/datasets/new", FORM)
    assert response.status_code == 400
    assert "already exists" in response.content.decode()


def test_a_service_refusal_naming_a_field_goes_next_to_that_field():
    form = DatasetEditForm({"title": "T"})
    assert form.is_valid()
    form.add_service_error(InvalidInput("license: 'x' is not an SPDX license identifier."))
    form.add_service_error(InvalidInput("Invalid tag 'a b': the rule.", fields={"tags": ["the rule"]}))
    form.add_service_error(InvalidInput("Something else: went wrong."))
    assert form.errors["license"] == ["'x' is not an SPDX license identifier."]
    assert form.errors["tags"] == ["Invalid tag 'a b': the rule."]
    assert form.non_field_errors() == ["Something else: went wrong."]


def test_a_tag_the_shared_rule_refuses_is_an_error_next_to_tags(alice):
    response = session(alice).post("/datasets/new", {**FORM, "tags": "quantum, not/ok"})
    assert response.status_code == 400
    assert "Invalid tag" in response.context["form"].errors["tags"][0]
    assert not Dataset.objects.filter(name="new-data").exists()


def test_a_taken_name_is_shown_next_to_the_name_field(client, alice):
    from datasets.services import dataset_create

    dataset_create(creator=alice, name="energies", title="E", format="csv")
    client.force_login(alice)
    response = client.post("/datasets/new", {"name": "energies", "title": "E", "format": "csv"})
    assert response.status_code == 400
    assert "already exists" in " ".join(response.context["form"].errors.get("name", []))


def test_the_api_names_the_field_of_a_taken_name(alice_api, alice):
    from datasets.services import dataset_create

    dataset_create(creator=alice, name="energies", title="E", format="csv")
    response = alice_api.post("/api/datasets", {"name": "energies", "title": "E", "format": "csv"}, format="json")
    assert response.status_code == 400 and "name" in response.json()["errors"]
