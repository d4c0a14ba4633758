"""Security sweep: IDOR over every object route, JWT tampering, path traversal, hostile bodies, CSRF, headers,
login throttling. Each test prints what it covered."""

import base64
import json
import re
import time
import uuid

import jwt
import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLResolver, get_resolver
from rest_framework.test import APIClient

from circuits.tests.conftest import make_circuit
from conftest import PASSWORD, jwt_client, key_client
from datasets.services import dataset_create
from runs.models import Run
from spaces.models import SpaceExecution
from spaces.tests.conftest import make_space

pytestmark = pytest.mark.django_db
METHODS = ("get", "post", "put", "patch", "delete")
SECRET_NAMES = ("secret-circuit", "secret-data", "secret-space")


def api_routes():
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern)

    return sorted({r for r in walk(get_resolver().url_patterns) if r.startswith("api/") and "<" in r})


@pytest.fixture
def private_world(alice, lab):
    """alice's private objects of every kind, plus her org's and her key's ids."""
    circuit = make_circuit(alice, "secret-circuit", is_public=False)
    version = circuit.versions.order_by("-version_number").first()
    dataset = dataset_create(creator=alice, name="secret-data", title="S", format="csv", is_public=False)
    space = make_space(alice, "secret-space", is_public=False, files={"main.py": b"print(1)\n"})
    return {
        "circuit_id": circuit.id,
        "file_path": version.files.first().path,
        "a": version.version_number,
        "b": version.version_number,
        "run_id": Run.objects.create(circuit=circuit, user=alice, status="completed").id,
        "dataset_id": dataset.id,
        "space_id": space.id,
        "file_id": space.files.first().id,
        "execution_id": SpaceExecution.objects.create(space=space, user=alice, code="print(1)", status="completed").id,
        "org_id": lab.id,
        "user_id": alice.id,
        "key_id": key_client(alice).api_key.id,
        # benchmark results and submissions: swept with ids that do not exist (TODO benchmarks: alice's own)
        "result_id": uuid.uuid4(),
        "submission_id": uuid.uuid4(),
    }


# catalogue, own credentials, public profiles, public benchmark suites and leaderboards
NOT_OBJECT_ROUTES = ("backends/", "providers/", "orgs/<slug:slug>", "benchmarks/suites/", "benchmarks/leaderboard/")


def concrete(route: str, values: dict) -> str | None:
    if any(part in route for part in NOT_OBJECT_ROUTES):
        return None
    path = route
    for kind, name in re.findall(r"<(\w+):(\w+)>", route):
        if name not in values:
            raise AssertionError(f"IDOR sweep does not know how to fill <{kind}:{name}> in {route}: add it")
        path = path.replace(f"<{kind}:{name}>", str(values[name]))
    return "/" + path


@pytest.fixture
def generous_limits(settings):
    settings.QH_PLAN_LIMITS = {
        plan: {**limits, "requests_per_minute": 100_000} for plan, limits in settings.QH_PLAN_LIMITS.items()
    }
    settings.QH_STAR_PER_MINUTE = settings.QH_FORK_PER_MINUTE = 100_000


def plausible_body(user) -> dict:
    """Fields most write endpoints accept, so that an authorization hole is not hidden behind a 400."""
    return {
        "name": "x-probe",
        "title": "Probe",
        "description": "p",
        "is_public": True,
        "role": "admin",
        "scopes": ["circuit:read"],
        "username": user.username,
        "user_id": str(user.id),
        "email": user.email,
        "path": "probe.py",
        "content": "print(1)",
        "code": "print(1)",
        "shots": 10,
        "framework": "qiskit",
    }


def test_an_outsider_gets_nothing_from_any_object_route(private_world, charlie, generous_limits):
    outsider = jwt_client(charlie)
    checked, leaks = 0, []
    for route in api_routes():
        path = concrete(route, private_world)
        if path is None:
            continue
        for method in METHODS:
            body = {} if method in ("get", "delete") else plausible_body(charlie)
            response = getattr(outsider, method)(path, body, format="json")
            checked += 1
            body = response.content.decode(errors="replace")
            if response.status_code not in (403, 404, 405) or any(name in body for name in SECRET_NAMES):
                leaks.append((method.upper(), route, response.status_code, body[:120]))
    print(f"\nIDOR sweep: {checked} requests over {len(api_routes())} routes as an outsider; leaks: {len(leaks)}")
    assert not leaks, leaks
    assert Run.objects.filter(pk=private_world["run_id"]).exists()


def test_lists_and_resolvers_do_not_reveal_private_objects(private_world, charlie, generous_limits):
    outsider = jwt_client(charlie)
    paths = [
        "/api/circuits",
        "/api/datasets",
        "/api/spaces",
        "/api/runs",
        "/api/orgs/lab/circuits",
        "/api/orgs/lab/datasets",
        "/api/orgs/lab/spaces",
        "/api/circuits/resolve?repo_name=alice/secret-circuit",
        "/api/spaces/resolve?repo_name=alice/secret-space",
        f"/api/runs?circuit_id={private_world['circuit_id']}",
    ]
    for path in paths:
        response = outsider.get(path)
        assert response.status_code in (200, 400, 404), (path, response.status_code)
        assert not any(name in response.content.decode() for name in SECRET_NAMES), path
    print(f"\nIDOR lists: {len(paths)} list/resolve endpoints show no private object")


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def swap_payload(token: str, claims: dict) -> str:
    header, _, signature = token.split(".")
    return f"{header}.{_b64(claims)}.{signature}"


def test_tampered_tokens_are_refused(alice):
    from accounts.services import tokens_issue

    good = tokens_issue(user=alice)["access_token"]
    claims = jwt.decode(good, options={"verify_signature": False})
    now = int(time.time())
    forged = {
        "alg none": f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}.",
        "wrong key": jwt.encode(claims, "not-the-server-key-0123456789abcdef", algorithm="HS256"),
        "expired": jwt.encode({**claims, "exp": now - 60, "iat": now - 1000}, django_settings.SECRET_KEY, "HS256"),
        "other user, same signature": swap_payload(good, {**claims, "user_id": "00000000-0000-0000-0000-000000000000"}),
        "HS512 with the key": jwt.encode(claims, django_settings.SECRET_KEY, algorithm="HS512"),
        "garbage": "not.a.jwt",
    }
    for name, token in forged.items():
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        assert client.get("/api/auth/me").status_code == 401, name
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {good}")
    assert client.get("/api/auth/me").status_code == 200
    print(f"\nJWT tampering: {len(forged)} forged tokens refused with 401, the genuine one accepted")


def test_a_used_refresh_token_cannot_be_used_again(alice):
    client = APIClient()
    login = client.post("/api/auth/login", {"identifier": "alice", "password": PASSWORD}, format="json").json()
    first = client.post("/api/auth/refresh", {"refresh_token": login["refresh_token"]}, format="json")
    assert first.status_code == 200, first.content
    again = client.post("/api/auth/refresh", {"refresh_token": login["refresh_token"]}, format="json")
    assert again.status_code == 401
    as_refresh = client.post("/api/auth/refresh", {"refresh_token": login["access_token"]}, format="json")
    assert as_refresh.status_code == 401
    print("\nJWT refresh: rotation refuses a reused refresh token and an access token posing as one")


TRAVERSALS = [
    "../../../../etc/passwd",
    "..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/etc/passwd",
    "/etc/passwd",
    "circuits/../../qubithub/settings.py",
    "circuits/x/v1/..%5c..%5csettings.py",
    "....//....//etc/passwd",
    "circuits/%00/v1/a.py",
    "circuits\\..\\..\\manage.py",
]


def test_file_paths_cannot_leave_storage(alice_api, private_world):
    for attempt in TRAVERSALS:
        response = alice_api.get(f"/api/files/{attempt}")
        assert response.status_code in (400, 404), (attempt, response.status_code)
        assert b"root:" not in response.content and b"SECRET_KEY" not in response.content
    print(f"\npath traversal: {len(TRAVERSALS)} download paths refused")


def test_uploaded_and_space_file_names_cannot_escape(alice_api, private_world, settings):
    media = settings.MEDIA_ROOT
    for name in ("../../evil.py", "/abs/evil.py", "..\\..\\evil.py", "a/../../evil.py", ".git/config"):
        response = alice_api.post(
            f"/api/circuits/{private_world['circuit_id']}/upload",
            {"file": SimpleUploadedFile(name, b"x = 1\n")},
            format="multipart",
        )
        stored = [f["path"] for f in response.json().get("files", [])] if response.status_code < 300 else []
        assert all(".." not in p and not p.startswith("/") for p in stored), (name, stored)
        created = alice_api.post(
            f"/api/spaces/{private_world['space_id']}/files", {"path": name, "content": "x"}, format="json"
        )
        assert created.status_code in (400, 413, 422), (name, created.status_code, created.content)
    inside = (media / "circuits").resolve()
    escaped = [p for p in media.parent.rglob("evil.py") if not p.resolve().is_relative_to(inside)]
    assert escaped == []
    print("\npath traversal: 5 hostile names refused or neutralised for circuit uploads and space files")


def test_malformed_and_oversized_bodies_get_4xx_not_5xx(alice_api, private_world, generous_limits):
    cases = {
        "invalid json": (b"{not json", "application/json"),
        "json array": (b"[1, 2, 3]", "application/json"),
        "deep nesting": (b"[" * 5000 + b"]" * 5000, "application/json"),
        "wrong type": (b"name=x", "text/plain"),
        "broken multipart": (b"--x\r\nnonsense", "multipart/form-data; boundary=x"),
        "11 MB json": (b'{"name": "' + b"a" * (11 * 1024 * 1024) + b'"}', "application/json"),
        "null bytes": (b'{"name": "a\\u0000b", "title": "t\\u0000"}', "application/json"),
        "nul in a json field": (
            b'{"name": "nul", "title": "t", "tags": ["a\\u0000"], "x\\u0000": {}}',
            "application/json",
        ),
    }
    targets = ["/api/circuits", "/api/runs", f"/api/circuits/{private_world['circuit_id']}", "/api/auth/login"]
    statuses = {}
    for target in targets:
        for name, (body, content_type) in cases.items():
            method = "PATCH" if target.count("/") > 2 and "auth" not in target else "POST"
            response = alice_api.generic(method, target, body, content_type=content_type)
            statuses[(target, name)] = response.status_code
            assert 400 <= response.status_code < 500, (target, name, response.status_code, response.content[:200])
            assert "detail" in response.json(), (target, name)
    too_big = alice_api.post(
        f"/api/circuits/{private_world['circuit_id']}/upload",
        {"file": SimpleUploadedFile("big.py", b"#" * (django_settings.QH_MAX_UPLOAD_BYTES + 1))},
        format="multipart",
    )
    assert too_big.status_code in (400, 413) and "limit" in too_big.json()["detail"]
    print(f"\nhostile bodies: {len(statuses)} malformed/oversized requests, all 4xx with a detail; big upload refused")


def test_session_writes_need_the_csrf_token(alice):
    browser = APIClient(enforce_csrf_checks=True)
    browser.force_login(alice)
    refused = browser.post("/api/circuits", {"name": "csrf-x", "title": "X", "framework": "qiskit"}, format="json")
    assert refused.status_code == 403
    page = browser.get("/settings")
    token = page.cookies["csrftoken"].value if "csrftoken" in page.cookies else browser.cookies["csrftoken"].value
    body = {"name": "csrf-ok", "title": "Ok", "framework": "qiskit"}
    accepted = browser.post("/api/circuits", body, format="json", HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 201, accepted.content
    assert browser.post("/logout").status_code == 403  # a page form without the token
    print("\nCSRF: session-authenticated API and page writes refused without the token, accepted with it")


def test_security_headers_and_hsts_only_over_https(api, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    plain = api.get("/")
    assert "Strict-Transport-Security" not in plain
    secure = api.get("/", secure=True)
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")
    for response in (plain, secure, api.get("/api/circuits"), api.get("/api/nope")):
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert response["Referrer-Policy"] == "same-origin"
    print("\nheaders: CSP, nosniff, X-Frame-Options DENY, Referrer-Policy on pages, API and errors; HSTS on https")


def test_password_guessing_is_throttled(alice, settings):
    limit = settings.QH_AUTH_ATTEMPTS_PER_MINUTE
    client = APIClient()
    statuses = [
        client.post("/api/auth/login", {"identifier": "alice", "password": f"wrong-{i}"}, format="json").status_code
        for i in range(limit + 3)
    ]
    assert statuses[:limit] == [401] * limit, statuses
    assert statuses[-1] == 429
    blocked = client.post("/api/auth/login", {"identifier": "alice", "password": PASSWORD}, format="json")
    assert blocked.status_code == 429 and int(blocked["Retry-After"]) > 0
    print(f"\nbrute force: API login 429 after {limit} failures (Retry-After {blocked['Retry-After']} s)")


def test_password_guessing_on_the_login_page_is_throttled(alice, settings):
    page = APIClient()
    statuses = [
        page.post("/login", {"username": "alice", "password": f"wrong-{i}"}).status_code
        for i in range(settings.QH_AUTH_ATTEMPTS_PER_MINUTE + 3)
    ]
    assert statuses[-1] == 429, statuses


@pytest.mark.parametrize("error", ["redis", "database"])
def test_a_backing_service_outage_answers_503_with_retry_after(rf, error):
    from django.db import OperationalError
    from redis.exceptions import ConnectionError as RedisConnectionError

    from qubithub.api.middleware import ApiErrorMiddleware

    exception = RedisConnectionError("refused") if error == "redis" else OperationalError("server closed")
    response = ApiErrorMiddleware(lambda request: None).process_exception(rf.get("/api/circuits"), exception)
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "retry" in json.loads(response.content)["detail"]
