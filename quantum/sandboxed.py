"""Bridge from the host to the sandbox: run one engine operation on the user's files and map every outcome
to a value or a typed QuantumError."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from quantum.errors import Cancelled, InternalError, ParseError, QuantumError, ResourceLimit, SandboxTimeout, from_wire

RUNNER = "quantum.runner:serve"


def run_job(
    *,
    files: dict[str, bytes],
    call: str,
    payload: dict[str, Any],
    timeout_s: float,
    cancel_event: threading.Event | None,
    on_output: Callable[[str, bytes], None] | None = None,
) -> Any:
    """The sandbox's JobResult for a call entry; raises Cancelled, SandboxTimeout, ResourceLimit or InternalError.

    on_output hears ("stdout" | "stderr", bytes) as the job writes them."""
    from sandbox import Job, SandboxError, Status, get_sandbox
    from sandbox.limits import limits_from_env

    job = Job(files=dict(files), call=call, payload=payload, limits=limits_from_env().with_wall(timeout_s))
    for attempt in (1, 2):  # a broken warm zygote is retired on error; the second attempt gets a fresh one
        try:
            result = get_sandbox().run(job, cancel_event=cancel_event, on_output=on_output)
            break
        except SandboxError as error:
            if attempt == 2 or (cancel_event is not None and cancel_event.is_set()):
                raise InternalError(f"the sandbox could not run the job: {error}") from error
    if result.status is Status.CANCELLED:
        raise Cancelled()
    if result.status is Status.TIMEOUT:
        raise SandboxTimeout(
            f"the job ran past its {timeout_s:g} s limit and was stopped; simplify it or raise the timeout"
        )
    if result.sandbox_error:
        raise InternalError(result.sandbox_error)
    return result


def call_engine(
    *, files: dict[str, bytes], payload: dict[str, Any], timeout_s: float, cancel_event: threading.Event | None = None
) -> Any:
    """Run quantum.runner.serve(payload) in the sandbox and return its value.

    The payload gains memory_mb, the job's memory limit, so simulators size themselves to it."""
    from sandbox.limits import MiB, limits_from_env

    payload = {**payload, "memory_mb": limits_from_env().memory_bytes // MiB}
    result = run_job(files=files, call=RUNNER, payload=payload, timeout_s=timeout_s, cancel_event=cancel_event)
    answer = result.value
    if isinstance(answer, dict) and answer.get("ok") is True:
        return answer.get("value")
    if isinstance(answer, dict) and answer.get("ok") is False:
        raise from_wire(answer.get("error"))
    raise _failure_without_answer(result)


def _failure_without_answer(result: Any) -> QuantumError:
    crash = result.crash or ""
    if "MemoryError" in crash or result.status.value == "killed":
        return ResourceLimit("the job exceeded its memory or process limit and was stopped")
    if crash:
        return InternalError(f"the engine failed: {crash[:500]}")
    tail = result.stderr.decode(errors="replace")[-300:].strip()
    detail = f": {tail}" if tail else ""
    if result.exit_code in (-11, 139, -6, 134):  # SIGSEGV / SIGABRT: native code failing, mostly out of memory
        return ResourceLimit(
            f"the simulation crashed (exit code {result.exit_code}), most often because it needs more memory than "
            f"the job may use: try fewer qubits or shots, or aer_mps{detail}"
        )
    return ParseError(f"the circuit code ended the process (exit code {result.exit_code}) before a result{detail}")
