"""Engine tests: plain Python, run through the real sandbox (bubblewrap warm pool). No Django needed."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent / "samples"


def pytest_configure(config):  # type: ignore[no-untyped-def]
    config.addinivalue_line("markers", "slow: takes more than a few seconds")


@pytest.fixture
def sample():  # type: ignore[no-untyped-def]
    def read(name: str, as_name: str | None = None) -> dict[str, bytes]:
        return {as_name or name: (SAMPLES / name).read_bytes()}

    return read
