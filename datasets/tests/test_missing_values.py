"""Missing values: empty CSV cells are nulls (as pandas reads CSV) in every column, text included, so the column
statistics, the query's isnull and the query page's "is missing" agree."""

import json

import pytest

from datasets.tests.files import VALID

pytestmark = pytest.mark.django_db

CSV = b"name,energy,note\na,-1.1,\nb,,ok\nc,-0.9,\nd,NA,NULL\ne,nan,\n"


@pytest.fixture
def gappy(published):
    return published("csv", content=CSV)


def test_empty_csv_cells_are_counted_as_nulls_in_text_and_number_columns(gappy, api):
    columns = api.get(f"/api/datasets/{gappy.id}/stats").json()["columns"]
    assert columns["note"]["nulls"] == 4 and columns["note"]["count"] == 1
    assert (columns["energy"]["nulls"], columns["energy"]["nans"]) == (2, 1)  # NaN is a number, not missing


def test_isnull_finds_what_the_statistics_count(gappy, api):
    url = f"/api/datasets/{gappy.id}/query"
    assert api.get(url, {"where": "note:isnull"}).json()["total"] == 4
    assert api.get(url, {"where": "note:notnull"}).json()["rows"] == [["b", None, "ok"]]
    assert api.get(url, {"where": "energy:isnull"}).json()["total"] == 2


def test_the_query_page_is_missing_condition_agrees(client, gappy):
    params = {"column1": "note", "op1": "isnull", "value1": ""}
    response = client.get(f"/datasets/alice/{gappy.name}/query", params)
    text = response.content.decode()
    assert "4 matching rows" in text and "is missing (null)" in text
    assert 'title="missing value (null)">null</span>' in text


def test_empty_text_in_json_is_text_found_by_equals_nothing(client, published):
    records = [{"k": 1, "s": ""}, {"k": 2, "s": None}, {"k": 3, "s": "x"}]
    dataset = published("json", content=json.dumps(records).encode())
    url = f"/datasets/alice/{dataset.name}/query"
    assert "1 matching row" in client.get(url, {"column1": "s", "op1": "eq", "value1": ""}).content.decode()
    assert "1 matching row" in client.get(url, {"column1": "s", "op1": "isnull"}).content.decode()


def test_a_bad_value_is_shown_once_on_the_query_page(client, published):
    dataset = published("csv", content=VALID["csv"]())
    response = client.get(f"/datasets/alice/{dataset.name}/query", {"column1": "energy", "op1": "gt", "value1": "x"})
    assert response.status_code == 400
    assert response.content.decode().count("is not a valid double value") == 1
