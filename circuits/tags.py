"""Tags: the one spelling rule every tagged resource (circuits, datasets) and every filter shares."""

import re

from qubithub.errors import InvalidInput

TAG_PATTERN = r"[a-z0-9][a-z0-9+._-]{0,49}"
TAG_RULE = "a tag is 1-50 characters: lowercase letters, digits and + . _ -, starting with a letter or digit"
MAX_TAGS = 30
_TAG = re.compile(rf"^{TAG_PATTERN}$")


def tag_is_valid(name: str) -> bool:
    return bool(_TAG.match(name or ""))


def tag_normalise(raw: str) -> str:
    """`  Qiskit-1.0 ` → `qiskit-1.0`; anything that would not make a clean URL segment is refused."""
    name = (raw or "").strip().lower()
    if not tag_is_valid(name):
        raise InvalidInput(f"Invalid tag {raw!r}: {TAG_RULE}.", fields={"tags": [TAG_RULE]})
    return name


def tags_normalise(names: list[str] | None) -> list[str]:
    """Each tag normalised, blanks skipped, duplicates dropped, in the order given; at most MAX_TAGS."""
    cleaned = list(dict.fromkeys(tag_normalise(n) for n in names or [] if n and n.strip()))
    if len(cleaned) > MAX_TAGS:
        raise InvalidInput(f"At most {MAX_TAGS} tags, got {len(cleaned)}.", fields={"tags": [f"At most {MAX_TAGS}."]})
    return cleaned
