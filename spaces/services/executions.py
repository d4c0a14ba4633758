"""Running a space's code in the sandbox: at once (execute) or in the background with streamed output (executions).

Both check the request, the plan's usage limits and the user's concurrency slots, record a SpaceExecution, and
call quantum.api.run_python with the space's files; users' code never runs anywhere but in the sandbox.
"""

import logging
import uuid

from django.db import transaction
from django.utils import timezone

from accounts.usage import usage_check
from qubithub.dispatch import dispatch
from qubithub.errors import DomainError, InvalidInput
from qubithub.social import counter_bump
from spaces import events
from spaces.models import ExecutionStatus, Space, SpaceExecution
from spaces.selectors import space_files
from spaces.services.files import space_files_save
from spaces.slots import slot_acquire, slot_release

QUEUE = "sandbox"
logger = logging.getLogger(__name__)


class SandboxFailed(DomainError):
    status_code = 503
    default_detail = "The sandbox could not run the code; try again in a moment."


def _checked_files(space: Space, code: str | None, file_to_run: str | None) -> dict[str, bytes]:
    if (code is None) == (file_to_run is None):
        raise InvalidInput("Give either code or file_to_run, not both and not neither.")
    files = space_files(space)
    if file_to_run is not None and file_to_run not in files:
        raise InvalidInput(f"file_to_run: '{file_to_run}' is not a file of this space.")
    return files


def _check_usage(user) -> None:
    usage_check(user=user, kind="space_executions")
    usage_check(user=user, kind="space_cpu_seconds")


def _begin(space: Space, user, status: str, **request) -> tuple[SpaceExecution, dict[str, bytes]]:
    """Check the request and the plan, take a concurrency slot, record the execution; (execution, files)."""
    files = _checked_files(space, request["code"], request["file_to_run"])
    _check_usage(user)
    started_at = timezone.now() if status == ExecutionStatus.RUNNING else None
    request["file_to_run"] = request["file_to_run"] or ""
    execution = SpaceExecution(id=uuid.uuid4(), space=space, user=user, status=status, started_at=started_at, **request)
    slot_acquire(user_id=user.pk, holder=str(execution.id), timeout_s=request["timeout"])
    try:
        execution.save(force_insert=True)
    except Exception:
        slot_release(user_id=user.pk, holder=str(execution.id))
        raise
    return execution, files


def space_execute(
    *,
    space: Space,
    user,
    code: str | None = None,
    file_to_run: str | None = None,
    timeout: int = 30,
    save_outputs: bool = False,
) -> SpaceExecution:
    """Run now and return the finished execution (the caller waits; at most `timeout` seconds in the sandbox)."""
    request = {"code": code, "file_to_run": file_to_run, "timeout": timeout, "save_outputs": save_outputs}
    execution, files = _begin(space, user, ExecutionStatus.RUNNING, **request)
    try:
        result = _run(execution, files)
    finally:
        slot_release(user_id=user.pk, holder=str(execution.id))
    return _finish(execution, result)


def space_execution_start(
    *,
    space: Space,
    user,
    code: str | None = None,
    file_to_run: str | None = None,
    timeout: int = 30,
    save_outputs: bool = False,
) -> SpaceExecution:
    """Record a pending execution and hand it to a sandbox worker; its output streams on /ws/spaces/executions/{id}."""
    request = {"code": code, "file_to_run": file_to_run, "timeout": timeout, "save_outputs": save_outputs}
    execution, _files = _begin(space, user, ExecutionStatus.PENDING, **request)
    from spaces.tasks import execute_space

    transaction.on_commit(lambda: dispatch(execute_space, str(execution.id), queue=QUEUE))
    return execution


def space_execution_run(execution_id) -> None:
    """The worker's side: claim the pending execution (once, even if the task is delivered twice), run, finish."""
    claimed = SpaceExecution.objects.filter(pk=execution_id, status=ExecutionStatus.PENDING).update(
        status=ExecutionStatus.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return
    execution = SpaceExecution.objects.select_related("space", "user").get(pk=execution_id)
    events.publish_state(execution)
    splitter = events.LineSplitter(execution.id)
    try:
        result = _run(execution, space_files(execution.space), on_output=splitter)
        splitter.flush()
    finally:
        slot_release(user_id=execution.user_id, holder=str(execution.id))
    _finish(execution, result)


def _run(execution: SpaceExecution, files: dict[str, bytes], on_output=None) -> dict:
    from quantum import api
    from quantum.errors import ParseError, QuantumError

    try:
        return api.run_python(
            files=files,
            code=execution.code,
            file_to_run=execution.file_to_run or None,
            timeout_s=execution.timeout,
            save_outputs=execution.save_outputs,
            on_output=on_output,
        )
    except ParseError as error:  # e.g. the file to run was deleted while the execution waited
        return {"status": "error", "output": "", "error": str(error), "execution_time": 0.0, "cpu_seconds": 0.0}
    except QuantumError as error:
        logger.exception("The sandbox failed on space execution %s", execution.id)
        _record(execution, {"status": "error", "output": "", "error": f"The sandbox failed: {error}"}, saved=[])
        raise SandboxFailed() from error


def _finish(execution: SpaceExecution, result: dict) -> SpaceExecution:
    saved, note = [], ""
    if execution.save_outputs and result.get("files") and result["status"] != "timeout":
        try:
            saved = space_files_save(space=execution.space, user=execution.user, files=result["files"])
        except DomainError as error:
            note = f"\nThe output files were not saved: {error.detail}"
    if note:
        result = {**result, "error": (result.get("error") or "").lstrip("\n") + note}
    _record(execution, result, saved=saved)
    counter_bump(execution.space, "executions_count")
    return execution


def _record(execution: SpaceExecution, result: dict, *, saved: list[str]) -> None:
    """running -> final state, written once; then published to whoever follows the execution."""
    fields = {
        "status": result["status"],
        "output": result.get("output") or "",
        "error": result.get("error") or None,
        "execution_time": result.get("execution_time"),
        "cpu_seconds": result.get("cpu_seconds") or 0.0,
        "saved_files": saved,
        "finished_at": timezone.now(),
    }
    SpaceExecution.objects.filter(pk=execution.pk, status=ExecutionStatus.RUNNING).update(**fields)
    for name, value in fields.items():
        setattr(execution, name, value)
    events.publish_state(execution)
