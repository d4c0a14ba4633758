"""WarmPool: hands jobs to a warm zygote, recycling it after max_jobs jobs or at the first sign of trouble.

WarmPoolSandbox: the Sandbox interface on top of a WarmPool.
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from sandbox import runtime
from sandbox.base import Sandbox
from sandbox.bwrap.command import Identity, identity_from_env
from sandbox.capture import Interrupted, OutputListener, StreamCapture
from sandbox.errors import SandboxError
from sandbox.job import Job, JobResult
from sandbox.outcome import build_result
from sandbox.pool.zygote_client import DEFAULT_PRELOAD, PendingJob, ZygoteProcess

KILL_GRACE_S = 5.0
DEFAULT_MAX_JOBS = 500
# bwrap --die-with-parent is PR_SET_PDEATHSIG, which fires when the *thread* that started the process exits, not
# the process: a zygote started from a request or warm-up thread would die with it. One long-lived thread starts them.
_SPAWNER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qh-zygote-spawner")


class WarmPool:
    def __init__(
        self,
        *,
        max_jobs: int = DEFAULT_MAX_JOBS,
        preload: tuple[str, ...] = DEFAULT_PRELOAD,
        layout: runtime.RuntimeLayout | None = None,
        identity: Identity | None = None,
    ) -> None:
        self.max_jobs = max_jobs
        self.preload = preload
        self.layout = layout or runtime.current_layout()
        self.identity = identity or identity_from_env()
        self.lock = threading.Lock()
        self.current: ZygoteProcess | None = None
        self.retired: list[ZygoteProcess] = []

    def zygote(self) -> ZygoteProcess:
        """The zygote to use now; starts one (about a second) when there is none or the last one is spent."""
        with self.lock:
            self._reap_retired()
            current = self.current
            if current is None or not current.alive or current.jobs_started >= self.max_jobs:
                if current is not None:
                    self.retired.append(current)
                self.current = None
                current = ZygoteProcess(self.layout, self.identity, self.preload)
                _SPAWNER.submit(current.start).result()  # raises SandboxError; the next call tries a fresh one
                self.current = current
            return current

    def retire(self, zygote: ZygoteProcess) -> None:
        """Stop handing jobs to this zygote (after trouble); it stops once its last job ended."""
        with self.lock:
            if self.current is zygote:
                self.current = None
                self.retired.append(zygote)

    def _reap_retired(self) -> None:
        for zygote in [z for z in self.retired if z.running == 0]:
            zygote.stop()
            self.retired.remove(zygote)

    def warm_up(self) -> dict[str, object]:
        return self.zygote().info

    def close(self) -> None:
        with self.lock:
            for zygote in [*self.retired, *([self.current] if self.current else [])]:
                zygote.stop()
            self.current, self.retired = None, []


class WarmPoolSandbox(Sandbox):
    name = "bubblewrap-warm"

    def __init__(self, pool: WarmPool | None = None) -> None:
        self.pool = pool or WarmPool()

    def run(
        self, job: Job, *, cancel_event: threading.Event | None = None, on_output: OutputListener | None = None
    ) -> JobResult:
        started = time.monotonic()
        zygote = self.pool.zygote()
        pipes = [os.pipe() for _ in range(3)]
        try:
            job_id, pending = zygote.submit(job.wire(), tuple(write for _, write in pipes))  # type: ignore[arg-type]
        finally:
            for _, write in pipes:
                os.close(write)
        limits = job.limits
        capture = StreamCapture(
            {"stdout": pipes[0][0], "stderr": pipes[1][0], "result": pipes[2][0]},
            {"stdout": limits.output_bytes, "stderr": limits.output_bytes, "result": limits.result_bytes},
            on_output,
        )
        try:
            interrupted = self._follow(zygote, job_id, capture, started + limits.wall_s, cancel_event)
            code = self._exit_code(zygote, job_id, pending)
        finally:
            capture.close()
            zygote.forget(job_id)
        return build_result(capture, code, time.monotonic() - started, interrupted)

    def _follow(
        self,
        zygote: ZygoteProcess,
        job_id: str,
        capture: StreamCapture,
        deadline: float,
        cancel_event: threading.Event | None,
    ) -> str | None:
        try:
            capture.pump(deadline, cancel_event)
            return None
        except Interrupted as interruption:
            zygote.kill(job_id)
            try:
                capture.pump(time.monotonic() + KILL_GRACE_S)
            except Interrupted:
                self.pool.retire(zygote)
            return interruption.reason

    def _exit_code(self, zygote: ZygoteProcess, job_id: str, pending: PendingJob) -> int | None:
        if not pending.exited.wait(KILL_GRACE_S) or not zygote.alive:
            self.pool.retire(zygote)
            if pending.code is None:
                raise SandboxError("the warm sandbox lost track of the job")
        return pending.code
