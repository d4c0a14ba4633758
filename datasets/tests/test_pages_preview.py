"""The dataset page's preview panel: paging, the number of rows, the version shown, and how values look."""

import re

import pytest

from datasets.tests import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def eighty(published):
    return published("csv", content=files.csv_bytes(rows=80))


def page(client, dataset, **params):
    return client.get(f"/datasets/alice/{dataset.name}", params)


def body_rows(response) -> int:
    return response.content.decode().split('data-testid="dataset-preview"')[1].split("</tbody>")[0].count("<tr>") - 1


def test_paging_shows_the_range_of_rows_and_links_both_ways(client, eighty):
    response = page(client, eighty, offset=40)
    text = response.content.decode()
    assert "Rows 41–60 of 80" in text
    assert 'href="?offset=20#contents" rel="prev"' in text and 'href="?offset=60#contents" rel="next"' in text


def test_the_last_rows_have_no_next_link(client, eighty):
    text = page(client, eighty, offset=60).content.decode()
    assert "Rows 61–80 of 80" in text and 'rel="next"' not in text


@pytest.mark.parametrize("offset", [80, 9999])
def test_an_offset_past_the_end_says_so_with_correct_numbers(client, eighty, offset):
    response = page(client, eighty, offset=offset)
    text = response.content.decode()
    assert response.status_code == 200
    assert f"No rows past the end: v1 has 80 rows, so there is no row {offset + 1}." in text
    assert not re.search(r"Rows \d+–\d+", text)
    assert 'href="?offset=0#contents">First rows' in text and 'href="?offset=60#contents">Last rows' in text


@pytest.mark.parametrize("version", ["2", "abc", "v9"])
def test_a_version_that_does_not_exist_is_404_not_v1(client, eighty, version):
    assert page(client, eighty, version=version).status_code == 404
    assert client.get(f"/datasets/alice/{eighty.name}/contents", {"version": version}).status_code == 404


def test_an_existing_version_is_shown_by_number_or_v_prefix(client, eighty):
    for version in ("1", "v1"):
        response = page(client, eighty, version=version)
        assert response.status_code == 200 and "(v1, 80 rows)" in response.content.decode()


def test_the_user_picks_how_many_rows_the_preview_shows(client, eighty):
    response = page(client, eighty, rows=50)
    assert body_rows(response) == 50
    text = response.content.decode()
    assert "Rows 1–50 of 80" in text and 'href="?rows=50&amp;offset=50#contents" rel="next"' in text
    assert 'name="rows"' in text and 'max="1000"' in text and 'value="50"' in text
    assert body_rows(page(client, eighty)) == 20  # the page's default


def test_more_rows_than_the_stored_first_rows_are_read_from_the_file(client, published):
    dataset = published("csv", content=files.csv_bytes(rows=1500))
    response = page(client, dataset, rows=1000, offset=900)
    assert body_rows(response) == 600 and "Rows 901–1500 of 1500" in response.content.decode()


@pytest.mark.parametrize(
    ("rows", "message"),
    [(1001, "less than or equal to 1000"), (0, "greater than or equal to 1"), ("x", "whole number")],
)
def test_a_bad_number_of_rows_is_a_form_error(client, eighty, rows, message):
    response = page(client, eighty, rows=rows)
    assert response.status_code == 400
    text = response.content.decode()
    assert text.count(message) == 1
    assert 'aria-invalid="true"' in text or "errorlist" in text
    assert client.get(f"/datasets/alice/{eighty.name}/contents", {"rows": rows}).status_code == 400


def test_a_bad_offset_is_explained(client, eighty):
    response = page(client, eighty, offset=-5)
    assert response.status_code == 400
    assert "offset: Ensure this value is greater than or equal to 0." in response.content.decode()


def test_long_floats_are_rounded_for_display_with_the_exact_value_in_the_title(client, published):
    dataset = published("csv", content=b"a,b\n-0.9299999999999999,1.5\n,2.25\n")
    text = page(client, dataset).content.decode()
    assert '<span title="-0.9299999999999999">-0.93</span>' in text
    assert "<td>1.5</td>" in text
    assert 'title="missing value (null)">null</span>' in text
    assert "None" not in text.split('data-testid="dataset-preview"')[1].split("</table>")[0]
