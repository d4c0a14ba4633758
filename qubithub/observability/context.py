"""The current request id: set by the middleware for a request, by a Celery signal for a task."""

import re
import uuid
from contextvars import ContextVar, Token

_request_id: ContextVar[str] = ContextVar("qh_request_id", default="")
VALID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def request_id() -> str:
    return _request_id.get()


def accept_or_new(incoming: str | None) -> str:
    """A client's X-Request-ID is kept when it is a short safe token; otherwise a fresh one."""
    if incoming and VALID.match(incoming):
        return incoming
    return uuid.uuid4().hex


def bind(value: str) -> Token:
    return _request_id.set(value)


def unbind(token: Token) -> None:
    _request_id.reset(token)
