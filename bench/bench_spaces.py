"""Spaces benchmark: `print(QuantumCircuit(2))` executed through the API (POST /api/spaces/{id}/execute), round trip
as the client sees it, cold (a fresh bubblewrap sandbox and Python per execution) and with the warm pool; then 20
parallel executions from 5 users. Starts its own embedded server (daphne) per mode on a scratch database.

    .venv/bin/python bench/bench_spaces.py [repeats]

Prints figures; asserts nothing.
"""

import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
HELLO = "from qiskit import QuantumCircuit\nprint(QuantumCircuit(2))"
USERS = 5
PARALLEL = 20


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def call(base: str, method: str, path: str, body: dict | None = None, token: str | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{base}{path}", data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


class Server:
    def __init__(self, warm: bool) -> None:
        self.var = Path(tempfile.mkdtemp(prefix="qh-bench-spaces-"))
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/api"
        self.env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
        self.env.update(
            QH_VAR_DIR=str(self.var),
            QH_SANDBOX_WARM_POOL="1" if warm else "0",
            QH_LOG_LEVEL="WARNING",
            QH_FREE_REQUESTS_PER_MINUTE="100000",
            QH_FREE_SPACE_EXECUTIONS_PER_DAY="100000",
            QH_AUTH_ATTEMPTS_PER_MINUTE="1000",
            PYTHONUNBUFFERED="1",
        )

    def __enter__(self) -> "Server":
        subprocess.run([PY, "manage.py", "migrate", "-v0"], cwd=ROOT, env=self.env, check=True)
        log = open(self.var / "web.log", "wb")  # noqa: SIM115  (the child writes to it while it lives)
        daphne = str(Path(PY).parent / "daphne")
        command = [daphne, "-b", "127.0.0.1", "-p", str(self.port), "qubithub.asgi:application"]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        for _ in range(600):
            try:
                urllib.request.urlopen(f"{self.base}/spaces", timeout=2)
                return self
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"the server did not start; see {self.var / 'web.log'}")

    def __exit__(self, *exc) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(30)
        shutil.rmtree(self.var, ignore_errors=True)

    def user_with_space(self, name: str) -> tuple[str, str]:
        body = {"email": f"{name}@bench.local", "username": name, "password": "bench-password-1", "name": name}
        status, answer = call(self.base, "POST", "/auth/register", body)
        assert status in (200, 201), answer
        token = answer["access_token"]
        status, space = call(self.base, "POST", "/spaces", {"name": "hello", "title": "Hello"}, token)
        assert status == 201, space
        return token, space["id"]


def execute(base: str, token: str, space_id: str) -> tuple[float, int, str]:
    started = time.perf_counter()
    status, body = call(base, "POST", f"/spaces/{space_id}/execute", {"code": HELLO}, token)
    return time.perf_counter() - started, status, body.get("status", body.get("detail", ""))


def percentiles(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p90 = ms[min(len(ms) - 1, int(len(ms) * 0.9))]
    spread = f"min {ms[0]:7.1f} ms  max {ms[-1]:7.1f} ms"
    return f"p50 {statistics.median(ms):7.1f} ms  p90 {p90:7.1f} ms  {spread} (n={len(ms)})"


def round_trips(server: Server, repeats: int) -> None:
    token, space_id = server.user_with_space("solo")
    first = execute(server.base, token, space_id)
    print(f"  first execution (pool start included): {first[0] * 1000:.0f} ms, {first[1]} {first[2]}")
    samples = [execute(server.base, token, space_id) for _ in range(repeats)]
    assert all(status == 200 and outcome == "success" for _, status, outcome in samples), samples
    print(f"  round trip: {percentiles([s[0] for s in samples])}")


def parallel(server: Server) -> None:
    users = [server.user_with_space(f"user{i}") for i in range(USERS)]
    for token, space_id in users:
        execute(server.base, token, space_id)
    jobs = [users[i % USERS] for i in range(PARALLEL)]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        results = list(pool.map(lambda user: execute(server.base, *user), jobs))
    wall = time.perf_counter() - started
    ok = [r for r in results if r[1] == 200 and r[2] == "success"]
    refused = [r for r in results if r[1] == 429]
    print(
        f"  {PARALLEL} parallel executions from {USERS} users: all done in {wall * 1000:.0f} ms, "
        f"{len(ok)} succeeded, {len(refused)} refused with 429, {PARALLEL - len(ok) - len(refused)} other"
    )
    print(f"  per request: {percentiles([r[0] for r in ok])}")


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    print(f"bench_spaces: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    print("cold (QH_SANDBOX_WARM_POOL=0: a fresh sandbox and Python per execution)")
    with Server(warm=False) as server:
        round_trips(server, max(3, repeats // 6))
    print("warm pool (the default)")
    with Server(warm=True) as server:
        round_trips(server, repeats)
        parallel(server)


if __name__ == "__main__":
    main()
