"""Rate limits: per plan per user or key, per IP for anonymous callers, star/fork and login limits; 429s."""

import threading
from unittest import mock

import pytest
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory, force_authenticate
from rest_framework.views import APIView

from conftest import PASSWORD, jwt_client, key_client
from qubithub.api import throttles
from qubithub.api.scopes import CIRCUITS
from qubithub.api.throttles import ForkThrottle, StarThrottle, window_hit, with_default_throttles

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def mid_window():
    """A fixed clock 20 s into a window, so that no test straddles a window boundary."""
    with mock.patch.object(throttles.time, "time", return_value=1_000_040.0):
        yield


@pytest.fixture
def small_limits(settings):
    settings.QH_ANON_REQUESTS_PER_MINUTE = 3
    settings.QH_AUTH_ATTEMPTS_PER_MINUTE = 2
    settings.QH_STAR_PER_MINUTE = 2
    settings.QH_FORK_PER_MINUTE = 1
    settings.QH_PLAN_LIMITS = {
        "free": {**settings.QH_PLAN_LIMITS["free"], "requests_per_minute": 3},
        "pro": {**settings.QH_PLAN_LIMITS["pro"], "requests_per_minute": 6},
    }


def statuses(client, count, path="/api/circuits"):
    return [client.get(path).status_code for _ in range(count)]


class TestApiRequests:
    def test_an_anonymous_client_is_limited_per_ip_with_retry_after(self, api, small_limits):
        assert statuses(api, 3) == [200, 200, 200]
        response = api.get("/api/circuits")
        assert response.status_code == 429
        assert response["Retry-After"] == "40"
        assert response.json()["detail"].startswith("Rate limit exceeded")

    def test_another_ip_has_its_own_budget(self, api, small_limits):
        statuses(api, 4)
        assert api.get("/api/circuits", REMOTE_ADDR="10.0.0.9").status_code == 200

    def test_a_forged_forwarded_for_header_does_not_reset_the_budget(self, api, small_limits):
        statuses(api, 3)
        assert api.get("/api/circuits", HTTP_X_FORWARDED_FOR="1.2.3.4").status_code == 429

    def test_a_free_user_gets_the_free_limit(self, alice_api, small_limits):
        assert statuses(alice_api, 4) == [200, 200, 200, 429]

    def test_a_pro_user_gets_the_pro_limit(self, alice, small_limits):
        alice.plan = "pro"
        alice.save()
        assert statuses(jwt_client(alice), 7) == [200] * 6 + [429]

    def test_users_do_not_share_a_budget(self, alice_api, bob_api, small_limits):
        statuses(alice_api, 4)
        assert bob_api.get("/api/circuits").status_code == 200

    def test_a_key_with_a_lower_limit_is_held_to_it(self, alice, small_limits):
        assert statuses(key_client(alice, rate_limit_per_minute=2), 3) == [200, 200, 429]

    def test_a_key_cannot_exceed_its_users_plan(self, alice, small_limits):
        assert statuses(key_client(alice, rate_limit_per_minute=100), 4) == [200, 200, 200, 429]

    def test_many_keys_share_their_users_plan_budget(self, alice, small_limits):
        assert statuses(key_client(alice), 2) == [200, 200]
        assert statuses(key_client(alice), 2) == [200, 429]

    def test_the_budget_comes_back_in_the_next_window(self, alice_api, small_limits):
        assert statuses(alice_api, 4)[-1] == 429
        with mock.patch.object(throttles.time, "time", return_value=1_000_080.0):
            assert alice_api.get("/api/circuits").status_code == 200


class TestLogin:
    def test_repeated_login_attempts_from_one_ip_are_throttled(self, api, alice, small_limits):
        body = {"identifier": "alice", "password": "wrong-password"}
        assert [api.post("/api/auth/login", body, format="json").status_code for _ in range(2)] == [401, 401]
        response = api.post("/api/auth/login", {"identifier": "alice", "password": PASSWORD}, format="json")
        assert response.status_code == 429
        assert response["Retry-After"]

    def test_register_is_throttled_too(self, api, small_limits):
        def register(i):
            body = {"email": f"u{i}@example.com", "username": f"user-{i}", "password": PASSWORD, "name": "U"}
            return api.post("/api/auth/register", body, format="json").status_code

        assert [register(i) for i in range(3)] == [201, 201, 429]


class StarView(APIView):
    scopes = CIRCUITS
    throttle_classes = with_default_throttles(StarThrottle)

    def get(self, request):
        return Response({})

    def post(self, request):
        return Response({})


class ForkView(StarView):
    throttle_classes = with_default_throttles(ForkThrottle)


def call(view, user, method="post"):
    request = getattr(APIRequestFactory(), method)("/x")
    force_authenticate(request, user=user)
    return view.as_view()(request)


class TestActionThrottles:
    def test_stars_are_limited_per_user(self, alice, bob, small_limits):
        assert [call(StarView, alice).status_code for _ in range(3)] == [200, 200, 429]
        assert call(StarView, bob).status_code == 200

    def test_forks_are_limited_per_user_with_retry_after(self, alice, small_limits):
        assert call(ForkView, alice).status_code == 200
        response = call(ForkView, alice)
        assert response.status_code == 429 and int(response["Retry-After"]) >= 1

    def test_reading_a_starrable_resource_is_not_a_star_action(self, alice, small_limits):
        assert [call(StarView, alice, "get").status_code for _ in range(3)] == [200, 200, 200]

    def test_the_api_limit_still_applies_next_to_the_action_limit(self, alice, small_limits, settings):
        settings.QH_STAR_PER_MINUTE = 100
        assert [call(StarView, alice).status_code for _ in range(4)] == [200, 200, 200, 429]


class TestCounter:
    def test_concurrent_hits_admit_exactly_the_limit(self):
        admitted = []

        def worker():
            for _ in range(10):
                admitted.append(window_hit("test:concurrent", limit=25) is None)

        threads = [threading.Thread(target=worker) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert admitted.count(True) == 25

    def test_the_wait_is_the_time_left_in_the_window(self):
        with mock.patch.object(throttles.time, "time", return_value=6_000_045.5):
            window_hit("test:wait", limit=0)
            assert window_hit("test:wait", limit=0) == 15
