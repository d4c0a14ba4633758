"""The API contract every endpoint shares: error envelope, list envelope, no redirects."""

import pytest

from circuits.services import circuit_create

pytestmark = pytest.mark.django_db


def make_circuits(user, count):
    return [circuit_create(creator=user, name=f"c-{i:03d}", title=f"C {i}", framework="qiskit") for i in range(count)]


class TestErrorEnvelope:
    def test_an_unknown_api_path_is_a_json_404(self, api):
        response = api.get("/api/no-such-thing")
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}

    def test_a_trailing_slash_is_a_404_not_a_redirect(self, api):
        response = api.get("/api/circuits/")
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}

    def test_a_wrong_method_is_a_405_with_detail(self, api):
        response = api.delete("/api/circuits")
        assert response.status_code == 405
        assert "not allowed" in response.json()["detail"]

    def test_malformed_json_is_a_400_with_detail(self, alice_api):
        response = alice_api.post("/api/circuits", data="{not json", content_type="application/json")
        assert response.status_code == 400
        assert "JSON" in response.json()["detail"]

    def test_a_json_array_body_is_a_400(self, alice_api):
        response = alice_api.post("/api/circuits", data="[1, 2]", content_type="application/json")
        assert response.status_code == 400
        assert response.json()["detail"] == "The request body must be a JSON object."

    def test_validation_errors_carry_a_readable_detail_and_a_field_map(self, alice_api):
        response = alice_api.post("/api/circuits", {"name": "Bad Name", "framework": "qiskit"}, format="json")
        assert response.status_code == 400
        body = response.json()
        assert body["detail"].startswith("name: ") or "name:" in body["detail"]
        assert "title" in body["errors"]

    def test_missing_authentication_is_a_401_with_detail(self, api):
        response = api.post("/api/circuits", {}, format="json")
        assert response.status_code == 401
        assert response.json()["detail"]
        assert response["WWW-Authenticate"].startswith("Bearer")

    def test_an_unsupported_media_type_is_a_415_with_detail(self, alice_api):
        response = alice_api.post("/api/circuits", data="x", content_type="text/plain")
        assert response.status_code == 415
        assert response.json()["detail"]

    def test_an_unhandled_error_is_a_json_500(self, api, monkeypatch):
        from circuits import selectors

        def explode(**kwargs):
            raise RuntimeError("boom")

        monkeypatch.setattr(selectors, "circuit_list", explode)
        api.raise_request_exception = False
        response = api.get("/api/circuits")
        assert response.status_code == 500
        assert response.json() == {"detail": "Internal server error."}

    def test_a_page_404_is_html(self, client):
        response = client.get("/no/such/page/here")
        assert response.status_code == 404
        assert b"Page not found" in response.content


class TestListEnvelope:
    def test_it_wraps_items_with_total_page_and_pages(self, api, alice):
        make_circuits(alice, 3)
        body = api.get("/api/circuits?limit=2").json()
        assert set(body) == {"circuits", "total", "page", "pages"}
        assert (body["total"], body["page"], body["pages"], len(body["circuits"])) == (3, 1, 2, 2)

    def test_the_last_page_holds_the_rest(self, api, alice):
        make_circuits(alice, 3)
        body = api.get("/api/circuits?limit=2&page=2").json()
        assert (body["page"], len(body["circuits"])) == (2, 1)

    def test_a_page_past_the_end_is_empty(self, api, alice):
        make_circuits(alice, 3)
        body = api.get("/api/circuits?limit=2&page=9").json()
        assert body["circuits"] == [] and body["total"] == 3

    def test_an_empty_list_has_zero_pages(self, api, db):
        assert api.get("/api/circuits").json() == {"circuits": [], "total": 0, "page": 1, "pages": 0}

    def test_the_default_limit_is_20(self, api, alice):
        make_circuits(alice, 25)
        body = api.get("/api/circuits").json()
        assert len(body["circuits"]) == 20 and body["pages"] == 2

    @pytest.mark.parametrize(
        "query, message",
        [
            ("page=0", "page must be at least 1."),
            ("page=-1", "page must be at least 1."),
            ("page=abc", "page must be an integer."),
            ("limit=0", "limit must be between 1 and 100."),
            ("limit=101", "limit must be between 1 and 100."),
            ("limit=x", "limit must be an integer."),
        ],
    )
    def test_out_of_range_paging_is_a_400(self, api, db, query, message):
        response = api.get(f"/api/circuits?{query}")
        assert response.status_code == 400
        assert response.json()["detail"] == message

    def test_limit_100_is_allowed(self, api, db):
        assert api.get("/api/circuits?limit=100").status_code == 200


class TestNulCharacters:
    @pytest.mark.parametrize(
        "url", ["/api/files/circuits/%00/v1/a.py", "/api/circuits?q=%00", "/api/circuits/resolve?repo_name=a%00/b"]
    )
    def test_a_nul_in_an_api_url_is_a_400_with_detail(self, api, url):
        response = api.get(url)
        assert response.status_code == 400
        assert response.json() == {"detail": "The URL contains a NUL character."}

    def test_a_nul_in_a_page_url_is_a_400(self, client):
        assert client.get("/alice/bell%00").status_code == 400


def test_a_database_race_is_a_409_not_a_500(api, monkeypatch):
    from django.db import IntegrityError

    from circuits import selectors

    def race(**kwargs):
        raise IntegrityError("insert or update violates foreign key constraint")

    monkeypatch.setattr(selectors, "circuit_list", race)
    response = api.get("/api/circuits")
    assert response.status_code == 409
    assert "Retry" in response.json()["detail"]
