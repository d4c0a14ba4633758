"""A job that ends without an answer is explained by what most likely happened, not blamed on the user's code."""

import pytest

from quantum.errors import ParseError, ResourceLimit
from quantum.sandboxed import _failure_without_answer
from sandbox.job import JobResult, Status


def ended(exit_code: int, *, stderr: bytes = b"", status: Status = Status.ERROR, crash: str | None = None):
    return JobResult(status=status, exit_code=exit_code, stdout=b"", stderr=stderr, wall_time_s=1.0, crash=crash)


@pytest.mark.parametrize("exit_code", [139, -11, 134, -6])
def test_a_native_crash_is_reported_as_a_resource_limit(exit_code):
    error = _failure_without_answer(ended(exit_code))
    assert isinstance(error, ResourceLimit) and "more memory" in str(error)


def test_a_killed_job_or_a_memory_error_is_a_resource_limit():
    assert isinstance(_failure_without_answer(ended(137, status=Status.KILLED)), ResourceLimit)
    assert isinstance(_failure_without_answer(ended(1, crash="MemoryError: ...")), ResourceLimit)


def test_code_that_exits_on_its_own_is_the_codes_doing():
    error = _failure_without_answer(ended(3, stderr=b"SystemExit: bye"))
    assert isinstance(error, ParseError) and "exit code 3" in str(error) and "bye" in str(error)
