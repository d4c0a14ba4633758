"""Every write on spaces. Import from here: `from spaces.services import space_create`."""

from spaces.services.executions import space_execute, space_execution_run, space_execution_start
from spaces.services.files import space_file_create, space_file_delete, space_file_update, space_files_save
from spaces.services.social import space_fork, space_star_toggle
from spaces.services.spaces import space_create, space_delete, space_update
from spaces.services.visualize import space_visualize

__all__ = [
    "space_create",
    "space_delete",
    "space_execute",
    "space_execution_run",
    "space_execution_start",
    "space_file_create",
    "space_file_delete",
    "space_file_update",
    "space_files_save",
    "space_fork",
    "space_star_toggle",
    "space_update",
    "space_visualize",
]
