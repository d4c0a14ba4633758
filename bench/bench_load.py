"""Load: a mixed browse / view / star / run / preview workload with locust, headless, on 127.0.0.1 only.

Run by qubithub/tests/hardening/test_load.py against a production-mode stack (uvicorn, Celery, PostgreSQL, Redis);
by hand:
    QH_LOAD_TOKENS=<jwt>,<jwt> QH_LOAD_CIRCUITS=<uuid>,<uuid> QH_LOAD_PAGES=/alice/bell QH_LOAD_DATASET=<uuid> \
    QH_LOAD_REPORT=/tmp/load.json .venv/bin/locust -f bench/bench_load.py --headless -u 10 -r 10 -t 60s \
      --host http://127.0.0.1:8000
Writes throughput, error rate and p50/p95/p99 per kind of request (reads, writes) to $QH_LOAD_REPORT.
"""

import itertools
import json
import os
import random
import threading
import time

from locust import HttpUser, between, events, task

TOKENS = itertools.cycle([t for t in os.environ.get("QH_LOAD_TOKENS", "").split(",") if t])
CIRCUITS = [c for c in os.environ.get("QH_LOAD_CIRCUITS", "").split(",") if c]
PAGES = [p for p in os.environ.get("QH_LOAD_PAGES", "").split(",") if p]
DATASET = os.environ.get("QH_LOAD_DATASET", "")
READS = {"browse", "view", "page", "preview"}
_samples: dict[str, list[float]] = {}
_errors: dict[str, int] = {}
_failures: dict[str, int] = {}
_lock = threading.Lock()
_started = [0.0]


class Visitor(HttpUser):
    wait_time = between(0.05, 0.25)

    def on_start(self):
        self.client.headers["Authorization"] = f"Bearer {next(TOKENS)}"

    @task(4)
    def browse(self):
        sort = random.choice(["-stars_count", "created_at", "name", "-runs_count"])
        self.client.get(f"/api/circuits?page={random.randint(1, 2)}&limit=20&sort={sort}", name="browse")

    @task(4)
    def view(self):
        self.client.get(f"/api/circuits/{random.choice(CIRCUITS)}", name="view")

    @task(1)
    def page(self):
        self.client.get(random.choice(PAGES), name="page")

    @task(2)
    def preview(self):
        self.client.get(f"/api/datasets/{DATASET}/preview", name="preview")

    @task(1)
    def star(self):
        self.client.post(f"/api/circuits/{random.choice(CIRCUITS)}/star", name="star")

    @task(1)
    def submit_run(self):
        body = {"circuit_id": random.choice(CIRCUITS), "shots": 128}
        self.client.post("/api/runs", json=body, name="run")


@events.test_start.add_listener
def _start(**kwargs):
    _started[0] = time.monotonic()


@events.request.add_listener
def _record(name, response_time, exception, response=None, **kwargs):
    kind = "reads" if name in READS else "writes"
    failed = exception is not None or response is None or response.status_code >= 400
    with _lock:
        for key in (kind, f"{kind}:{name}"):
            _samples.setdefault(key, []).append(response_time)
        _errors[kind] = _errors.get(kind, 0) + int(failed)
        if failed:
            reason = type(exception).__name__ if exception is not None else response.status_code
            _failures[f"{name} {reason}"] = _failures.get(f"{name} {reason}", 0) + 1


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else 0.0


def summary(samples: dict[str, list[float]], errors: dict[str, int], seconds: float) -> dict:
    everything = [v for kind in ("reads", "writes") for v in samples.get(kind, [])]
    report = {"seconds": round(seconds, 1), "requests": len(everything), "errors": sum(errors.values())}
    report["throughput_rps"] = round(len(everything) / seconds, 1) if seconds else 0.0
    report["error_rate"] = round(report["errors"] / len(everything), 4) if everything else 0.0
    for kind, values in [("all", everything), *samples.items()]:
        report[kind] = {
            "count": len(values),
            **{f"p{int(q * 100)}_ms": round(percentile(values, q), 1) for q in (0.5, 0.95, 0.99)},
        }
    return report


@events.test_stop.add_listener
def _report(**kwargs):
    path = os.environ.get("QH_LOAD_REPORT")
    if path:
        with _lock:
            data = summary(_samples, _errors, time.monotonic() - _started[0])
            data["failures"] = dict(_failures)
        with open(path, "w") as handle:
            json.dump(data, handle)
