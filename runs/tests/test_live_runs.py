"""Runs through the real production-mode stack: daphne, Celery workers, PostgreSQL, Redis."""

import asyncio
import json
import threading
import time
import urllib.request

import pytest
import websockets

from accounts.services import tokens_issue
from runs.models import Run, RunStatus
from runs.tests.conftest import publish_circuit

pytestmark = pytest.mark.services

SLOW = b"""import time
from qiskit import QuantumCircuit


def create_circuit():
    time.sleep(float(%s))
    qc = QuantumCircuit(1, 1)
    qc.x(0)
    qc.measure(0, 0)
    return qc
"""


def api(stack, method: str, path: str, token: str, body: dict | None = None):
    request = urllib.request.Request(
        f"{stack.base_url}/api{path}",
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


def wait_terminal(run_id, timeout: float = 90) -> Run:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = Run.objects.get(pk=run_id)
        if run.is_terminal:
            return run
        time.sleep(0.2)
    raise AssertionError(f"run {run_id} still {Run.objects.get(pk=run_id).status} after {timeout}s")


def test_readiness_sees_postgres_redis_and_the_channel_layer(on_live_stack):
    with urllib.request.urlopen(on_live_stack.base_url + "/readyz", timeout=10) as response:
        assert json.loads(response.read())["status"] == "ready"


def test_a_run_completes_on_a_worker_and_streams_over_the_websocket(on_live_stack, alice):
    circuit = publish_circuit(alice, "live-bell")
    token = tokens_issue(user=alice)["access_token"]
    run = api(on_live_stack, "POST", "/runs", token, {"circuit_id": str(circuit.id), "shots": 1000})

    async def watch():
        ws_url = on_live_stack.base_url.replace("http", "ws") + f"/ws/runs/{run['id']}?token={token}"
        async with websockets.connect(ws_url) as ws:
            return [json.loads(message) async for message in ws]

    messages = asyncio.run(asyncio.wait_for(watch(), timeout=120))
    assert messages[-1]["status"] == "completed"
    counts = messages[-1]["results"]["counts"]
    assert set(counts) == {"00", "11"} and 400 <= counts["00"] <= 600
    assert Run.objects.get(pk=run["id"]).worker  # executed by a worker process


def test_cancelling_kills_the_sandboxed_job(on_live_stack, alice):
    circuit = publish_circuit(alice, "sleepy")
    from circuits.services import IncomingFile, circuit_version_publish

    circuit_version_publish(
        circuit=circuit, author=alice, files=[IncomingFile("circuit.py", SLOW % b"30")], max_bytes=10**6
    )
    token = tokens_issue(user=alice)["access_token"]
    run = api(on_live_stack, "POST", "/runs", token, {"circuit_id": str(circuit.id)})
    from qubithub.testing.live import wait_for

    wait_for(lambda: Run.objects.get(pk=run["id"]).status == RunStatus.RUNNING, what="run to start", timeout=60)
    started = time.monotonic()
    api(on_live_stack, "DELETE", f"/runs/{run['id']}", token)
    assert wait_terminal(run["id"]).status == "cancelled"
    # the worker is free again well before the 30 s sleep would have ended
    quick = api(on_live_stack, "POST", "/runs", token, {"circuit_id": str(publish_circuit(alice, "after").id)})
    assert wait_terminal(quick["id"], timeout=25).status == "completed"
    assert time.monotonic() - started < 25


def test_killing_a_worker_mid_run_still_ends_the_run(on_live_stack, alice, settings):
    circuit = publish_circuit(alice, "long")
    from circuits.services import IncomingFile, circuit_version_publish

    circuit_version_publish(
        circuit=circuit, author=alice, files=[IncomingFile("circuit.py", SLOW % b"4")], max_bytes=10**6
    )
    on_live_stack.start_worker("doomed", queues="simulation", concurrency=1)
    on_live_stack.kill("worker")  # only the doomed worker takes simulation runs now
    token = tokens_issue(user=alice)["access_token"]
    run = api(on_live_stack, "POST", "/runs", token, {"circuit_id": str(circuit.id)})
    from qubithub.testing.live import wait_for

    wait_for(lambda: Run.objects.get(pk=run["id"]).status == RunStatus.RUNNING, what="run to start", timeout=60)
    on_live_stack.kill("doomed")  # kill -9 of the whole worker: its message stays unacknowledged in Redis
    on_live_stack.start_worker()  # beat's recovery sees the run's heartbeat stop and sends it again
    final = wait_terminal(run["id"], timeout=120)
    assert final.status == "completed", (final.status, final.error_message)
    assert final.attempts == 2
    assert final.results["counts"] == {"1": 1024}


@pytest.mark.timeout(900)
def test_two_hundred_runs_from_four_threads_all_finish_once(on_live_stack, alice):
    circuit = publish_circuit(alice, "many")
    token = tokens_issue(user=alice)["access_token"]
    ids, errors = [], []

    def submit(count):
        for _ in range(count):
            try:
                ids.append(
                    api(on_live_stack, "POST", "/runs", token, {"circuit_id": str(circuit.id), "shots": 64})["id"]
                )
            except Exception as exc:
                errors.append(exc)

    threads = [threading.Thread(target=submit, args=(50,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(set(ids)) == 200
    for run_id in ids:
        assert wait_terminal(run_id, timeout=240).status == "completed"
    assert Run.objects.filter(circuit=circuit).count() == 200
    assert Run.objects.filter(circuit=circuit, attempts=1).count() == 200
    circuit.refresh_from_db()
    assert circuit.runs_count == 200
