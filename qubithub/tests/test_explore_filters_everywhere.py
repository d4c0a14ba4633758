"""Explore pages of every kind refuse bad filters the same way: a 400 with the errors and no results."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/explore/datasets", {"tag": "<b>"}),
        ("/explore/datasets", {"sort": "zzz"}),
        ("/explore/datasets", {"format": "bogus"}),
        ("/explore/spaces", {"sort": "zzz"}),
        ("/explore/spaces", {"sdk": "bogus"}),
        ("/explore", {"sort": "zzz"}),
    ],
)
def test_a_bad_filter_is_a_400_with_no_results(client, alice, path, query):
    from datasets.services import dataset_create
    from spaces.services import space_create

    dataset_create(creator=alice, name="energies", title="E", format="csv")
    space_create(creator=alice, name="playground", title="P")
    response = client.get(path, query)
    assert response.status_code == 400
    page = response.content.decode()
    assert "fix the filter" in page and "alice/energies" not in page and "alice/playground" not in page


def test_a_blank_tag_page_lists_nothing_and_says_so(client):
    response = client.get("/explore/tags/%20")
    assert response.status_code == 404 and "blank tag is not a tag" in response.content.decode()


@pytest.mark.parametrize("tag", ["..", "%3Cb%3E"])
def test_an_invalid_tag_page_is_a_400_like_an_invalid_tag_filter(client, tag):
    response = client.get(f"/explore/tags/{tag}")
    assert response.status_code == 400 and "Invalid tag" in response.content.decode().replace("&#x27;", "'")
