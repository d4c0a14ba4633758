"""A warm zygote outlives the thread that happened to start it (request and warm-up threads come and go)."""

from __future__ import annotations

import threading

from sandbox import Job, Status
from sandbox.pool import WarmPool, WarmPoolSandbox


def test_a_zygote_started_from_a_thread_that_ended_still_runs_jobs():
    sandbox = WarmPoolSandbox(WarmPool(preload=("json",)))
    try:
        starter = threading.Thread(target=sandbox.pool.warm_up)
        starter.start()
        starter.join()
        zygote = sandbox.pool.current
        result = sandbox.run(Job(call="json:loads", payload="[1, 2]"))
        assert result.status is Status.SUCCESS and result.value == [1, 2]
        assert sandbox.pool.current is zygote and zygote.alive
    finally:
        sandbox.pool.close()


def test_a_zygote_that_failed_to_start_does_not_poison_the_pool(monkeypatch):
    import pytest

    from sandbox import SandboxError
    from sandbox.pool.zygote_client import ZygoteProcess

    real_start, attempts = ZygoteProcess.start, []

    def start_failing_once(self, timeout_s: float = 60.0) -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise SandboxError("the warm sandbox did not start: timed out while importing the libraries")
        real_start(self, timeout_s)

    monkeypatch.setattr(ZygoteProcess, "start", start_failing_once)
    sandbox = WarmPoolSandbox(WarmPool(preload=("json",)))
    try:
        with pytest.raises(SandboxError):
            sandbox.pool.zygote()
        assert sandbox.pool.current is None
        result = sandbox.run(Job(call="json:loads", payload="[3]"))
        assert result.status is Status.SUCCESS and result.value == [3]
    finally:
        sandbox.pool.close()


def test_stopping_a_zygote_that_never_started_is_harmless():
    from sandbox.pool.zygote_client import ZygoteProcess

    zygote = ZygoteProcess(WarmPool(preload=("json",)).layout, WarmPool(preload=("json",)).identity)
    zygote.stop()
    assert not zygote.alive
