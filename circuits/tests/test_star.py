"""POST /api/circuits/{id}/star."""

import threading

import pytest
from django.db import connection

from circuits.models import Star
from circuits.services import circuit_star_toggle

pytestmark = pytest.mark.django_db


def star(client, circuit):
    return client.post(f"/api/circuits/{circuit.id}/star")


def test_star_then_unstar(bob_api, bell):
    assert star(bob_api, bell).json() == {"starred": True, "stars_count": 1}
    assert star(bob_api, bell).json() == {"starred": False, "stars_count": 0}


def test_stars_of_several_users_add_up_and_show_as_is_starred(alice_api, bob_api, bell):
    star(alice_api, bell)
    assert star(bob_api, bell).json()["stars_count"] == 2
    assert bob_api.get(f"/api/circuits/{bell.id}").json()["is_starred"] is True


def test_anonymous_star_is_401(api, bell):
    assert star(api, bell).status_code == 401


def test_a_private_circuit_the_caller_cannot_see_is_404(charlie_api, secret):
    assert star(charlie_api, secret).status_code == 404
    assert not Star.objects.exists()


def test_a_member_may_star_an_org_private_circuit(bob_api, secret):
    assert star(bob_api, secret).json() == {"starred": True, "stars_count": 1}


def test_starring_is_rate_limited_with_retry_after(settings, bob_api, bell):
    settings.QH_STAR_PER_MINUTE = 3
    statuses = [star(bob_api, bell).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert int(star(bob_api, bell)["Retry-After"]) >= 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_toggles_keep_the_count_exact(alice):
    from circuits.tests.conftest import make_circuit
    from conftest import make_user

    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (the CI's services run); SQLite serialises them")
    circuit = make_circuit(alice, "busy", with_files=False)
    fans = [make_user(f"fan{i}") for i in range(12)]
    errors = []

    def toggle(user):
        try:
            circuit_star_toggle(circuit=circuit, user=user)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    # every fan stars once, and the first three toggle twice more at the same time
    threads = [threading.Thread(target=toggle, args=(u,)) for u in fans + fans[:3] * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    circuit.refresh_from_db()
    rows = Star.objects.filter(circuit=circuit).count()
    assert circuit.stars_count == rows
    assert 9 <= rows <= 12
