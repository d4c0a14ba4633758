"""Usage limits per plan: usage_check, the storage meter, GET /api/auth/me/usage, refusal at creation."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts import usage
from circuits.usage import circuit_storage_bytes
from conftest import key_client
from orgs.tests.conftest import make_circuit
from qubithub.api.exceptions import Forbidden

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    settings.QH_PLAN_LIMITS = {
        "free": {"requests_per_minute": 60, "runs_per_day": 5, "shots_per_month": 100, "storage_bytes": 50},
        "pro": {"requests_per_minute": 600, "runs_per_day": 50, "shots_per_month": 1000, "storage_bytes": 500},
    }


def meter(monkeypatch, kind, value):
    monkeypatch.setitem(usage.METERS, kind, [lambda user: value])


def upload(client, circuit, content: bytes, name="circuit.py"):
    source = SimpleUploadedFile(name, content)
    return client.post(f"/api/circuits/{circuit.id}/upload", {"file": source}, format="multipart")


class TestUsageCheck:
    def test_it_allows_up_to_the_limit(self, alice, limits, monkeypatch):
        meter(monkeypatch, "runs", 4)
        usage.usage_check(user=alice, kind="runs", amount=1)

    def test_it_refuses_past_the_limit_naming_it_and_the_usage(self, alice, limits, monkeypatch):
        meter(monkeypatch, "runs", 5)
        with pytest.raises(Forbidden) as caught:
            usage.usage_check(user=alice, kind="runs")
        assert caught.value.status_code == 403
        assert caught.value.detail == "Usage limit exceeded: runs per day on the free plan is 5; current usage is 5."

    def test_it_counts_the_amount_asked_for(self, alice, limits, monkeypatch):
        meter(monkeypatch, "shots", 90)
        with pytest.raises(Forbidden, match="this request needs 20"):
            usage.usage_check(user=alice, kind="shots", amount=20)

    def test_a_pro_user_has_the_pro_limits(self, alice, limits, monkeypatch):
        alice.plan = "pro"
        meter(monkeypatch, "runs", 5)
        usage.usage_check(user=alice, kind="runs")

    def test_meters_of_one_kind_add_up(self, alice, limits, monkeypatch):
        monkeypatch.setitem(usage.METERS, "storage", [lambda user: 30, lambda user: 30])
        assert usage.usage_of(user=alice, kind="storage").used == 60

    def test_a_kind_without_a_meter_fails_loudly(self, alice, limits, monkeypatch):
        monkeypatch.setitem(usage.METERS, "runs", [])
        with pytest.raises(ImproperlyConfigured):
            usage.usage_check(user=alice, kind="runs")

    def test_an_unknown_kind_cannot_be_registered(self):
        with pytest.raises(ImproperlyConfigured):
            usage.register_meter("gpus", lambda user: 0)

    def test_periods_are_the_utc_day_and_month(self):
        now = datetime(2026, 3, 17, 13, 5, tzinfo=UTC)
        assert usage.period_start("runs", now) == datetime(2026, 3, 17, tzinfo=UTC)
        assert usage.period_start("shots", now) == datetime(2026, 3, 1, tzinfo=UTC)
        assert usage.period_start("storage", now) is None


class TestStorage:
    def test_creating_a_circuit_is_refused_once_storage_is_full(self, alice, alice_api, limits, monkeypatch):
        meter(monkeypatch, "storage", 50)
        body = {"name": "more", "title": "More", "framework": "qiskit"}
        response = alice_api.post("/api/circuits", body, format="json")
        assert response.status_code == 403
        assert "storage bytes on the free plan is 50; current usage is 50" in response.json()["detail"]


class TestMeUsage:
    def test_it_shows_usage_against_the_plans_limits(self, alice, alice_api, limits, monkeypatch):
        meter(monkeypatch, "runs", 2)
        body = alice_api.get("/api/auth/me/usage").json()
        assert body["plan"] == "free" and body["requests_per_minute"] == 60
        assert body["runs"]["used"] == 2 and body["runs"]["limit"] == 5 and body["runs"]["period"] == "day"
        resets_at = datetime.fromisoformat(body["runs"]["resets_at"].replace("Z", "+00:00"))
        assert resets_at == usage.period_start("runs") + timedelta(days=1)
        assert body["storage"] == {"used": 0, "limit": 50, "period": None, "resets_at": None}

    def test_it_shows_every_metered_kind(self, alice_api):
        assert set(usage.KINDS) <= set(alice_api.get("/api/auth/me/usage").json())

    def test_it_shows_stored_bytes(self, alice, alice_api):
        upload(alice_api, make_circuit(alice, "s", org=None), b"abc\n")
        assert alice_api.get("/api/auth/me/usage").json()["storage"]["used"] == circuit_storage_bytes(alice) > 0

    def test_any_key_may_read_it(self, alice):
        assert key_client(alice, ["runs:read"]).get("/api/auth/me/usage").status_code == 200

    def test_it_needs_authentication(self, api):
        assert api.get("/api/auth/me/usage").status_code == 401
