"""Server-side filter, sort and paging over tabular versions."""

import pytest

from datasets.tests import files


@pytest.fixture
def numbers(published):
    return published("csv", content=files.csv_bytes(rows=100))


def test_filters_sorts_and_pages(numbers, api):
    body = api.get(
        f"/api/datasets/{numbers.id}/query",
        {"where": ["x:gte:10", "label:eq:odd"], "sort": "-y", "limit": 3, "page": 2},
    ).json()
    assert body["columns"] == ["x", "y", "label"]
    assert body["total"] == 45
    assert body["pages"] == 15
    assert [row[0] for row in body["rows"]] == [93, 91, 89]


def test_contains_and_null_checks(published, api):
    dataset = published("json", content=files.json_lines_bytes())
    url = f"/api/datasets/{dataset.id}/query"
    assert api.get(url, {"where": "state:contains:gh"}).json()["rows"] == [[3, "ghz"]]
    assert api.get(url, {"where": "state:isnull"}).json()["total"] == 1


def test_parquet_is_queried_directly(published, api):
    dataset = published("parquet", content=files.parquet_bytes(rows=30))
    body = api.get(f"/api/datasets/{dataset.id}/query", {"where": "outcome:eq:11", "sort": "shot"}).json()
    assert body["total"] == 7
    assert body["rows"][0] == [3, "11"]


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"where": "nope:eq:1"}, "Unknown column 'nope'"),
        ({"where": "x:like:1"}, "Unknown operator 'like'"),
        ({"where": "x:gt:abc"}, "not a valid int64 value"),
        ({"where": "x:contains:1"}, "works on text columns"),
        ({"sort": "-nope"}, "Unknown column 'nope'"),
        ({"limit": 0}, "limit"),
        ({"page": 200, "limit": 100}, "first 10,000 matching rows"),
    ],
)
def test_bad_queries_are_400(numbers, api, params, reason):
    response = api.get(f"/api/datasets/{numbers.id}/query", params)
    assert response.status_code == 400
    assert reason in response.json()["detail"]


def test_arrays_cannot_be_queried(published, api):
    response = api.get(f"/api/datasets/{published('hdf5').id}/query")
    assert response.status_code == 400
