"""Stars and forks of spaces."""

from django.db import transaction

from qubithub.errors import Conflict
from qubithub.social import counter_bump, star_toggle
from spaces.models import Space, SpaceStar
from spaces.selectors import space_files
from spaces.services.files import space_files_save
from spaces.services.spaces import space_save_new


def space_star_toggle(*, space: Space, user) -> tuple[bool, int]:
    return star_toggle(star_model=SpaceStar, target_field="space", target=space, user=user)


def space_fork(*, source: Space, user, name: str | None = None) -> Space:
    """Metadata and every file, into the caller's personal namespace."""
    name = name or source.name
    fork = Space(
        organization=user.personal_org,
        created_by=user,
        name=name,
        title=source.title,
        description=source.description,
        sdk=source.sdk,
        space_type=source.space_type,
        is_public=source.is_public,
        forked_from=source,
    )
    taken = Conflict(f"You already have a space named '{name}'. Pick another name for the fork.")
    with transaction.atomic():
        space_save_new(fork, taken_error=taken)
        files = space_files(source)
        if files:
            space_files_save(space=fork, user=user, files=files)
        counter_bump(source, "forks_count")
    return fork
