"""Encryption at rest for provider credentials (Fernet: AES-128-CBC with HMAC-SHA256).

Keys come from QH_CREDENTIALS_KEY: a comma-separated list, the first encrypts and all decrypt (to rotate, put the
new key first). Each item is a Fernet key, or any other string from which one is derived. Unset, the key is
derived from SECRET_KEY, so changing SECRET_KEY then makes stored credentials unreadable (they must be set again).
"""

import base64
import hashlib
import json

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


class CredentialsUnreadable(Exception):
    """The stored credentials cannot be decrypted with the configured keys."""


def _fernet_key(material: str) -> bytes:
    try:
        Fernet(material.encode())
        return material.encode()
    except ValueError:
        digest = hashlib.sha256(b"qubithub-provider-credentials:" + material.encode()).digest()
        return base64.urlsafe_b64encode(digest)


def _cipher() -> MultiFernet:
    configured = [item.strip() for item in (settings.QH_CREDENTIALS_KEY or "").split(",") if item.strip()]
    materials = configured or [settings.SECRET_KEY]
    return MultiFernet([Fernet(_fernet_key(material)) for material in materials])


def seal(data: dict) -> str:
    return _cipher().encrypt(json.dumps(data, sort_keys=True).encode()).decode()


def unseal(token: str) -> dict:
    try:
        return json.loads(_cipher().decrypt(token.encode()))
    except (InvalidToken, ValueError) as exc:
        raise CredentialsUnreadable("the stored credentials cannot be decrypted with this server's keys") from exc
