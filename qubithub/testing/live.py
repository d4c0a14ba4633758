"""A real production-mode stack for integration tests: ASGI web servers and Celery workers as separate processes,
sharing the test's PostgreSQL database and Redis.

Used only when the suite runs against real services (REDIS_URL and a PostgreSQL DATABASE_URL set).
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection

ALL_QUEUES = "default,simulation,emulation,hardware,sandbox,processing"


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stack_environment(media_root: Path) -> dict:
    """The environment of the child processes: the test database, not the configured one."""
    db = connection.settings_dict
    url = f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}
    env["QH_MEDIA_ROOT"] = str(media_root)
    # integration tests submit hundreds of runs as one user: plan limits are tested elsewhere
    env.update(
        QH_FREE_REQUESTS_PER_MINUTE="1000000",
        QH_FREE_RUNS_PER_DAY="1000000",
        QH_FREE_SHOTS_PER_MONTH="1000000000",
        QH_RUN_QUEUED_GRACE_SECONDS="5",
        QH_RECOVER_EVERY_SECONDS="2",
        QH_RUN_HEARTBEAT_SECONDS="1",
        QH_RUN_HEARTBEAT_STALE_SECONDS="4",
    )
    return env


@dataclass
class Stack:
    base_url: str = ""
    processes: dict = field(default_factory=dict)
    log_dir: Path = Path(".")
    media_root: Path = Path(".")
    env: dict = field(default_factory=dict)  # extra variables for every child process

    def environment(self) -> dict:
        return {**stack_environment(self.media_root), **self.env}

    def _log(self, name: str):
        """The child process writes here for as long as it lives, so the file is not closed by us."""
        return open(self.log_dir / name, "ab")  # noqa: SIM115

    def start_worker(self, name: str = "worker", queues: str = ALL_QUEUES, concurrency: int = 2) -> subprocess.Popen:
        log = self._log(f"{name}.log")
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "qubithub",
            "worker",
            "-Q",
            queues,
            "-c",
            str(concurrency),
            "-n",
            f"{name}@%h",
            "--without-gossip",
            "--without-mingle",
            "-l",
            "INFO",
        ]
        process = subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes[name] = process
        return process

    def start_beat(self) -> subprocess.Popen:
        log = self._log("beat.log")
        schedule = self.log_dir / "beat-schedule"
        command = [sys.executable, "-m", "celery", "-A", "qubithub", "beat", "-s", str(schedule), "-l", "INFO"]
        process = subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes["beat"] = process
        return process

    def start_web(self, name: str = "web") -> str:
        port = free_port()
        log = self._log(f"{name}.log")
        command = [
            sys.executable,
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
        ]
        self.processes[name] = subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}"
        wait_for(lambda: urllib.request.urlopen(url + "/healthz", timeout=1).status == 200, what=f"web server {name}")
        return url

    def kill(self, name: str, sig=signal.SIGKILL) -> None:
        process = self.processes.pop(name)
        os.killpg(process.pid, sig)
        process.wait(timeout=30)

    def stop(self) -> None:
        for name in list(self.processes):
            try:
                self.kill(name, signal.SIGTERM)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                self.kill(name, signal.SIGKILL)


def wait_for(condition, *, what: str, timeout: float = 60, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            result = condition()
            if result:
                return result
        except Exception as exc:  # the thing is not up yet
            last_error = exc
        time.sleep(interval)
    raise AssertionError(f"Timed out after {timeout}s waiting for {what} (last error: {last_error})")
