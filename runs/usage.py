"""How runs count against plan limits (registered with accounts.usage in RunsConfig.ready)."""

from django.db.models import Sum

from accounts.usage import period_start
from runs.models import Run


def runs_today(user) -> int:
    return Run.objects.filter(user=user, created_at__gte=period_start("runs")).count()


def shots_this_month(user) -> int:
    return Run.objects.filter(user=user, created_at__gte=period_start("shots")).aggregate(n=Sum("shots"))["n"] or 0
