"""How runs count against plan limits (registered with accounts.usage in RunsConfig.ready)."""

from django.db.models import Sum

from accounts.usage import period_start
from runs.models import DeletedRunUsage, Run


def runs_today(user) -> int:
    since = period_start("runs")
    deleted = DeletedRunUsage.objects.filter(user_id=user.pk, created_at__gte=since).count()
    return Run.objects.filter(user=user, created_at__gte=since).count() + deleted


def shots_this_month(user) -> int:
    since = period_start("shots")
    live = Run.objects.filter(user=user, created_at__gte=since).aggregate(n=Sum("shots"))["n"] or 0
    deleted = DeletedRunUsage.objects.filter(user_id=user.pk, created_at__gte=since).aggregate(n=Sum("shots"))["n"]
    return live + (deleted or 0)


def deleted_run_counted(sender, instance: Run, **kwargs) -> None:
    """post_delete of Run: keep what the run used in the user's usage."""
    DeletedRunUsage.objects.create(user_id=instance.user_id, created_at=instance.created_at, shots=instance.shots)


def deleted_run_usage_prune(*, older_than_days: int = 40) -> int:
    from datetime import timedelta

    from django.utils import timezone

    cutoff = timezone.now() - timedelta(days=older_than_days)
    return DeletedRunUsage.objects.filter(created_at__lt=cutoff).delete()[0]
