"""Per-user concurrency limit on executions: a few named slots in the shared cache.

A slot is a cache key `qh:space-slot:<user>:<i>` taken with `add` (SET NX with expiry: atomic across web
processes and workers sharing Redis) and holding the time it is expected to be free. A slot whose holder died
frees itself when its key expires (the execution's timeout plus a margin), so a lost worker never locks a user out.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache

from qubithub.errors import DomainError

MARGIN_S = 60


class TooManyExecutions(DomainError):
    status_code = 429
    default_detail = "Too many executions running at once."


def _key(user_id, index: int) -> str:
    return f"qh:space-slot:{user_id}:{index}"


def slot_acquire(*, user_id, holder: str, timeout_s: int) -> None:
    """Take a free slot for holder, or raise TooManyExecutions (429, Retry-After: when the first slot should free)."""
    limit = settings.QH_SPACE_CONCURRENT_EXECUTIONS
    until = time.time() + timeout_s
    for index in range(limit):
        if cache.add(_key(user_id, index), f"{holder}|{until}", timeout=timeout_s + MARGIN_S):
            return
    ends = [float(str(value).rpartition("|")[2]) for value in cache.get_many(_keys(user_id, limit)).values()]
    wait = max(1, math.ceil(min(ends, default=time.time() + 1) - time.time()))
    raise TooManyExecutions(
        f"You already have {limit} executions running; wait for one to finish (at most {wait} s).",
        headers={"Retry-After": str(wait)},
    )


def slot_release(*, user_id, holder: str) -> None:
    limit = settings.QH_SPACE_CONCURRENT_EXECUTIONS
    for key, value in cache.get_many(_keys(user_id, limit)).items():
        if str(value).startswith(f"{holder}|"):
            cache.delete(key)


def _keys(user_id, limit: int) -> list[str]:
    return [_key(user_id, index) for index in range(limit)]
