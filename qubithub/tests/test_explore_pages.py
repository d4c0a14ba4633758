"""Every explore list (circuits, datasets, spaces) answers a page that doesn't exist with a 404, never another page."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/explore", "/explore/datasets", "/explore/spaces"])
@pytest.mark.parametrize("page", ["0", "-1", "abc", "2"])
def test_a_page_that_does_not_exist_is_a_404(client, path, page):
    assert client.get(path, {"page": page}).status_code == 404


@pytest.mark.parametrize("path", ["/explore", "/explore/datasets", "/explore/spaces"])
def test_the_first_page_of_an_empty_list_exists(client, path):
    assert client.get(path).status_code == 200
    assert client.get(path, {"page": "1"}).status_code == 200
