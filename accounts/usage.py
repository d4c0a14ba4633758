"""Usage limits per plan: runs per day, shots per month, storage bytes.

Other apps call `usage_check(user=..., kind=..., amount=...)` before they create something, and
register how their usage is measured with `register_meter(kind, meter)` in their AppConfig.ready():
a meter is `meter(user) -> int`; the meters of one kind are added up (storage = circuits + datasets + spaces).
Runs and shots meters count from `period_start(kind)` so that every meter agrees on the period.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from qubithub.api.exceptions import Forbidden

Meter = Callable[..., int]

KINDS = {
    "runs": ("runs_per_day", "day"),
    "shots": ("shots_per_month", "month"),
    "storage": ("storage_bytes", None),
    "space_executions": ("space_executions_per_day", "day"),
    "space_cpu_seconds": ("space_cpu_seconds_per_month", "month"),
}
METERS: dict[str, list[Meter]] = {kind: [] for kind in KINDS}


@dataclass(frozen=True)
class Usage:
    kind: str
    used: int | None
    limit: int
    period: str | None
    resets_at: datetime | None


def register_meter(kind: str, meter: Meter) -> None:
    if kind not in KINDS:
        raise ImproperlyConfigured(f"Unknown usage kind {kind!r}; expected one of {', '.join(KINDS)}.")
    if meter not in METERS[kind]:
        METERS[kind].append(meter)


def plan_limits(user) -> dict[str, int]:
    limits = settings.QH_PLAN_LIMITS
    return limits.get(getattr(user, "plan", "free"), limits["free"])


def period_start(kind: str, now: datetime | None = None) -> datetime | None:
    """Start of the current counting period (UTC day for runs, UTC month for shots), None for storage."""
    now = now or timezone.now()
    period = KINDS[kind][1]
    day = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return {"day": day, "month": day.replace(day=1), None: None}[period]


def _period_end(kind: str) -> datetime | None:
    start = period_start(kind)
    if start is None:
        return None
    if KINDS[kind][1] == "day":
        return start + timedelta(days=1)
    return (start + timedelta(days=32)).replace(day=1)


def usage_of(*, user, kind: str) -> Usage:
    meters = METERS[kind]
    used = sum(meter(user) for meter in meters) if meters else None
    limit = plan_limits(user)[KINDS[kind][0]]
    return Usage(kind=kind, used=used, limit=limit, period=KINDS[kind][1], resets_at=_period_end(kind))


def usage_check(*, user, kind: str, amount: int = 1) -> None:
    """Forbidden (403) naming the limit and the current usage if `amount` more would exceed the plan."""
    usage = usage_of(user=user, kind=kind)
    if usage.used is None:
        raise ImproperlyConfigured(f"No usage meter is registered for {kind!r}; see accounts.usage.")
    if usage.used + max(amount, 1) > usage.limit:
        raise Forbidden(_exceeded(user, usage, amount))


def _exceeded(user, usage: Usage, amount: int) -> str:
    name = KINDS[usage.kind][0].replace("_", " ")
    plan = getattr(user, "plan", "free")
    asked = f" (this request needs {amount})" if amount > 1 else ""
    return f"Usage limit exceeded: {name} on the {plan} plan is {usage.limit}; current usage is {usage.used}{asked}."


def usage_summary(*, user) -> dict[str, Usage]:
    configured = plan_limits(user)
    return {kind: usage_of(user=user, kind=kind) for kind, (limit, _) in KINDS.items() if limit in configured}
