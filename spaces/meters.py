"""How spaces count against plan limits (accounts.usage): stored file bytes, executions a day, CPU seconds a month."""

import math

from django.db.models import Sum

from accounts.usage import period_start


def space_storage_bytes(user) -> int:
    from spaces.models import SpaceFile

    return SpaceFile.objects.filter(space__created_by=user).aggregate(total=Sum("size"))["total"] or 0


def executions_today(user) -> int:
    from spaces.models import SpaceExecution

    return SpaceExecution.objects.filter(user=user, created_at__gte=period_start("space_executions")).count()


def cpu_seconds_this_month(user) -> int:
    from spaces.models import SpaceExecution

    since = period_start("space_cpu_seconds")
    used = SpaceExecution.objects.filter(user=user, created_at__gte=since).aggregate(total=Sum("cpu_seconds"))["total"]
    return math.ceil(used or 0)
