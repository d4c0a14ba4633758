"""Built-in usage meters. Apps without a meter here register their own (see accounts.usage)."""

from django.apps import apps
from django.db.models import Max


def circuit_storage_bytes(user) -> int:
    """Bytes of the distinct stored files of every circuit the user created (versions share unchanged files)."""
    circuit_file = apps.get_model("circuits", "CircuitFile")
    files = circuit_file.objects.filter(version__circuit__created_by=user).values("path").annotate(size=Max("size"))
    return sum(row["size"] for row in files)


def register_builtin_meters() -> None:
    from accounts.usage import register_meter

    if apps.is_installed("circuits"):
        register_meter("storage", circuit_storage_bytes)
