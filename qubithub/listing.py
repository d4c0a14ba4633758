"""Reads every owned, listed resource shares: sort orders and `owner/name` repository names."""

from qubithub.errors import InvalidInput

ALWAYS_DESCENDING = {"created_at", "updated_at", "stars_count", "forks_count", "runs_count", "views_count"}


def order_by_for(sort: str, *, descending: set[str] = ALWAYS_DESCENDING) -> list[str]:
    """`name` ascending, `-name` descending; counters and dates newest/most first; the id breaks ties."""
    field = sort.lstrip("-")
    backwards = sort.startswith("-") or field in descending
    return [f"-{field}" if backwards else field, "-id" if backwards else "id"]


def repo_lookup(repo_name: str) -> dict:
    """`owner/name` as a case-insensitive lookup on an OwnedResource with a `name` field."""
    owner, sep, name = (repo_name or "").strip().partition("/")
    if not sep or not owner or not name or "/" in name:
        raise InvalidInput("repo_name must look like 'owner/name'.")
    return {"organization__slug__iexact": owner, "name__iexact": name}
