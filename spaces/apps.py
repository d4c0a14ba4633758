from django.apps import AppConfig


class SpacesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "spaces"

    def ready(self) -> None:
        from accounts.usage import register_meter
        from spaces.meters import cpu_seconds_this_month, executions_today, space_storage_bytes

        register_meter("storage", space_storage_bytes)
        register_meter("space_executions", executions_today)
        register_meter("space_cpu_seconds", cpu_seconds_this_month)
        _register_deletion()


def _register_deletion() -> None:
    """A forced organization deletion deletes its spaces through space_delete."""
    from orgs.deletion import register_resource_delete
    from spaces.models import Space
    from spaces.services import space_delete

    register_resource_delete(Space, lambda space: space_delete(space=space))
