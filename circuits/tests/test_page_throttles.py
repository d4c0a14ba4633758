"""Star and fork buttons on pages share the API's per-user limits (QH_STAR_PER_MINUTE, QH_FORK_PER_MINUTE)."""

import pytest

from circuits.models import Star

pytestmark = pytest.mark.django_db


def test_page_stars_over_the_limit_get_a_429_page_with_retry_after(settings, client, bob, bell):
    settings.QH_STAR_PER_MINUTE = 2
    client.force_login(bob)
    statuses = [client.post("/alice/bell/star").status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    limited = client.post("/alice/bell/star")
    assert int(limited["Retry-After"]) >= 1
    assert "Too many star requests" in limited.content.decode()
    assert not Star.objects.exists()  # starred, unstarred, then the limited ones did nothing


def test_the_page_and_the_api_count_in_one_bucket(settings, client, bob, bob_api, bell):
    settings.QH_STAR_PER_MINUTE = 2
    client.force_login(bob)
    assert bob_api.post(f"/api/circuits/{bell.id}/star").status_code == 200
    assert client.post("/alice/bell/star").status_code == 302
    assert bob_api.post(f"/api/circuits/{bell.id}/star").status_code == 429


def test_an_htmx_star_over_the_limit_reloads_the_page_with_a_message(settings, client, bob, bell):
    settings.QH_STAR_PER_MINUTE = 0
    client.force_login(bob)
    response = client.post(
        "/alice/bell/star", HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL="http://testserver/alice/bell"
    )
    assert response.status_code == 429
    assert response["HX-Redirect"] == "http://testserver/alice/bell"
    assert "Too many star requests" in client.get("/alice/bell").content.decode()


def test_an_htmx_redirect_never_leaves_the_site(settings, client, bob, bell):
    settings.QH_STAR_PER_MINUTE = 0
    client.force_login(bob)
    response = client.post("/alice/bell/star", HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL="https://evil.example/")
    assert response["HX-Redirect"] == "/"


def test_page_forks_over_the_limit_create_nothing(settings, client, bob, bell):
    from circuits.models import Circuit

    settings.QH_FORK_PER_MINUTE = 1
    client.force_login(bob)
    assert client.post("/alice/bell/fork", {"name": "one"}).status_code == 302
    assert client.post("/alice/bell/fork", {"name": "two"}).status_code == 429
    assert set(Circuit.objects.filter(organization__slug="bob").values_list("name", flat=True)) == {"one"}


@pytest.mark.parametrize("path", ["/datasets/alice/{name}/star", "/spaces/alice/{name}/star"])
def test_dataset_and_space_stars_are_limited_too(settings, client, alice, bob, path):
    from datasets.services import dataset_create
    from spaces.services import space_create

    settings.QH_STAR_PER_MINUTE = 0
    dataset_create(creator=alice, name="d", title="D", format="csv")
    space_create(creator=alice, name="s", title="S")
    client.force_login(bob)
    name = "d" if path.startswith("/datasets") else "s"
    assert client.post(path.format(name=name)).status_code == 429
