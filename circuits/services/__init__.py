"""Every write on circuits. Import from here: `from circuits.services import circuit_create`."""

from circuits.services.analysis import circuit_version_analyse
from circuits.services.circuits import (
    circuit_create,
    circuit_delete,
    circuit_update,
    forks_count_drop,
    owner_organization,
    tags_set,
)
from circuits.services.social import circuit_fork, circuit_star_toggle, circuit_view_record
from circuits.services.versions import (
    IncomingFile,
    circuit_file_delete,
    circuit_version_publish,
    content_type_for,
    deleted_with,
    file_delete_refusal,
)

__all__ = [
    "IncomingFile",
    "circuit_create",
    "circuit_delete",
    "circuit_file_delete",
    "circuit_fork",
    "circuit_star_toggle",
    "circuit_update",
    "circuit_version_analyse",
    "circuit_version_publish",
    "circuit_view_record",
    "content_type_for",
    "deleted_with",
    "file_delete_refusal",
    "forks_count_drop",
    "owner_organization",
    "tags_set",
]
