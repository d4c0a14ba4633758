"""Form markup that assistive technology relies on: described-by targets exist, checkbox groups have a legend,
labels point at something, the skip link's target takes focus, and the header's user menu."""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


class Markup(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.ids: set[str] = set()
        self.described_by: list[str] = []
        self.label_fors: list[str] = []
        self.legends = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        self.described_by += (attrs.get("aria-describedby") or "").split()
        if tag == "label" and "for" in attrs:
            self.label_fors.append(attrs["for"])
        self.legends += tag == "legend"


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("path", ["/settings", "/settings/keys", "/orgs/new", "/orgs/lab/settings", "/signup"])
def test_every_aria_describedby_and_label_points_at_an_element(alice, lab, path):
    markup = Markup(session(alice).get(path).content.decode())
    assert markup.described_by, "the page's help texts are referenced"
    assert [i for i in markup.described_by if i not in markup.ids] == []
    assert [f for f in markup.label_fors if f not in markup.ids] == []  # no for="" nor a for= to nothing


def test_an_invalid_form_describes_each_field_by_its_help_and_its_error(alice):
    response = session(alice).post("/settings/keys", {"name": "", "scopes": []})
    markup = Markup(response.content.decode())
    assert {"id_name_helptext", "id_name_error"} <= set(markup.described_by) <= markup.ids


def test_the_scopes_checkboxes_are_a_fieldset_with_a_legend(alice):
    page = session(alice).get("/settings/keys").content.decode()
    assert re.search(
        r'<fieldset class="field-group" aria-describedby="id_scopes_helptext"><legend>Scopes</legend>', page
    )
    assert Markup(page).legends >= 1


def test_main_can_take_focus_from_the_skip_link(client):
    page = client.get("/login").content.decode()
    assert 'href="#main"' in page and '<main id="main" tabindex="-1">' in page


def test_the_signed_in_header_puts_the_account_links_in_one_menu(alice):
    page = session(alice).get("/").content.decode()
    menu = re.search(r'<details class="menu user-menu" data-testid="user-menu">(.*?)</details>', page, re.S).group(1)
    for link in ('href="/alice"', 'href="/runs"', 'href="/settings"', 'action="/logout"'):
        assert link in menu, link
