"""GET /api/circuits with framework and tag filters, pages 1 and 500, over 100,000 circuits and 1,000,000 stars.

Runs against PostgreSQL (default postgres://postgres@127.0.0.1:5432/qh_bench, created if missing) through the
whole Django stack (URL routing, authentication, view, serializers, JSON) with the test client, and prints
p50/p90 per case and the SQL query count per request.

    .venv/bin/python bench/bench_circuit_list.py [--reload] [--repeat 50]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = os.environ.get("QH_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/qh_bench")
os.environ["DATABASE_URL"] = BENCH_DB
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("QH_ALLOW_INSECURE", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qubithub.settings")
os.environ.setdefault("QH_ANON_REQUESTS_PER_MINUTE", "100000000")
os.environ.setdefault("QH_FREE_REQUESTS_PER_MINUTE", "100000000")

CIRCUITS, STARS, USERS, ORGS = 100_000, 1_000_000, 20_000, 2_000
TAGS = ["entanglement", "vqe", "qaoa", "grover", "qft", "chemistry", "optimization", "teaching"]

LOAD_SQL = f"""
INSERT INTO accounts_user (id, password, is_superuser, username, first_name, last_name, email, is_staff, is_active,
                           date_joined, name, avatar, bio, plan, created_at, updated_at)
SELECT md5('u' || i)::uuid, '!', false, 'user' || i, '', '', 'user' || i || '@bench.local', false, true,
       now(), 'User ' || i, '', '', 'free', now(), now()
FROM generate_series(1, {USERS}) AS i;

INSERT INTO orgs_organization (id, name, slug, description, avatar_url, personal_for_id, created_at, updated_at)
SELECT md5('o' || i)::uuid, 'User ' || i, 'user' || i, '', '', md5('u' || i)::uuid, now(), now()
FROM generate_series(1, {ORGS}) AS i;

INSERT INTO orgs_membership (id, organization_id, user_id, role, created_at)
SELECT md5('m' || i)::uuid, md5('o' || i)::uuid, md5('u' || i)::uuid, 'owner', now()
FROM generate_series(1, {ORGS}) AS i;

INSERT INTO circuits_tag (name) SELECT unnest(ARRAY{TAGS!r}::text[]);

INSERT INTO circuits_circuit (id, organization_id, created_by_id, is_public, created_at, updated_at, name, title,
    description, framework, qubits, gates, depth, extra_metadata, forked_from_id, stars_count, views_count,
    forks_count, runs_count)
SELECT md5('c' || i)::uuid, md5('o' || (1 + i % {ORGS}))::uuid, md5('u' || (1 + i % {ORGS}))::uuid, i % 10 <> 0,
       now() - (i || ' seconds')::interval, now(), 'circuit-' || i, 'Circuit ' || i, 'A benchmark circuit',
       (ARRAY['qiskit', 'qiskit', 'pennylane', 'cirq', 'openqasm3'])[1 + i % 5], 1 + i % 30, '["H", "CX"]', 3,
       '{{}}', NULL, 0, i % 1000, 0, i % 50
FROM generate_series(1, {CIRCUITS}) AS i;

INSERT INTO circuits_circuit_tags (circuit_id, tag_id)
SELECT md5('c' || i)::uuid, t.id FROM generate_series(1, {CIRCUITS}) AS i
JOIN circuits_tag t ON t.name = (ARRAY{TAGS!r}::text[])[1 + i % {len(TAGS)}] OR (t.name = 'entanglement' AND i % 2 = 0);

INSERT INTO circuits_star (user_id, circuit_id, created_at)
SELECT md5('u' || (1 + ((s / {CIRCUITS}) * ({USERS} / 10) + s % ({USERS} / 10)) % {USERS}))::uuid,
       md5('c' || (1 + s % {CIRCUITS}))::uuid, now()
FROM generate_series(0, {STARS} - 1) AS s;

UPDATE circuits_circuit c SET stars_count = s.n
FROM (SELECT circuit_id, count(*) AS n FROM circuits_star GROUP BY circuit_id) s WHERE s.circuit_id = c.id;
ANALYZE;
"""


def ensure_database() -> None:
    import psycopg

    name = BENCH_DB.rsplit("/", 1)[1]
    with psycopg.connect(BENCH_DB.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def load(reload: bool) -> None:
    from django.core.management import call_command
    from django.db import connection

    from circuits.models import Circuit, Star

    call_command("migrate", verbosity=0)
    if not reload and Circuit.objects.count() == CIRCUITS:
        return
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE circuits_star, circuits_circuit_tags, circuits_tag, circuits_circuitfile, "
            "circuits_circuitversion, circuits_circuit, orgs_membership, orgs_organization, accounts_user CASCADE"
        )
        cursor.execute(LOAD_SQL)
    print(
        f"loaded {Circuit.objects.count():,} circuits, {Star.objects.count():,} stars "
        f"in {time.perf_counter() - started:.0f} s"
    )


def measure(client, path: str, params: dict, repeat: int) -> tuple[float, float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path, params)  # warm caches and the connection
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path, params)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content[:300]
    with CaptureQueriesContext(connection) as queries:
        body = client.get(path, params).json()
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.9) - 1], len(queries), body["total"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reload", action="store_true", help="drop and regenerate the data")
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    ensure_database()
    import django

    django.setup()
    from rest_framework.test import APIClient

    from accounts.models import User
    from accounts.services import tokens_issue

    load(args.reload)
    anonymous, signed_in = APIClient(), APIClient()
    token = tokens_issue(user=User.objects.get(username="user1"))["access_token"]
    signed_in.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    filters = {"framework": "qiskit", "tags": "entanglement"}
    cases = [
        ("anonymous, framework+tag, page 1", anonymous, {**filters, "page": 1}),
        ("anonymous, framework+tag, page 500", anonymous, {**filters, "page": 500}),
        ("signed in (is_starred), framework+tag, page 1", signed_in, {**filters, "page": 1}),
        ("signed in (is_starred), framework+tag, page 500", signed_in, {**filters, "page": 500}),
        ("anonymous, framework+tag, sort=-stars_count, page 1", anonymous, {**filters, "sort": "-stars_count"}),
        ("anonymous, framework+tag, limit=100, page 100", anonymous, {**filters, "page": 100, "limit": 100}),
    ]
    print(f"{'case':55} {'p50 ms':>8} {'p90 ms':>8} {'queries':>8} {'matches':>8}")
    for label, client, params in cases:
        p50, p90, queries, total = measure(client, "/api/circuits", params, args.repeat)
        print(f"{label:55} {p50:8.1f} {p90:8.1f} {queries:8d} {total:8d}")


if __name__ == "__main__":
    main()
