"""The host's handle on one zygote process: start it, hand it jobs, kill them, hear when they end.

Thread-safe: several threads may run jobs on one zygote at once; a reader thread routes its events.
"""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from typing import Any

from sandbox import runtime
from sandbox.bwrap.command import Identity, bwrap_argv
from sandbox.errors import SandboxError
from sandbox.inside import frames

CONTROL_FD_INSIDE = 3
DEFAULT_PRELOAD = (
    "numpy",
    "qiskit",
    "qiskit_aer",
    "cirq",
    "pennylane",
    "matplotlib",
    "quantum.runner",
    "quantum.warmup:warm_up",
)


@dataclass
class PendingJob:
    started: threading.Event = field(default_factory=threading.Event)
    exited: threading.Event = field(default_factory=threading.Event)
    code: int | None = None


class ZygoteProcess:
    def __init__(
        self, layout: runtime.RuntimeLayout, identity: Identity, preload: tuple[str, ...] = DEFAULT_PRELOAD
    ) -> None:
        self.layout, self.identity, self.preload = layout, identity, preload
        self.jobs: dict[str, PendingJob] = {}
        self.lock = threading.Lock()
        self.ids = itertools.count()
        self.ready = threading.Event()
        self.info: dict[str, Any] = {}
        self.alive = False
        self.jobs_started = 0
        self.control: socket.socket | None = None
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout_s: float = 60.0) -> None:
        host_end, inside_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self.control = host_end
        self.process = self._spawn(inside_end)
        inside_end.close()
        self.alive = True
        threading.Thread(target=self._read_events, name="zygote-events", daemon=True).start()
        if not self.ready.wait(timeout_s) or not self.alive:
            self.stop()
            raise SandboxError(f"the warm sandbox did not start: {self._stderr_tail()}")

    def _spawn(self, inside_end: socket.socket) -> subprocess.Popen[bytes]:
        command = [
            self.layout.python,
            "-m",
            "sandbox.inside.zygote",
            "--control-fd",
            str(CONTROL_FD_INSIDE),
            "--uid",
            str(self.identity.uid),
            "--gid",
            str(self.identity.gid),
            "--preload",
            ",".join(self.preload),
        ]
        argv = bwrap_argv(self.layout, self.identity, job_tmpfs_bytes=None, with_proc=True, command=command)
        fd = inside_end.fileno()

        def move_control_fd() -> None:
            os.dup2(fd, CONTROL_FD_INSIDE)

        self.log = tempfile.TemporaryFile()
        return subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
            pass_fds=(fd, CONTROL_FD_INSIDE),
            preexec_fn=move_control_fd,
            env={"PATH": "/usr/bin:/bin"},
        )

    def _read_events(self) -> None:
        buffer = b""
        while True:
            try:
                data = self.control.recv(1 << 16)
            except OSError:
                data = b""
            if not data:
                break
            buffer += data
            messages, consumed = frames.decode_all(buffer)
            buffer = buffer[consumed:]
            for message in messages:
                self._on_event(message)
        self._on_death()

    def _on_event(self, message: dict[str, Any]) -> None:
        event = message.get("event")
        if event == "ready":
            self.info = message
            self.ready.set()
            return
        pending = self.jobs.get(message.get("id", ""))
        if pending is None:
            return
        if event == "started":
            pending.started.set()
        elif event == "exited":
            pending.code = message.get("code")
            pending.exited.set()

    def _on_death(self) -> None:
        self.alive = False
        self.ready.set()
        for pending in list(self.jobs.values()):
            pending.started.set()
            pending.exited.set()

    def submit(self, job: dict[str, Any], stdio_write_ends: tuple[int, int, int]) -> tuple[str, PendingJob]:
        with self.lock:
            if not self.alive:
                raise SandboxError("the warm sandbox is not running")
            job_id = str(next(self.ids))
            pending = self.jobs[job_id] = PendingJob()
            self.jobs_started += 1
            payload = frames.encode({"op": "run", "id": job_id, "job": job})
            socket.send_fds(self.control, [payload[:4096]], list(stdio_write_ends))
            self.control.sendall(payload[4096:])
        return job_id, pending

    def kill(self, job_id: str) -> None:
        with self.lock:
            if self.alive:
                self.control.sendall(frames.encode({"op": "kill", "id": job_id}))

    def forget(self, job_id: str) -> None:
        with self.lock:
            self.jobs.pop(job_id, None)

    @property
    def running(self) -> int:
        return len(self.jobs)

    def stop(self) -> None:
        self.alive = False
        if self.control is not None:
            try:
                self.control.close()
            except OSError:
                pass
        if self.process is None:  # never started
            return
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()

    def _stderr_tail(self) -> str:
        if self.process.poll() is None:
            return "timed out while importing the libraries"
        self.log.seek(0)
        return self.log.read()[-2000:].decode(errors="replace") or f"exit code {self.process.returncode}"
