"""Spaces test helpers: spaces with files for the shared personas (alice, bob, charlie, lab)."""

import pytest

from spaces.services import space_create, space_files_save

BELL_PY = b"""from qiskit import QuantumCircuit

qc = QuantumCircuit(2)
qc.h(0)
qc.cx(0, 1)
print(qc)
"""


def make_space(creator, name: str = "bell", *, files: dict[str, bytes] | None = None, **fields):
    fields.setdefault("title", name.replace("-", " ").title())
    space = space_create(creator=creator, name=name, **fields)
    if files:
        space_files_save(space=space, user=creator, files=files)
    return space


@pytest.fixture
def bell_space(alice):
    """alice/bell: public Qiskit space with bell.py."""
    return make_space(alice, "bell", files={"bell.py": BELL_PY})


@pytest.fixture
def secret_space(lab, alice):
    """lab/secret: a private space of the `lab` organization, created by its owner alice."""
    return make_space(alice, "secret", is_public=False, organization_name="lab", files={"notes.txt": b"classified"})


def execute(client, space, **body):
    return client.post(f"/api/spaces/{space.id}/execute", body, format="json")
