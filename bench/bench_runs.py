"""Runs benchmark: end-to-end latency (POST -> completed message on the WebSocket), sustained throughput of
small runs, and the platform's overhead on a 20-qubit depth-20 random circuit versus AerSimulator in-process.

    .venv/bin/python bench/bench_runs.py --mode production   # PostgreSQL + Redis + uvicorn + 2 Celery processes
    .venv/bin/python bench/bench_runs.py --mode embedded     # what ./qh start runs

Prints figures; asserts nothing. Needs PostgreSQL and Redis on 127.0.0.1 for production mode.
"""

import argparse
import asyncio
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import websockets

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
RANDOM_20 = b"""from qiskit import transpile
from qiskit.circuit.random import random_circuit


def create_circuit():
    qc = random_circuit(20, 20, max_operands=2, measure=True, seed=1234)
    return transpile(qc, basis_gates=["u", "cx", "measure"], optimization_level=0, seed_transpiler=1)
"""


def environment(mode: str, var_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        QH_VAR_DIR=str(var_dir),
        PYTHONUNBUFFERED="1",
        QH_FREE_REQUESTS_PER_MINUTE="10000000",
        QH_FREE_RUNS_PER_DAY="10000000",
        QH_FREE_SHOTS_PER_MONTH="100000000000",
        QH_LOG_LEVEL="WARNING",
    )
    if mode == "production":
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "qh_bench_runs"], check=True)
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", "qh_bench_runs"], check=True)
        subprocess.run(["redis-cli", "-n", "12", "flushdb"], check=True, capture_output=True)
        env.update(
            DATABASE_URL="postgres://postgres@127.0.0.1:5432/qh_bench_runs",
            REDIS_URL="redis://127.0.0.1:6379/12",
            SECRET_KEY="bench-secret-key-" + "x" * 40,
        )
    return env


def start(mode: str, env: dict, port: int, log_dir: Path) -> list[subprocess.Popen]:
    subprocess.run([PY, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PY, "manage.py", "load_demo"], cwd=ROOT, env=env, check=True, capture_output=True)

    def spawn(name: str, cmd: list[str]) -> subprocess.Popen:
        log = open(log_dir / f"{name}.log", "wb")  # noqa: SIM115  (the child writes to it while it lives)
        return subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True, stdout=log, stderr=subprocess.STDOUT)

    processes = [
        spawn(
            "web",
            [
                PY,
                "-m",
                "uvicorn",
                "qubithub.asgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--http",
                "httptools",
                "--ws",
                "websockets",
                "--log-level",
                "warning",
            ],
        )
    ]
    if mode == "production":
        processes.append(
            spawn(
                "worker",
                [
                    PY,
                    "-m",
                    "celery",
                    "-A",
                    "qubithub",
                    "worker",
                    "-Q",
                    "simulation,default",
                    "-c",
                    "2",
                    "--without-gossip",
                    "--without-mingle",
                    "-l",
                    "WARNING",
                ],
            )
        )
    return processes


def call(base: str, method: str, path: str, token: str | None = None, body=None, files=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    data = None
    if body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    if files is not None:
        boundary = "qhbench"
        parts = b"".join(
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{n}"\r\n\r\n'.encode()
            + c
            + b"\r\n"
            for n, c in files.items()
        )
        data = parts + f"--{boundary}--\r\n".encode()
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
    request = urllib.request.Request(base + "/api" + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read() or b"null")


def wait_up(base: str) -> None:
    for _ in range(600):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            return
        except Exception:
            time.sleep(0.2)
    raise SystemExit("server did not start")


async def run_and_watch(base: str, token: str, circuit_id: str, shots: int = 1024) -> tuple[float, dict]:
    started = time.perf_counter()
    run = call(base, "POST", "/runs", token, {"circuit_id": circuit_id, "shots": shots})
    async with websockets.connect(base.replace("http", "ws") + f"/ws/runs/{run['id']}?token={token}") as ws:
        async for message in ws:
            state = json.loads(message)
            if state["status"] in ("completed", "failed", "cancelled"):
                return time.perf_counter() - started, state
    raise RuntimeError("socket closed before the run ended")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def latency(base, token, circuit_id, count: int) -> list[float]:
    for _ in range(5):  # warm: worker zygotes, catalogue, connections
        asyncio.run(run_and_watch(base, token, circuit_id))
    samples = []
    for _ in range(count):
        seconds, state = asyncio.run(run_and_watch(base, token, circuit_id))
        assert state["status"] == "completed", state
        samples.append(seconds * 1000)
    return samples


def throughput(base, token, circuit_id, seconds: int, threads: int = 8) -> tuple[int, float]:
    ids, stop = [], time.monotonic() + seconds

    def submit():
        while time.monotonic() < stop:
            ids.append(call(base, "POST", "/runs", token, {"circuit_id": circuit_id, "shots": 256})["id"])
            time.sleep(0.01)

    workers = [threading.Thread(target=submit) for _ in range(threads)]
    started = time.monotonic()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    while time.monotonic() - started < seconds + 300:
        stats = call(base, "GET", "/runs/users/me/stats", token)
        if stats["pending_runs"] + stats["queued_runs"] + stats["running_runs"] == 0:
            break
        time.sleep(0.5)
    return len(ids), time.monotonic() - started


def direct_random_20() -> float:
    code = (
        "import time;from qiskit import transpile;from qiskit.circuit.random import random_circuit;"
        "from qiskit_aer import AerSimulator;qc=random_circuit(20,20,max_operands=2,measure=True,seed=1234);"
        "qc=transpile(qc,basis_gates=['u','cx','measure'],optimization_level=0,seed_transpiler=1);"
        "sim=AerSimulator();"
        "sim.run(qc,shots=1024).result();t=time.perf_counter();sim.run(qc,shots=1024).result();"
        "print(time.perf_counter()-t)"
    )
    return float(subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True).stdout)


def overhead(base, token) -> tuple[float, float]:
    circuit = call(
        base,
        "POST",
        "/circuits",
        token,
        {"name": f"random-20-{int(time.time())}", "title": "Random 20", "framework": "qiskit", "qubits": 20},
    )
    call(base, "POST", f"/circuits/{circuit['id']}/upload-batch", token, files={"circuit.py": RANDOM_20})
    asyncio.run(run_and_watch(base, token, circuit["id"]))
    platform = min(asyncio.run(run_and_watch(base, token, circuit["id"]))[0] for _ in range(3))
    direct = min(direct_random_20() for _ in range(3))
    return platform, direct


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["production", "embedded"], default="production")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()
    var_dir = Path(tempfile.mkdtemp(prefix="qh-bench-runs-"))
    env, port = environment(args.mode, var_dir), 8790
    processes = start(args.mode, env, port, var_dir)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_up(base)
        token = call(base, "POST", "/auth/login", body={"identifier": "demo", "password": "quantum-demo"})[
            "access_token"
        ]
        bell = call(base, "GET", "/circuits/resolve?repo_name=qubithub/bell-state")["id"]
        samples = latency(base, token, bell, args.count)
        print(
            f"[{args.mode}] Bell 1024 shots, POST -> completed on WebSocket, n={len(samples)}: "
            f"p50 {statistics.median(samples):.1f} ms, p95 {percentile(samples, 0.95):.1f} ms"
        )
        submitted, elapsed = throughput(base, token, bell, args.seconds)
        print(
            f"[{args.mode}] sustained: {submitted} runs submitted in {args.seconds} s, all terminal after "
            f"{elapsed:.1f} s -> {submitted / elapsed:.1f} runs/s"
        )
        platform, direct = overhead(base, token)
        print(
            f"[{args.mode}] 20-qubit depth-20 random circuit: platform {platform:.3f} s (POST -> completed), "
            f"direct AerSimulator {direct:.3f} s, ratio {platform / direct:.2f}"
        )
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            process.wait(timeout=30)
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
