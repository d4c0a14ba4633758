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
