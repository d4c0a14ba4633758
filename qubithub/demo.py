"""Demo data: the demo user, the QubitHub organization and its curated circuits (idempotent)."""

import tomllib
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from accounts.models import User
from accounts.services import user_register
from circuits.models import Circuit
from circuits.services import IncomingFile, circuit_create, circuit_version_publish
from datasets.demo import load_demo_datasets
from orgs.models import Organization
from orgs.services import org_create
from spaces.demo import load_demo_spaces

DEMO_USERNAME = "demo"
DEMO_EMAIL = "demo@qubithub.local"
DEMO_PASSWORD = "quantum-demo"
CURATED_ORG = "qubithub"
CIRCUITS_DIR = settings.BASE_DIR / "demo" / "circuits"


def demo_user() -> User:
    user = User.objects.filter(username=DEMO_USERNAME).first()
    if user is None:
        user = user_register(email=DEMO_EMAIL, username=DEMO_USERNAME, password=DEMO_PASSWORD, name="Demo Researcher")
    return user


def curated_org(owner: User) -> Organization:
    org = Organization.objects.filter(slug=CURATED_ORG).first()
    if org is None:
        org = org_create(
            creator=owner,
            name="QubitHub",
            slug=CURATED_ORG,
            description="Curated, tested quantum circuits maintained by the QubitHub team.",
        )
    return org


def _files_of(folder: Path) -> list[IncomingFile]:
    return [
        IncomingFile(name=str(p.relative_to(folder)), content=p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    ]


def publish_folder(*, folder: Path, owner: User, organization: Organization | None, message: str) -> Circuit:
    project = tomllib.loads((folder / "qubithub.toml").read_text())["project"]
    org_slug = organization.slug if organization else owner.username
    circuit = Circuit.objects.filter(organization__slug=org_slug, name=project["name"]).first()
    if circuit is None:
        circuit = circuit_create(
            creator=owner,
            name=project["name"],
            title=project["title"],
            framework=project["framework"],
            description=project.get("description", ""),
            tags=project.get("tags", []),
            qubits=project["qubits"],
            gates=project.get("gates", []),
            depth=project.get("depth"),
            organization_name=organization.slug if organization else None,
        )
    if not circuit.versions.exists():
        circuit_version_publish(
            circuit=circuit,
            author=owner,
            files=_files_of(folder),
            commit_message=message,
            max_bytes=settings.QH_MAX_UPLOAD_BYTES,
        )
    return circuit


@transaction.atomic
def load_demo() -> dict:
    user = demo_user()
    org = curated_org(user)
    # Benchmark reference circuits first, so the hand-curated circuits lead the newest-first lists.
    call_command("publish_benchmark_suites", stdout=StringIO())  # frozen definitions: no simulation here
    circuits = [
        publish_folder(folder=folder, owner=user, organization=org, message="Curated circuit")
        for folder in sorted(CIRCUITS_DIR.iterdir())
        if (folder / "qubithub.toml").exists()
    ]
    personal = publish_folder(
        folder=CIRCUITS_DIR / "bell-state", owner=user, organization=None, message="My copy of the curated Bell state"
    )
    if personal.forked_from_id is None:
        personal.forked_from = next(c for c in circuits if c.name == "bell-state")
        personal.save(update_fields=["forked_from"])
    load_demo_datasets(owner=user, organization=org)
    load_demo_spaces(owner=user, organization=org)
    return {"user": user, "organization": org, "circuits": circuits + [personal]}
