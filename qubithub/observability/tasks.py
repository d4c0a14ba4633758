"""The request id travels with a Celery task as a message header and is bound while the task runs."""

import logging

from celery.signals import before_task_publish, task_postrun, task_prerun

from qubithub.observability import context

logger = logging.getLogger("qubithub.tasks")
HEADER = "qh_request_id"
_tokens: dict[str, object] = {}


@before_task_publish.connect
def _attach_request_id(headers=None, **kwargs) -> None:
    current = context.request_id()
    if current and headers is not None and HEADER not in headers:
        headers[HEADER] = current


@task_prerun.connect
def _bind_request_id(task_id=None, task=None, **kwargs) -> None:
    incoming = getattr(task.request, HEADER, None) if task is not None else None
    if incoming is None and task is not None:
        incoming = (task.request.headers or {}).get(HEADER) if isinstance(task.request.headers, dict) else None
    _tokens[task_id] = context.bind(context.accept_or_new(incoming))
    if task is not None:
        logger.info("Task %s[%s] started", task.name, task_id, extra={"task": task.name, "task_id": task_id})


@task_postrun.connect
def _unbind_request_id(task_id=None, **kwargs) -> None:
    token = _tokens.pop(task_id, None)
    if token is not None:
        context.unbind(token)
