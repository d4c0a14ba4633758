"""Sandboxes under test: bubblewrap warm pool and one-shot always; Docker when an engine is reachable
(QH_REQUIRE_DOCKER=1 turns a missing engine into a failure). No Django needed."""

from __future__ import annotations

import os

import pytest

from sandbox.errors import SandboxUnavailable

IMPLEMENTATIONS = ("bubblewrap-warm", "bubblewrap", "docker")


def _docker_sandbox():  # type: ignore[no-untyped-def]
    from sandbox.docker.container import DockerSandbox

    try:
        sandbox = DockerSandbox()
        sandbox.check()
        return sandbox
    except SandboxUnavailable as error:
        if os.environ.get("QH_REQUIRE_DOCKER") == "1":
            pytest.fail(f"QH_REQUIRE_DOCKER=1 but Docker is unusable: {error}")
        pytest.skip(f"Docker is not reachable: {error}")


@pytest.fixture(scope="session", params=IMPLEMENTATIONS)
def sandbox(request):  # type: ignore[no-untyped-def]
    from sandbox.factory import get_sandbox

    if request.param == "docker":
        return _docker_sandbox()
    return get_sandbox("bubblewrap", warm=request.param == "bubblewrap-warm")
