"""API key scopes. Each API view declares `scopes = Scopes(read=..., write=...)`.

Safe methods need `read`, others `write`. Requests authenticated by JWT or session are not limited
by scopes; requests authenticated by an API key are (enforced in qubithub.api.permissions).
"""

from dataclasses import dataclass

ALL_SCOPES = (
    "circuit:read",
    "circuit:write",
    "dataset:read",
    "dataset:write",
    "space:read",
    "space:write",
    "space:execute",
    "runs:read",
    "runs:submit",
    "org:admin",
)


@dataclass(frozen=True)
class Scopes:
    read: str | None = None
    write: str | None = None


CIRCUITS = Scopes(read="circuit:read", write="circuit:write")
DATASETS = Scopes(read="dataset:read", write="dataset:write")
SPACES = Scopes(read="space:read", write="space:write")
SPACE_EXECUTE = Scopes(read="space:read", write="space:execute")
RUNS = Scopes(read="runs:read", write="runs:submit")
ORGS = Scopes(read=None, write="org:admin")
ACCOUNT = Scopes(read=None, write=None)
