"""Avatars: https image addresses for users and organizations, shown on profiles and allowed by the CSP."""

import pytest
from django.test import Client

from orgs.models import Organization

pytestmark = pytest.mark.django_db
AVATAR = "https://images.example.org/ada.png"


def session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def img_sources(csp: str) -> list[str]:
    directive = next(d.strip() for d in csp.split(";") if d.strip().startswith("img-src"))
    return directive.split()[1:]


def test_the_csp_lets_pages_show_https_images_but_no_plain_http_ones(client, alice):
    sources = img_sources(client.get("/alice")["Content-Security-Policy"])
    assert "https:" in sources and "'self'" in sources
    assert "http:" not in sources and "*" not in sources


def test_a_user_avatar_is_saved_from_settings_and_shown_on_the_profile(client, alice):
    response = session(alice).post("/settings", {"name": "Alice", "bio": "", "avatar": AVATAR})
    assert response.status_code == 302
    page = client.get("/alice").content.decode()
    assert f'src="{AVATAR}"' in page and 'referrerpolicy="no-referrer"' in page


def test_a_plain_http_avatar_is_refused_with_a_form_error(alice):
    response = session(alice).post("/settings", {"name": "Alice", "avatar": "http://images.example.org/a.png"})
    assert response.status_code == 400 and b"https:// image address" in response.content
    alice.refresh_from_db()
    assert alice.avatar == ""


def test_an_org_avatar_is_saved_from_its_settings_and_shown_on_its_page(client, alice, lab):
    response = session(alice).post(
        "/orgs/lab/settings", {"action": "edit", "org-name": "Lab", "org-avatar_url": AVATAR}
    )
    assert response.status_code == 302
    assert f'src="{AVATAR}"' in client.get("/lab").content.decode()


def test_the_api_refuses_a_plain_http_org_avatar(alice_api, lab):
    response = alice_api.patch(f"/api/orgs/{lab.id}", {"avatar_url": "http://x.example/a.png"}, format="json")
    assert response.status_code == 400 and "https://" in response.json()["detail"]
    assert Organization.objects.get(pk=lab.pk).avatar_url == ""


def test_an_http_avatar_is_refused_next_to_its_field(client, alice):
    client.force_login(alice)
    response = client.post("/settings", {"name": "Alice", "bio": "", "avatar": "http://example.com/a.png"})
    assert response.status_code == 400
    assert "https://" in " ".join(response.context["form"].errors.get("avatar", []))


def test_the_api_names_the_avatar_field(alice_api, lab):
    response = alice_api.patch(f"/api/orgs/{lab.id}", {"avatar_url": "http://example.com/a.png"}, format="json")
    assert response.status_code == 400 and "avatar_url" in response.json()["errors"]
