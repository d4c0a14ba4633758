"""Publishing suites: reference circuits are circuits of the curated org; a published version never changes."""

import dataclasses
from io import StringIO

import pytest
from django.core.management import call_command

from benchmarks import scoring
from benchmarks.models import Problem, ReferenceCircuit, Suite
from benchmarks.services import suite_publish
from benchmarks.tests.conftest import tiny_spec
from qubithub.demo import CURATED_ORG

pytestmark = pytest.mark.django_db


def test_reference_circuits_are_public_circuits_of_the_curated_org(suite):
    reference = ReferenceCircuit.objects.select_related("circuit_version__circuit__organization").get(
        problem__name="ghz-3", index=1
    )
    circuit = reference.circuit_version.circuit
    assert circuit.organization.slug == CURATED_ORG and circuit.is_public
    assert circuit.name == "bench-algorithms-v1-ghz-3-ghz-tree"
    assert list(reference.circuit_version.files.values_list("name", flat=True)) == ["circuit.qasm"]


def test_ideal_distributions_are_stored_once_at_publication(suite):
    ghz = Problem.objects.get(suite=suite, name="ghz-3")
    assert ghz.ideal_distribution == {"000": 0.5, "111": 0.5}
    assert ghz.uniform_fidelity == pytest.approx(2 * 0.5 / 8 * 2)  # (2 * sqrt(1/2))^2 / 8


def test_publishing_again_changes_nothing_even_if_the_generators_changed(suite, curator):
    changed = dataclasses.replace(tiny_spec(), title="Renamed", problems=tiny_spec().problems[:1])
    again, created = suite_publish(spec=changed, owner=curator, organization_slug=CURATED_ORG)
    assert (again.pk, created) == (suite.pk, False)
    assert Suite.objects.get().title == "Algorithms" and again.problems.count() == 3


def test_the_command_publishes_every_shipped_suite_once_from_its_frozen_definition(curator):
    call_command("publish_benchmark_suites", stdout=StringIO())
    out = StringIO()
    call_command("publish_benchmark_suites", stdout=out)
    assert "Already published algorithms-v1" in out.getvalue()
    assert sorted(Suite.objects.values_list("name", "version")) == [
        ("algorithms", 1),
        ("variational", 1),
        ("volumetric", 1),
    ]
    ghz = Problem.objects.get(suite__name="algorithms", name="ghz-12")
    assert ghz.ideal_distribution == {"0" * 12: 0.5, "1" * 12: 0.5} and ghz.circuits.count() == 2
    assert Problem.objects.filter(suite__name="volumetric").count() == 9


def test_a_problem_whose_circuits_disagree_is_refused():
    spec = tiny_spec().problems[0]
    wrong = dataclasses.replace(spec.circuits[1], qasm=tiny_spec().problems[1].circuits[0].qasm)
    with pytest.raises(ValueError, match="does not produce"):
        scoring.problem_ideal(dataclasses.replace(spec, circuits=(spec.circuits[0], wrong)))
