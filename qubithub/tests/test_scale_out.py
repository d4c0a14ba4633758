"""Several machines on one: two daphne web processes and three Celery workers (one per queue group) as separate
processes sharing PostgreSQL and Redis. Runs, uploads and space executions go in through both web processes; every
job must finish on the worker of its queue, and the request id must follow a run into its worker's log."""

import asyncio
import json
import re
import urllib.request

import pytest
import websockets

from accounts.services import tokens_issue
from circuits.models import CircuitVersion
from qubithub.testing.live import Stack, wait_for
from runs.models import Run
from spaces.models import SpaceExecution

pytestmark = [pytest.mark.services, pytest.mark.slow]
GROUPS = {"runs": "simulation,emulation", "sandbox": "sandbox", "general": "default,processing,hardware"}
TASK_GROUP = {"runs.execute": "runs", "spaces.execute": "sandbox", "circuits.analyse_version": "general"}
BELL = b"""from qiskit import QuantumCircuit


def create_circuit():
    qc = QuantumCircuit(2, 2)
    qc.h(0)
    qc.cx(0, 1)
    qc.measure([0, 1], [0, 1])
    return qc
"""


def call(base: str, method: str, path: str, token: str, body=None, headers=None):
    data, content_type = body, "application/json"
    if isinstance(body, dict):
        data = json.dumps(body).encode()
    elif isinstance(body, tuple):  # (filename, bytes): one multipart "file"
        boundary = "qhscaleboundary"
        content_type = f"multipart/form-data; boundary={boundary}"
        data = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{body[0]}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n".encode()
            + body[1]
            + f"\r\n--{boundary}--\r\n".encode()
        )
    request = urllib.request.Request(
        f"{base}/api{path}",
        method=method,
        data=data,
        headers={"Authorization": f"Bearer {token}", "Content-Type": content_type, **(headers or {})},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


@pytest.fixture
def scaled(quiet_live_stack, tmp_path):
    stack = Stack(log_dir=tmp_path, media_root=quiet_live_stack.media_root)
    try:
        stack.webs = [stack.start_web("web-a"), stack.start_web("web-b")]
        for name, queues in GROUPS.items():
            stack.start_worker(name, queues=queues, concurrency=1)
        stack.start_beat()
        yield stack
    finally:
        stack.stop()
        for log in sorted(tmp_path.glob("*.log")):
            text = log.read_text(errors="replace")
            failures = [line[:3000] for line in text.splitlines() if "Traceback" in line or '"ERROR"' in line]
            print(f"\n--- {log.name}: {len(failures)} error lines ---\n" + "\n".join(failures[-3:]))


def finished_tasks(stack: Stack) -> dict[str, set[str]]:
    """Task names each worker reports as started in its own log."""
    seen = {}
    for name in GROUPS:
        text = (stack.log_dir / f"{name}.log").read_text(errors="replace")
        seen[name] = set(re.findall(r"Task ([a-z_.]+)\[[0-9a-f-]+\] started", text))
    return seen


def test_jobs_from_two_web_processes_finish_on_the_workers_of_their_queues(scaled, alice):
    token = tokens_issue(user=alice)["access_token"]
    a, b = scaled.webs
    circuit = call(a, "POST", "/circuits", token, {"name": "scaled-bell", "title": "Scaled", "framework": "qiskit"})
    upload = call(b, "POST", f"/circuits/{circuit['id']}/upload", token, ("circuit.py", BELL))
    assert upload["files"][0]["name"] == "circuit.py"
    space = call(b, "POST", "/spaces", token, {"name": "scaled-space", "title": "Scaled space"})

    runs, executions = [], []
    for i in range(8):
        web = (a, b)[i % 2]
        kind = {"backend_type": "emulation", "backend_name": "fake_athens"} if i % 4 == 3 else {}
        body = {"circuit_id": circuit["id"], "shots": 256, **kind}
        runs.append(call(web, "POST", "/runs", token, body, headers={"X-Request-ID": f"scale-run-{i}"})["id"])
    for i in range(2):
        started = call(
            (b, a)[i % 2],
            "POST",
            f"/spaces/{space['id']}/executions",
            token,
            {"code": f"print({i} * 7)", "timeout": 240},
        )
        executions.append(started["id"])

    # a client of web B watches a run submitted through web A (one channel layer for every process)
    async def watch(run_id):
        url = b.replace("http", "ws") + f"/ws/runs/{run_id}?token={token}"
        async with websockets.connect(url) as ws:
            return [json.loads(message) async for message in ws]

    streamed = asyncio.run(asyncio.wait_for(watch(runs[0]), timeout=180))
    assert streamed[-1]["status"] == "completed"

    wait_for(lambda: all(Run.objects.get(pk=r).is_terminal for r in runs), what="all runs", timeout=240, interval=1)
    wait_for(
        lambda: all(SpaceExecution.objects.get(pk=e).status not in ("pending", "running") for e in executions),
        what="space executions",
        timeout=180,
        interval=1,
    )
    version = CircuitVersion.objects.get(circuit_id=circuit["id"], version_number=1)
    wait_for(lambda: CircuitVersion.objects.get(pk=version.pk).analysis, what="analysis", timeout=120, interval=1)

    runs_worker = f":{scaled.processes['runs'].pid}"
    for run in Run.objects.filter(pk__in=runs):
        assert run.status == "completed", (run.id, run.status, run.error_message)
        assert run.worker.endswith(runs_worker), (run.worker, runs_worker)
    done = [SpaceExecution.objects.get(pk=e) for e in executions]
    assert sorted(e.output.strip() for e in done) == ["0", "7"], [(e.status, e.output, e.error) for e in done]

    seen = finished_tasks(scaled)
    for task, group in TASK_GROUP.items():
        assert task in seen[group], (task, seen)
        assert all(task not in names for other, names in seen.items() if other != group), (task, seen)
    runs_log = (scaled.log_dir / "runs.log").read_text(errors="replace")
    lines = [json.loads(line) for line in runs_log.splitlines() if line.startswith("{") and "scale-run-" in line]
    assert {line["request_id"] for line in lines} >= {f"scale-run-{i}" for i in range(8)}
    web_logs = {w: (scaled.log_dir / f"{w}.log").stat().st_size for w in ("web-a", "web-b")}
    print(f"\nscale-out: 8 runs (6 simulation, 2 emulation), 1 upload + analysis, 2 space executions; {web_logs}")
