"""BubblewrapSandbox: a fresh bubblewrap sandbox and Python interpreter per job (cold, about half a second)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time

from sandbox import runtime
from sandbox.base import Sandbox
from sandbox.bwrap.command import Identity, bwrap_argv, identity_from_env
from sandbox.capture import Interrupted, OutputListener, StreamCapture
from sandbox.job import Job, JobResult
from sandbox.outcome import build_result

KILL_GRACE_S = 5.0


class BubblewrapSandbox(Sandbox):
    name = "bubblewrap"

    def __init__(self, layout: runtime.RuntimeLayout | None = None, identity: Identity | None = None) -> None:
        self.layout = layout or runtime.current_layout()
        self.identity = identity or identity_from_env()

    def run(
        self, job: Job, *, cancel_event: threading.Event | None = None, on_output: OutputListener | None = None
    ) -> JobResult:
        started = time.monotonic()
        result_r, result_w = os.pipe()
        process = self._spawn(job, result_w)
        os.close(result_w)
        assert process.stdin and process.stdout and process.stderr
        threading.Thread(target=_feed, args=(process.stdin, json.dumps(job.wire()).encode()), daemon=True).start()
        limits = job.limits
        capture = StreamCapture(
            {"stdout": os.dup(process.stdout.fileno()), "stderr": os.dup(process.stderr.fileno()), "result": result_r},
            {"stdout": limits.output_bytes, "stderr": limits.output_bytes, "result": limits.result_bytes},
            on_output,
        )
        process.stdout.close()
        process.stderr.close()
        interrupted = None
        try:
            capture.pump(started + limits.wall_s, cancel_event)
        except Interrupted as interruption:
            interrupted = interruption.reason
            os.killpg(process.pid, signal.SIGKILL)
            capture.pump(time.monotonic() + KILL_GRACE_S)
        finally:
            capture.close()
        code = process.wait()
        return build_result(capture, code, time.monotonic() - started, interrupted)

    def _spawn(self, job: Job, result_w: int) -> subprocess.Popen[bytes]:
        command = [
            self.layout.python,
            "-m",
            "sandbox.inside.boot",
            "--uid",
            str(self.identity.uid),
            "--gid",
            str(self.identity.gid),
            "--result-fd",
            str(result_w),
        ]
        argv = bwrap_argv(
            self.layout, self.identity, job_tmpfs_bytes=job.limits.disk_bytes, with_proc=True, command=command
        )
        return subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            pass_fds=(result_w,),
            start_new_session=True,
            env={"PATH": "/usr/bin:/bin"},
        )


def _feed(stream, payload: bytes) -> None:  # type: ignore[no-untyped-def]
    try:
        stream.write(payload)
        stream.close()
    except OSError:
        pass
