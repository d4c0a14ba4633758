"""Avatar addresses of users and organizations: https images only.

The default Content-Security-Policy (QH_CSP) lets pages load images from any https: host, so that an avatar URL
works; a plain http: one would be blocked by the policy and by browsers as mixed content, so it is refused here.
"""

from qubithub.api.exceptions import InvalidInput

AVATAR_MESSAGE = "An avatar must be an https:// image address."


def avatar_url_clean(url: str, *, field: str = "avatar") -> str:
    url = (url or "").strip()
    if url and not url.lower().startswith("https://"):
        raise InvalidInput(AVATAR_MESSAGE, fields={field: [AVATAR_MESSAGE]})
    return url
