"""Hardware providers: IBM Quantum and Amazon Braket adapters, credentials, submission and polling.

runs.providers.services holds the writes and the credential lookup; runs.providers.execution the worker side.
"""

from runs.providers.base import Adapter

ADAPTERS: dict[str, str] = {"ibm": "runs.providers.ibm.IBMAdapter", "braket": "runs.providers.braket.BraketAdapter"}
PREFIXES = {"ibm_": "ibm", "braket_": "braket"}


def adapter(provider: str) -> Adapter:
    from django.utils.module_loading import import_string

    return import_string(ADAPTERS[provider])()


def provider_of(backend: dict) -> str | None:
    """The provider of a hardware catalogue entry."""
    if backend.get("provider") in ADAPTERS:
        return backend["provider"]
    return next((name for prefix, name in PREFIXES.items() if backend["id"].startswith(prefix)), None)
