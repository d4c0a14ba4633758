"""Organization settings: editing its profile, and the danger zone's delete page (/orgs/{slug}/delete)."""

import pytest
from django.test import Client

from circuits.models import Circuit
from circuits.tests.conftest import make_circuit
from orgs.models import Membership, Organization, Role

pytestmark = pytest.mark.django_db


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def edit(**fields) -> dict:
    return {"action": "edit", **{f"org-{name}": value for name, value in fields.items()}}


class TestEditProfile:
    def test_an_admin_changes_every_field_the_api_accepts(self, alice, lab):
        response = session(alice).post(
            "/orgs/lab/settings",
            edit(name="Quantum Lab II", description="We *entangle*.", avatar_url="https://example.com/a.png"),
        )
        assert response.status_code == 302 and response["Location"] == "/orgs/lab/settings"
        lab.refresh_from_db()
        assert (lab.name, lab.description, lab.avatar_url) == (
            "Quantum Lab II",
            "We *entangle*.",
            "https://example.com/a.png",
        )
        assert "Quantum Lab II" in Client().get("/lab").content.decode()

    def test_the_form_shows_the_current_values(self, alice, lab):
        lab.description = "Qubits since 2020"
        lab.save()
        page = session(alice).get("/orgs/lab/settings").content.decode()
        assert 'value="Quantum Lab"' in page and "Qubits since 2020" in page

    @pytest.mark.parametrize(
        ("fields", "error"),
        [
            ({"name": "", "description": ""}, "This field is required."),
            ({"name": "Lab", "avatar_url": "not a url"}, "Enter a valid URL."),
            ({"name": "Lab", "description": "x" * 5001}, "at most 5000 characters"),
        ],
    )
    def test_bad_input_is_a_400_with_the_form_and_nothing_saved(self, alice, lab, fields, error):
        response = session(alice).post("/orgs/lab/settings", edit(**fields))
        assert response.status_code == 400
        assert error in response.content.decode()
        lab.refresh_from_db()
        assert lab.name == "Quantum Lab"

    def test_a_member_cannot_edit_it(self, bob, lab):
        assert session(bob).post("/orgs/lab/settings", edit(name="Mine")).status_code == 403
        lab.refresh_from_db()
        assert lab.name == "Quantum Lab"


class TestDangerZone:
    def test_owners_see_the_link_admins_do_not(self, alice, bob, lab):
        assert "/orgs/lab/delete" in session(alice).get("/orgs/lab/settings").content.decode()
        Membership.objects.filter(organization=lab, user=bob).update(role=Role.ADMIN)
        page = session(bob).get("/orgs/lab/settings").content.decode()
        assert "/orgs/lab/delete" not in page and "Only an owner" in page

    def test_a_personal_namespace_has_no_delete_link(self, alice):
        page = session(alice).get("/orgs/alice/settings").content.decode()
        assert "/orgs/alice/delete" not in page and "deleted with its user account" in page


class TestDeletePage:
    def test_it_shows_what_the_organization_owns_private_included(self, alice, lab):
        from datasets.services import dataset_create

        make_circuit(alice, "open", organization_name="lab", with_files=False)
        make_circuit(alice, "hidden", organization_name="lab", is_public=False, with_files=False)
        dataset_create(creator=alice, name="energies", title="Energies", format="csv", organization_name="lab")
        response = session(alice).get("/orgs/lab/delete")
        page = response.content.decode()
        assert response.status_code == 200
        assert "2 circuits" in page and "1 dataset<" in page and "0 spaces" in page
        assert "still owns 3 resources" in page and 'name="force"' in page

    def test_only_owners_may_open_it(self, bob, charlie, lab, client):
        assert session(bob).get("/orgs/lab/delete").status_code == 403
        assert session(charlie).get("/orgs/lab/delete").status_code == 403
        assert client.get("/orgs/lab/delete").status_code == 302  # to the log-in page
        assert session(charlie).post("/orgs/lab/delete", {"confirm": "lab"}).status_code == 403
        assert Organization.objects.filter(slug="lab").exists()

    def test_an_unknown_organization_is_404(self, alice):
        assert session(alice).get("/orgs/nope/delete").status_code == 404

    def test_typing_the_wrong_name_is_a_400_and_deletes_nothing(self, alice, lab):
        response = session(alice).post("/orgs/lab/delete", {"confirm": "lb"})
        assert response.status_code == 400
        assert "Type the organization&#x27;s name, lab, exactly." in response.content.decode()
        assert Organization.objects.filter(slug="lab").exists()

    def test_an_empty_organization_is_deleted(self, alice, lab):
        response = session(alice).post("/orgs/lab/delete", {"confirm": "lab"}, follow=True)
        assert response.redirect_chain[-1][0] == "/alice"
        assert "Deleted the organization lab." in response.content.decode()
        assert not Organization.objects.filter(slug="lab").exists()

    def test_without_force_an_organization_that_owns_resources_is_kept(self, alice, lab):
        make_circuit(alice, "bell", organization_name="lab", with_files=False)
        response = session(alice).post("/orgs/lab/delete", {"confirm": "lab"})
        assert response.status_code == 400
        assert "tick this to delete them with it" in response.content.decode()
        assert Organization.objects.filter(slug="lab").exists() and Circuit.objects.filter(name="bell").exists()

    def test_with_force_it_is_deleted_with_what_it_owns(self, alice, lab, django_capture_on_commit_callbacks):
        circuit = make_circuit(alice, "bell", organization_name="lab")
        with django_capture_on_commit_callbacks(execute=True):
            response = session(alice).post("/orgs/lab/delete", {"confirm": "lab", "force": "on"})
        assert response.status_code == 302
        assert not Organization.objects.filter(slug="lab").exists()
        assert not Circuit.objects.filter(pk=circuit.pk).exists()

    def test_a_personal_namespace_cannot_be_deleted(self, alice):
        page = session(alice).get("/orgs/alice/delete").content.decode()
        assert "deleted with its user account" in page and "confirm-delete" not in page
        response = session(alice).post("/orgs/alice/delete", {"confirm": "alice", "force": "on"})
        assert response.status_code == 400
        assert Organization.objects.filter(slug="alice").exists()

    def test_the_page_has_a_bounded_number_of_queries(self, alice, lab, django_assert_max_num_queries):
        for number in range(5):
            make_circuit(alice, f"c{number}", organization_name="lab", with_files=False)
        browser = session(alice)
        with django_assert_max_num_queries(12):
            assert browser.get("/orgs/lab/delete").status_code == 200
