"""The public demo dataset: an H2 dissociation curve under the curated organization (idempotent)."""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from datasets.models import Dataset
from datasets.services import dataset_create, dataset_version_process, dataset_version_publish

DATASETS_DIR = settings.BASE_DIR / "demo" / "datasets"
DEMO = {
    "name": "h2-dissociation-curve",
    "title": "H2 dissociation curve (FCI and VQE)",
    "description": "Ground-state energy of H2 (STO-3G, 4 qubits) against bond distance, exact (FCI) and VQE/UCCSD.",
    "format": "csv",
    "tags": ["chemistry", "vqe", "h2"],
    "task_categories": ["regression"],
    "license": "CC-BY-4.0",
}


def load_demo_datasets(*, owner, organization) -> list[Dataset]:
    dataset = Dataset.objects.filter(organization=organization, name=DEMO["name"]).first()
    if dataset is None:
        dataset = dataset_create(creator=owner, organization_name=organization.slug, **DEMO)
    if not dataset.versions.exists():
        content = (DATASETS_DIR / f"{DEMO['name']}.csv").read_bytes()
        version = dataset_version_publish(
            dataset=dataset,
            author=owner,
            uploaded=SimpleUploadedFile(f"{DEMO['name']}.csv", content),
            commit_message="Demo dataset",
        )
        dataset_version_process(version_id=version.id)  # at once: the demo is ready when start-up ends
    return [dataset]
