"""Shared test personas and clients.

alice owns the organization `lab`; bob is a member of `lab`; charlie is an outsider; plus anonymous.
Each persona has an API client authenticated with a JWT (`alice_api`, ...); `alice_key` and
`bob_key` are clients authenticated with an all-scopes user API key; `key_client()` makes others.
"""

import pytest
from rest_framework.test import APIClient

from accounts.services import tokens_issue, user_register
from orgs.models import Role
from qubithub.api.scopes import ALL_SCOPES

PASSWORD = "Qu4ntum!Leap#42"


@pytest.fixture(autouse=True)
def _isolated_environment(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.QH_DISPATCH_INLINE = True
    # Argon2 is deliberately slow; tests that check hashing ask for it themselves.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.cache import cache

    cache.clear()
    yield


def make_user(username: str, **extra):
    return user_register(
        email=extra.pop("email", f"{username}@example.com"),
        username=username,
        password=PASSWORD,
        name=extra.pop("name", username.capitalize()),
    )


def jwt_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens_issue(user=user)['access_token']}")
    return client


def key_client(user, scopes=ALL_SCOPES, *, organization=None, **fields) -> APIClient:
    """A client authenticated by a new API key (`X-API-Key`): `client.api_key`, `client.plaintext`."""
    from accounts.keys import api_key_create

    issued = api_key_create(user=user, name="test", scopes=list(scopes), organization=organization, **fields)
    client = APIClient()
    client.credentials(HTTP_X_API_KEY=issued.plaintext)
    client.api_key = issued.api_key
    client.plaintext = issued.plaintext
    return client


@pytest.fixture
def alice(db):
    return make_user("alice")


@pytest.fixture
def bob(db):
    return make_user("bob")


@pytest.fixture
def charlie(db):
    return make_user("charlie")


@pytest.fixture
def lab(alice, bob):
    from orgs.models import Membership
    from orgs.services import org_create

    org = org_create(creator=alice, name="Quantum Lab", slug="lab")
    Membership.objects.create(organization=org, user=bob, role=Role.MEMBER)
    return org


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def alice_api(alice):
    return jwt_client(alice)


@pytest.fixture
def bob_api(bob):
    return jwt_client(bob)


@pytest.fixture
def charlie_api(charlie):
    return jwt_client(charlie)


@pytest.fixture
def alice_key(alice):
    return key_client(alice)


@pytest.fixture
def bob_key(bob):
    return key_client(bob)


# --- Real services (PostgreSQL, Redis, Celery, daphne) ----------------------------------------------------
def services_configured() -> bool:
    from django.conf import settings

    return bool(settings.REDIS_URL) and settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def pytest_sessionstart(session):
    import os

    if os.environ.get("QH_REQUIRE_SERVICES") != "1":
        return
    import django

    django.setup()
    if not services_configured():
        pytest.exit("QH_REQUIRE_SERVICES=1 but DATABASE_URL (PostgreSQL) and REDIS_URL are not both set", returncode=3)
    import redis
    from django.conf import settings

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_timeout=3).ping()
    except Exception as exc:
        pytest.exit(f"QH_REQUIRE_SERVICES=1 but Redis is unreachable: {exc}", returncode=3)


def pytest_collection_modifyitems(config, items):
    import os

    if services_configured() or os.environ.get("QH_REQUIRE_SERVICES") == "1":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL and Redis (set DATABASE_URL and REDIS_URL)")
    for item in items:
        if "services" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def live_stack(django_db_setup, django_db_blocker, tmp_path_factory):
    """daphne + a Celery worker on every queue + Celery beat, on the test database."""
    from qubithub.testing.live import Stack

    stack = Stack(log_dir=tmp_path_factory.mktemp("stack-logs"), media_root=tmp_path_factory.mktemp("stack-media"))
    with django_db_blocker.unblock():
        stack.base_url = stack.start_web()
        stack.start_worker()
        stack.start_beat()
    yield stack
    stack.stop()
    for log in stack.log_dir.glob("*.log"):
        tail = log.read_text(errors="replace")[-3000:]
        print(f"\n--- {log.name} (tail) ---\n{tail}")


@pytest.fixture
def on_live_stack(live_stack, settings, transactional_db):
    """A test that talks to the live stack: committed data, shared media, work sent through Celery."""
    settings.MEDIA_ROOT = live_stack.media_root
    settings.QH_DISPATCH_INLINE = False
    return live_stack
