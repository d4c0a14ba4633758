"""Fixtures for tests that bring up their own production-mode processes next to the session's live stack."""

import signal

import pytest


@pytest.fixture
def quiet_live_stack(on_live_stack):
    """The session's live stack with its worker and beat stopped, so that queued work reaches only the test's
    own workers; both are started again afterwards."""
    for name in ("worker", "beat"):
        if name in on_live_stack.processes:
            on_live_stack.kill(name, signal.SIGTERM)
    yield on_live_stack
    on_live_stack.start_worker()
    on_live_stack.start_beat()
