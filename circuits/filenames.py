"""Names of uploaded files are validated, never trusted."""

import re

MAX_NAME_LENGTH = 255
MAX_SEGMENT_LENGTH = 100
_SEGMENT = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]*$")
# Git's own dotfiles may sit in a circuit (the official `circuits init` writes a .gitignore); no other hidden file.
GIT_DOTFILES = {".gitignore", ".gitattributes"}
TEXT_EXTENSIONS = (
    ".gitignore",
    ".gitattributes",
    ".py",
    ".qasm",
    ".toml",
    ".json",
    ".md",
    ".txt",
    ".yaml",
    ".yml",
    ".cfg",
    ".ini",
)


class FileNameError(ValueError):
    pass


def clean_relative_path(raw: str) -> str:
    """Normalise a client path (backslashes to /) and reject anything that could escape or hide."""
    name = (raw or "").replace("\\", "/").strip()
    if not name:
        raise FileNameError("File name is empty.")
    if len(name) > MAX_NAME_LENGTH:
        raise FileNameError(f"File name is longer than {MAX_NAME_LENGTH} characters.")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise FileNameError(f"'{raw}': absolute paths are not allowed.")
    segments = name.split("/")
    for segment in segments:
        if segment in ("", ".", ".."):
            raise FileNameError(f"'{raw}': empty, '.' or '..' path segments are not allowed.")
        if segment in GIT_DOTFILES and segment == segments[-1]:
            continue
        if segment.startswith("."):
            raise FileNameError(f"'{raw}': hidden files and folders are not allowed.")
        if len(segment) > MAX_SEGMENT_LENGTH or not _SEGMENT.match(segment):
            raise FileNameError(
                f"'{raw}': each path segment may use only letters, digits, '.', '_' and '-' "
                f"(at most {MAX_SEGMENT_LENGTH} characters)."
            )
    return "/".join(segments)


def check_text_content(name: str, content: bytes) -> None:
    if not name.lower().endswith(TEXT_EXTENSIONS):
        return
    if b"\x00" in content:
        raise FileNameError(f"'{name}' looks binary, but its extension says it is text.")
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        raise FileNameError(f"'{name}' is not valid UTF-8 text.") from None
