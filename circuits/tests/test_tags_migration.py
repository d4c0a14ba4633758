"""The data migration that brings tags stored before the tag rule into line."""

import importlib

import pytest
from django.apps import apps

from circuits.models import Tag
from circuits.tests.conftest import make_circuit
from datasets.services import dataset_create

pytestmark = pytest.mark.django_db
migration = importlib.import_module("circuits.migrations.0003_normalise_tags")


def test_invalid_tags_are_dropped_and_fixable_ones_normalised_and_merged(alice):
    one = make_circuit(alice, "one", tags=["bell"], with_files=False)
    two = make_circuit(alice, "two", with_files=False)
    data = dataset_create(creator=alice, name="data", title="Data", format="csv")
    bad = [Tag.objects.create(name=n) for n in ("a/b", "<b>x</b>", ".", "..")]
    upper, spaced = Tag.objects.create(name="Bell"), Tag.objects.create(name=" VQE ")
    one.tags.add(*bad, upper)
    two.tags.add(upper, spaced)
    data.tags.add(bad[0], spaced)

    migration.normalise_tags(apps, None)

    assert sorted(Tag.objects.values_list("name", flat=True)) == ["bell", "vqe"]
    assert [t.name for t in one.tags.all()] == ["bell"]
    assert sorted(t.name for t in two.tags.all()) == ["bell", "vqe"]
    assert [t.name for t in data.tags.all()] == ["vqe"]
