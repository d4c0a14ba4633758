"""Settings > Hardware providers: the page sets and removes credentials through the API's services, with the
API's validation and permissions, and never shows a secret back."""

import pytest
from django.test import Client

from runs.providers import crypto
from runs.providers.models import ProviderCredential

pytestmark = pytest.mark.django_db
TOKEN = "ibm-secret-token-1234567890"
BRAKET = "AKIAEXAMPLEKEY:aws-secret-access-key-0987654321"


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def set_ibm(client, token=TOKEN, instance="", organization_name=""):
    form = {"ibm-token": token, "ibm-instance": instance, "ibm-organization_name": organization_name}
    return client.post("/settings/providers/ibm", form)


def test_the_pages_need_a_login(client):
    for path in ("/settings/providers", "/settings/providers/ibm/remove"):
        assert client.get(path)["Location"].startswith("/login")
    assert client.post("/settings/providers/ibm", {"ibm-token": TOKEN})["Location"].startswith("/login")


def test_it_lists_every_provider_as_not_set_and_is_a_settings_tab(alice):
    response = session(alice).get("/settings/providers")
    page = response.content.decode()
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert "IBM Quantum" in page and "Amazon Braket" in page
    assert page.count("not set") == 2
    assert 'href="/settings/providers" aria-current="page"' in page
    assert 'href="/settings/providers"' in session(alice).get("/settings").content.decode()


def test_it_saves_credentials_encrypted_and_never_shows_them_back(alice):
    browser = session(alice)
    response = set_ibm(browser, instance="crn:v1:my-instance")
    assert response.status_code == 302 and response["Location"] == "/settings/providers"
    credential = ProviderCredential.objects.get(user=alice, provider="ibm")
    assert crypto.unseal(credential.secret) == {"token": TOKEN, "instance": "crn:v1:my-instance"}
    page = browser.get("/settings/providers").content.decode()
    assert "IBM Quantum credentials saved for your account." in page
    assert TOKEN not in page and "crn:v1" not in page
    assert page.count("not set") == 1  # Braket is still not set


def test_setting_them_again_replaces_them(alice):
    browser = session(alice)
    set_ibm(browser)
    set_ibm(browser, token="another-token-123456")
    (credential,) = ProviderCredential.objects.filter(user=alice, provider="ibm")
    assert crypto.unseal(credential.secret)["token"] == "another-token-123456"


def test_a_malformed_token_is_the_api_message_in_a_400_without_the_token(alice):
    form = {"braket-token": "no-colon-secret", "braket-instance": "", "braket-organization_name": ""}
    response = session(alice).post("/settings/providers/braket", form)
    page = response.content.decode()
    assert response.status_code == 400 and "access key id" in page
    assert "no-colon-secret" not in page
    assert not ProviderCredential.objects.exists()


def test_a_bad_region_and_a_blank_or_too_long_token_are_400s(alice):
    browser = session(alice)
    bad_region = {"braket-token": BRAKET, "braket-instance": "moon-1", "braket-organization_name": ""}
    assert "AWS region" in browser.post("/settings/providers/braket", bad_region).content.decode()
    assert set_ibm(browser, token="   ").status_code == 400
    assert set_ibm(browser, token="x" * 4001).status_code == 400  # the API's own limit
    assert set_ibm(browser, token="short").status_code == 400  # IBM's check: an API key is longer
    assert not ProviderCredential.objects.exists()


def test_a_provider_whose_sdk_is_missing_cannot_be_set(alice, monkeypatch):
    from runs.providers.ibm import IBMAdapter

    monkeypatch.setattr(IBMAdapter, "installed", lambda self: False)
    browser = session(alice)
    assert "its SDK is not installed" in browser.get("/settings/providers").content.decode()
    response = set_ibm(browser)
    assert response.status_code == 400 and "not installed on this server" in response.content.decode()


def test_an_unknown_provider_is_a_404(alice):
    browser = session(alice)
    assert browser.post("/settings/providers/dwave", {"dwave-token": TOKEN}).status_code == 404
    assert browser.get("/settings/providers/dwave/remove").status_code == 404


def test_an_org_admin_sets_credentials_for_the_organization(alice, bob, lab):
    assert set_ibm(session(alice), organization_name="lab").status_code == 302
    credential = ProviderCredential.objects.get(organization=lab, provider="ibm")
    assert credential.user_id is None and credential.set_by == alice
    page = session(bob).get("/settings/providers").content.decode()
    assert "managed by its admins" in page and "organization=lab" not in page


def test_a_member_cannot_target_an_organization_they_do_not_administer(bob, lab):
    browser = session(bob)
    assert 'value="lab"' not in browser.get("/settings/providers").content.decode()
    response = set_ibm(browser, organization_name="lab")
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()
    assert not ProviderCredential.objects.exists()


def test_removing_asks_first_then_removes(alice):
    browser = session(alice)
    set_ibm(browser)
    confirm = browser.get("/settings/providers/ibm/remove")
    assert confirm.status_code == 200
    assert "Remove the IBM Quantum credentials of your account?" in confirm.content.decode()
    assert ProviderCredential.objects.filter(user=alice).exists()  # GET changes nothing
    response = browser.post("/settings/providers/ibm/remove")
    assert response.status_code == 302 and not ProviderCredential.objects.filter(user=alice).exists()
    assert "Removed the IBM Quantum credentials of your account." in browser.get("/settings/providers").content.decode()


def test_removing_credentials_that_are_not_set_is_a_404(alice):
    browser = session(alice)
    assert browser.get("/settings/providers/ibm/remove").status_code == 404
    assert browser.post("/settings/providers/ibm/remove").status_code == 404


def test_an_organizations_credentials_are_removed_by_its_admins_only(alice, bob, charlie, lab):
    set_ibm(session(alice), organization_name="lab")
    path = "/settings/providers/ibm/remove?organization=lab"
    assert session(charlie).get(path).status_code == 404  # an outsider does not learn they exist
    assert session(bob).get(path).status_code == 403
    assert session(bob).post(path, {"organization": "lab"}).status_code == 403
    assert session(alice).get(path).status_code == 200
    assert session(alice).post("/settings/providers/ibm/remove", {"organization": "lab"}).status_code == 302
    assert not ProviderCredential.objects.exists()


def test_the_page_keeps_a_bounded_number_of_queries(alice, lab, django_assert_max_num_queries):
    browser = session(alice)
    set_ibm(browser)
    set_ibm(browser, organization_name="lab")
    with django_assert_max_num_queries(14):
        assert browser.get("/settings/providers").status_code == 200


def test_the_query_count_does_not_grow_with_organizations(alice, lab):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from orgs.services import org_create

    browser = session(alice)
    set_ibm(browser, organization_name="lab")
    with CaptureQueriesContext(connection) as one_org:
        browser.get("/settings/providers")
    for slug in ("lab2", "lab3", "lab4"):
        org_create(creator=alice, name=slug, slug=slug)
        set_ibm(browser, organization_name=slug)
    with CaptureQueriesContext(connection) as four_orgs:
        page = browser.get("/settings/providers").content.decode()
    assert "organization=lab4" in page
    assert len(one_org.captured_queries) > 0
    assert len(four_orgs.captured_queries) == len(one_org.captured_queries)


def test_the_settings_tabs_link_the_organizations_the_user_administers(alice, bob, lab):
    assert 'href="/orgs/lab/settings"' in session(alice).get("/settings/providers").content.decode()
    assert 'href="/orgs/alice/settings"' not in session(alice).get("/settings").content.decode()  # personal
    assert 'href="/orgs/lab/settings"' not in session(bob).get("/settings").content.decode()  # a member only
