"""A forced organization deletion removes its resources' stored files too, through each app's delete service."""

from pathlib import Path

import pytest

from circuits.git.repository import repository_path, repository_sync
from circuits.models import Circuit
from circuits.tests.conftest import make_circuit
from datasets.tests.conftest import upload
from datasets.tests.files import csv_bytes
from orgs.access import owned_resource_models
from orgs.deletion import DELETERS
from orgs.models import Organization
from spaces.tests.conftest import make_space

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _git_root(settings, tmp_path):
    settings.QH_GIT_ROOT = tmp_path / "git"
    settings.QH_GIT_ROOT.mkdir()


def stored_files(settings) -> set[str]:
    media = Path(settings.MEDIA_ROOT)
    return {str(p.relative_to(media)) for p in media.rglob("*") if p.is_file()} if media.exists() else set()


def files_of(settings, prefix: str, resource_id) -> set[str]:
    return {path for path in stored_files(settings) if path.startswith(f"{prefix}/{resource_id}")}


@pytest.fixture
def lab_with_files(alice, alice_api, lab, django_capture_on_commit_callbacks):
    """lab owns a circuit (files and a git repository), a dataset (uploaded and processed) and a space."""
    from datasets.services import dataset_create

    circuit = make_circuit(alice, "bell", organization_name="lab")
    repository_sync(circuit)
    dataset = dataset_create(creator=alice, name="energies", title="Energies", format="csv", organization_name="lab")
    response = upload(alice_api, dataset.id, csv_bytes(), name="e.csv", capture=django_capture_on_commit_callbacks)
    assert response.status_code == 201, response.json()
    space = make_space(alice, "playground", organization_name="lab", files={"main.py": b"print(1)\n"})
    return {"circuit": circuit, "dataset": dataset, "space": space}


def test_a_forced_deletion_leaves_no_stored_file_of_its_resources(
    settings, alice, alice_api, lab, lab_with_files, django_capture_on_commit_callbacks
):
    circuit, dataset = lab_with_files["circuit"], lab_with_files["dataset"]
    elsewhere = make_circuit(alice, "mine")
    kept = files_of(settings, "circuits", elsewhere.id)
    assert files_of(settings, "circuits", circuit.id) and repository_path(circuit.id).exists()
    assert any(str(dataset.id) in path for path in stored_files(settings))

    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.delete(f"/api/orgs/{lab.id}?force=true")

    assert response.status_code == 204
    assert not Organization.objects.filter(pk=lab.pk).exists()
    assert not files_of(settings, "circuits", circuit.id)
    assert not [path for path in stored_files(settings) if str(dataset.id) in path]
    assert not repository_path(circuit.id).exists()
    assert files_of(settings, "circuits", elsewhere.id) == kept, "another organization's files are untouched"


def test_without_force_it_is_still_a_409_and_nothing_is_removed(
    settings, alice_api, lab, lab_with_files, django_capture_on_commit_callbacks
):
    before = stored_files(settings)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.delete(f"/api/orgs/{lab.id}")
    assert response.status_code == 409
    assert "owns 3 resource(s)" in response.json()["detail"]
    assert stored_files(settings) == before


def test_a_deletion_that_fails_half_way_removes_no_file_and_no_row(
    monkeypatch, settings, alice, lab, lab_with_files, django_capture_on_commit_callbacks
):
    from circuits.models import Circuit
    from orgs.services import org_delete
    from spaces.models import Space

    def broken(space):
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(DELETERS, Space, broken)
    before = stored_files(settings)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        org_delete(organization=lab, force=True)
    assert Organization.objects.filter(pk=lab.pk).exists()
    assert Circuit.objects.filter(pk=lab_with_files["circuit"].pk).exists()
    assert stored_files(settings) == before


def test_every_owned_resource_model_has_a_delete_service():
    assert set(owned_resource_models()) <= set(DELETERS)


# Django admin: deleting there goes through the same services.


def admin_delete(client, model_path: str, pk, capture) -> int:
    with capture(execute=True):
        response = client.post(f"/admin/{model_path}/{pk}/delete/", {"post": "yes"})
    return response.status_code


def test_deleting_an_organization_in_the_admin_removes_its_resources_files(
    settings, admin_client, lab, lab_with_files, django_capture_on_commit_callbacks
):
    circuit, dataset = lab_with_files["circuit"], lab_with_files["dataset"]
    assert files_of(settings, "circuits", circuit.id)
    assert admin_delete(admin_client, "orgs/organization", lab.pk, django_capture_on_commit_callbacks) == 302
    assert not Organization.objects.filter(pk=lab.pk).exists()
    assert not files_of(settings, "circuits", circuit.id)
    assert not [path for path in stored_files(settings) if str(dataset.id) in path]
    assert not repository_path(circuit.id).exists()


def test_deleting_a_circuit_in_the_admin_removes_its_files(
    settings, admin_client, lab_with_files, django_capture_on_commit_callbacks
):
    circuit = lab_with_files["circuit"]
    assert admin_delete(admin_client, "circuits/circuit", circuit.pk, django_capture_on_commit_callbacks) == 302
    assert not Circuit.objects.filter(pk=circuit.pk).exists()
    assert not files_of(settings, "circuits", circuit.id)


def test_deleting_a_user_in_the_admin_removes_the_files_of_their_personal_namespace(
    settings, admin_client, alice, lab, django_capture_on_commit_callbacks
):
    from circuits.tests.conftest import make_circuit

    mine = make_circuit(alice, "mine")
    in_lab = make_circuit(alice, "shared", organization_name="lab")
    kept = files_of(settings, "circuits", in_lab.id)
    assert files_of(settings, "circuits", mine.id) and kept
    assert admin_delete(admin_client, "accounts/user", alice.pk, django_capture_on_commit_callbacks) == 302
    assert not files_of(settings, "circuits", mine.id)
    assert files_of(settings, "circuits", in_lab.id) == kept, "the organization's circuits stay"
