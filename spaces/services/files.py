"""Writes on a space's files: create, change, delete, save many at once; paths validated like circuit uploads.

Limits: QH_SPACE_MAX_FILE_BYTES per file, QH_SPACE_MAX_BYTES and QH_SPACE_MAX_FILES per space (413 / 400 above
them), and the owner's plan storage.
"""

from django.conf import settings
from django.db import IntegrityError, transaction

from accounts.usage import usage_check
from circuits.filenames import FileNameError, check_text_content, clean_relative_path
from qubithub.errors import Conflict, DomainError, InvalidInput
from spaces.models import Space, SpaceFile


class SpaceTooLarge(DomainError):
    status_code = 413
    default_detail = "The space's files are larger than allowed."


def clean_path(raw: str) -> str:
    try:
        return clean_relative_path(raw)
    except FileNameError as error:
        raise InvalidInput(f"path: {error}") from None


def _check_file(path: str, content: bytes) -> None:
    limit = settings.QH_SPACE_MAX_FILE_BYTES
    if len(content) > limit:
        raise SpaceTooLarge(f"'{path}' is {len(content):,} bytes; a space file may be at most {limit:,} bytes.")
    try:
        check_text_content(path, content)
    except FileNameError as error:
        raise InvalidInput(str(error)) from None


def _check_space(space: Space, *, user, adding: dict[str, int], removing: tuple[str, ...] = ()) -> None:
    """`adding`: path -> new size of every file written (replacing any file at that path)."""
    current = dict(SpaceFile.objects.filter(space=space).values_list("path", "size"))
    after = {path: size for path, size in current.items() if path not in removing} | adding
    if len(after) > settings.QH_SPACE_MAX_FILES:
        raise InvalidInput(f"A space may hold at most {settings.QH_SPACE_MAX_FILES} files.")
    total, limit = sum(after.values()), settings.QH_SPACE_MAX_BYTES
    if total > limit:
        raise SpaceTooLarge(f"The space's files would take {total:,} bytes; a space may hold at most {limit:,} bytes.")
    growth = total - sum(current.values())
    if growth > 0:
        usage_check(user=user, kind="storage", amount=growth)


def space_file_create(*, space: Space, user, path: str, content: bytes) -> SpaceFile:
    path = clean_path(path)
    _check_file(path, content)
    if SpaceFile.objects.filter(space=space, path=path).exists():
        raise Conflict(f"This space already has a file '{path}'; change it with PUT /spaces/files/{{file_id}}.")
    _check_space(space, adding={path: len(content)}, user=user)
    try:
        with transaction.atomic():
            record = SpaceFile.objects.create(space=space, path=path, content=content, size=len(content))
    except IntegrityError:
        raise Conflict(f"This space already has a file '{path}'.") from None
    _touch(space)
    return record


@transaction.atomic
def space_file_update(*, record: SpaceFile, user, content: bytes | None = None, path: str | None = None) -> SpaceFile:
    """Change the content, the path (a rename), or both."""
    new_path = clean_path(path) if path is not None else record.path
    new_content = content if content is not None else bytes(record.content)
    _check_file(new_path, new_content)
    if new_path != record.path and SpaceFile.objects.filter(space=record.space, path=new_path).exists():
        raise Conflict(f"This space already has a file '{new_path}'.")
    removing = (record.path,) if new_path != record.path else ()
    _check_space(record.space, user=user, adding={new_path: len(new_content)}, removing=removing)
    record.path, record.content, record.size = new_path, new_content, len(new_content)
    record.save()
    _touch(record.space)
    return record


def space_file_delete(*, record: SpaceFile) -> None:
    space = record.space
    record.delete()
    _touch(space)


@transaction.atomic
def space_files_save(*, space: Space, user, files: dict[str, bytes]) -> list[str]:
    """Create or replace several files (saved outputs, a fork's copy); returns the saved paths."""
    cleaned = {clean_path(path): content for path, content in files.items()}
    for path, content in cleaned.items():
        _check_file(path, content)
    _check_space(space, adding={path: len(content) for path, content in cleaned.items()}, user=user)
    for path, content in cleaned.items():
        SpaceFile.objects.update_or_create(space=space, path=path, defaults={"content": content, "size": len(content)})
    _touch(space)
    return sorted(cleaned)


def _touch(space: Space) -> None:
    space.save(update_fields=["updated_at"])
