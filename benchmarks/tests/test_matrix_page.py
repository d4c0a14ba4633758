import pytest

from benchmarks.tests.conftest import make_result

pytestmark = pytest.mark.django_db


def test_the_suite_page_draws_the_matrix_as_a_heat_map(client, suite, alice):
    make_result(suite.problems.get(name="ghz-3"), alice, score=1.0)
    make_result(suite.problems.get(name="bv-3"), alice, score=0.0, backend="fake_manila", backend_type="emulation")
    page = client.get("/benchmarks/algorithms-v1").content.decode()
    assert 'data-testid="benchmark-matrix"' in page
    assert "hsl(120, 65%, 80%)" in page and "hsl(0, 65%, 80%)" in page
