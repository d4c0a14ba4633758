"""A new API key's plaintext on the pages: kept in the session by the POST, shown by the next GET, then forgotten.

POST/Redirect/GET, so that reloading the page never creates a second key, while the secret is still shown exactly
once and never travels in a URL.
"""

from accounts.keys import IssuedKey

SESSION_KEY = "qh_new_api_key"


def new_key_keep(request, *, issued: IssuedKey, page: str) -> None:
    """Remember the key for the next GET of `page` (e.g. "user" or "org:<id>")."""
    request.session[SESSION_KEY] = {"page": page, "name": issued.api_key.name, "plaintext": issued.plaintext}


def new_key_pop(request, *, page: str) -> dict | None:
    """The kept key ({name, plaintext}) if it is for `page`; it is removed from the session either way it is read."""
    kept = request.session.get(SESSION_KEY)
    if not kept or kept.get("page") != page:
        return None
    del request.session[SESSION_KEY]
    return {"name": kept["name"], "plaintext": kept["plaintext"]}
