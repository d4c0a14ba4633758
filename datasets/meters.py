"""How much storage a user's datasets take, for the plan's storage quota (accounts.usage)."""

from django.db.models import Sum


def dataset_storage_bytes(user) -> int:
    from datasets.models import DatasetVersion

    total = DatasetVersion.objects.filter(dataset__created_by=user).aggregate(total=Sum("size_bytes"))["total"]
    return total or 0
