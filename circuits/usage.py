"""How circuits count against the storage limit (registered with accounts.usage in CircuitsConfig.ready)."""

from django.db.models import Max, Sum

from circuits.models import CircuitFile


def circuit_storage_bytes(user) -> int:
    """Bytes stored for circuits the user created; a file kept unchanged across versions counts once."""
    per_path = (
        CircuitFile.objects.filter(version__circuit__created_by=user)
        .order_by()
        .values("path")
        .annotate(size=Max("size"))
    )
    return per_path.aggregate(total=Sum("size"))["total"] or 0
