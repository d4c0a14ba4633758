from django.apps import AppConfig


class CircuitsConfig(AppConfig):
    name = "circuits"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accounts.usage import register_meter
        from circuits.usage import circuit_storage_bytes

        register_meter("storage", circuit_storage_bytes)
        _register_deletion()


def _register_deletion() -> None:
    """A forced organization deletion deletes its circuits through circuit_delete (files and git repository)."""
    from circuits.models import Circuit
    from circuits.services import circuit_delete
    from orgs.deletion import register_resource_delete

    register_resource_delete(Circuit, lambda circuit: circuit_delete(circuit=circuit))
