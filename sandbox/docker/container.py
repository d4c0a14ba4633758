"""DockerSandbox: a fresh container per job.

network_mode none, read-only root, tmpfs /job and /tmp, memory/CPU/pids limits, all capabilities dropped,
no-new-privileges, unprivileged user, removed after the job. The interpreter, the venv and our packages are
bind-mounted read-only (as in the bubblewrap sandbox); the job goes in through a read-only file and the result
frames come back through a file the job's own process writes (bounded by RLIMIT_FSIZE).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
from typing import Any

from sandbox import runtime
from sandbox.base import Sandbox
from sandbox.bwrap.command import SANDBOX_GID, SANDBOX_UID
from sandbox.capture import Capped, OutputListener
from sandbox.docker.image import IMAGE
from sandbox.errors import SandboxError, SandboxUnavailable
from sandbox.job import Job, JobResult
from sandbox.outcome import _apply_frames, status_of

LIBRARIES_MEMORY = 1024**3
UNCOUNTED_PROCESSES = 1 << 20
POLL_S = 0.05


def _client():  # type: ignore[no-untyped-def]
    try:
        import docker

        client = docker.from_env(timeout=30)
        client.ping()
        return client
    except Exception as error:  # noqa: BLE001 - any failure means no usable engine
        raise SandboxUnavailable(f"no Docker engine reachable: {error}") from error


class DockerSandbox(Sandbox):
    name = "docker"

    def __init__(self, image: str | None = None, layout: runtime.RuntimeLayout | None = None) -> None:
        self.image = image or os.environ.get("QH_DOCKER_IMAGE", IMAGE)
        self.layout = layout or runtime.current_layout()
        self._client_instance: Any = None

    @property
    def client(self):  # type: ignore[no-untyped-def]
        if self._client_instance is None:
            self._client_instance = _client()
        return self._client_instance

    def check(self) -> None:
        """Raise SandboxUnavailable unless the engine answers and the runner image exists."""
        import docker

        try:
            self.client.images.get(self.image)
        except docker.errors.ImageNotFound as error:
            raise SandboxUnavailable(f"the runner image {self.image} is missing: run .ci/sandbox-setup.sh") from error

    def run(
        self, job: Job, *, cancel_event: threading.Event | None = None, on_output: OutputListener | None = None
    ) -> JobResult:
        started = time.monotonic()
        exchange = tempfile.mkdtemp(prefix="qh-docker-")
        try:
            container = self._create(job, exchange)
            try:
                return self._follow(container, job, exchange, started, cancel_event, on_output)
            finally:
                container.remove(force=True)
        finally:
            shutil.rmtree(exchange, ignore_errors=True)

    def _create(self, job: Job, exchange: str):  # type: ignore[no-untyped-def]
        wire = job.wire()
        wire["limits"]["processes"] = UNCOUNTED_PROCESSES  # RLIMIT_NPROC counts host-wide per uid: pids_limit does it
        with open(os.path.join(exchange, "job.json"), "w") as handle:
            json.dump(wire, handle)
        open(os.path.join(exchange, "result"), "wb").close()
        os.chmod(exchange, 0o755)
        os.chown(os.path.join(exchange, "result"), SANDBOX_UID, SANDBOX_GID)
        limits = job.limits
        command = [
            self.layout.python,
            "-m",
            "sandbox.inside.boot",
            "--uid",
            str(SANDBOX_UID),
            "--gid",
            str(SANDBOX_GID),
            "--result-file",
            "/exchange/result",
            "--job-file",
            "/exchange/job.json",
        ]
        return self.client.containers.create(
            self.image,
            command,
            user=f"{SANDBOX_UID}:{SANDBOX_GID}",
            network_mode="none",
            read_only=True,
            working_dir="/job",
            environment={"PATH": "/usr/bin:/bin", "PYTHONPATH": runtime.CODE_ROOT_INSIDE},
            tmpfs={"/job": f"size={limits.disk_bytes},mode=1777", "/tmp": f"size={limits.disk_bytes},mode=1777"},
            mem_limit=limits.memory_bytes + LIBRARIES_MEMORY,
            memswap_limit=limits.memory_bytes + LIBRARIES_MEMORY,
            pids_limit=limits.processes + 8,
            nano_cpus=int(float(os.environ.get("QH_DOCKER_CPUS", "1")) * 1e9),
            cap_drop=["ALL"],
            security_opt=["no-new-privileges"],
            log_config={"type": "none"},
            volumes=self._volumes(exchange),
            hostname="sandbox",
            labels={"qubithub.sandbox": "job"},
        )

    def _volumes(self, exchange: str) -> dict[str, dict[str, str]]:
        volumes = {
            self.layout.interpreter_home: {"bind": self.layout.interpreter_home, "mode": "ro"},
            exchange: {"bind": "/exchange", "mode": "ro"},
            os.path.join(exchange, "result"): {"bind": "/exchange/result", "mode": "rw"},
        }
        if self.layout.venv:
            volumes[self.layout.venv] = {"bind": runtime.VENV_INSIDE, "mode": "ro"}
        for source, target in self.layout.package_binds():
            volumes[source] = {"bind": target, "mode": "ro"}
        return volumes

    def _follow(
        self,
        container,
        job: Job,
        exchange: str,
        started: float,
        cancel_event: threading.Event | None,  # type: ignore[no-untyped-def]
        on_output: OutputListener | None = None,
    ) -> JobResult:
        limits = job.limits
        streams = {"stdout": Capped(limits.output_bytes), "stderr": Capped(limits.output_bytes)}
        socket = container.attach(stdout=True, stderr=True, stream=True, demux=True, logs=False)
        reader = threading.Thread(target=_drain, args=(socket, streams, on_output), daemon=True)
        container.start()
        reader.start()
        interrupted = _wait(reader, started + limits.wall_s, cancel_event)
        if interrupted:
            container.kill()
        reader.join(10)
        code = int(container.wait(timeout=30).get("StatusCode", -1))
        result = JobResult(
            status=status_of(code, interrupted),
            exit_code=code,
            stdout=bytes(streams["stdout"].data),
            stderr=bytes(streams["stderr"].data),
            wall_time_s=time.monotonic() - started,
            stdout_truncated=streams["stdout"].truncated,
            stderr_truncated=streams["stderr"].truncated,
        )
        with open(os.path.join(exchange, "result"), "rb") as handle:
            _apply_frames(result, handle.read(limits.result_bytes))
        return result


def _drain(socket: Any, streams: dict[str, Capped], on_output: OutputListener | None = None) -> None:
    """Docker's reader thread; on_output is called from it (not from the caller's thread)."""
    try:
        for stdout, stderr in socket:
            for name, chunk in (("stdout", stdout), ("stderr", stderr)):
                kept = streams[name].add(chunk) if chunk else b""
                if kept and on_output is not None:
                    on_output(name, kept)
    except Exception:  # noqa: BLE001 - the stream ends when the container is killed
        pass


def _wait(reader: threading.Thread, deadline: float, cancel_event: threading.Event | None) -> str | None:
    while reader.is_alive():
        if time.monotonic() >= deadline:
            return "timeout"
        if cancel_event is not None and cancel_event.is_set():
            return "cancelled"
        reader.join(POLL_S)
    return None


__all__ = ["DockerSandbox", "SandboxError"]
