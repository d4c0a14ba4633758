import uuid

from django.conf import settings
from django.db import models

from circuits.models import NAME_PATTERN, Tag, name_validator
from orgs.access import OwnedResource

__all__ = ["NAME_PATTERN", "Dataset", "DatasetCategory", "DatasetStar", "DatasetVersion", "Format", "State"]


class Format(models.TextChoices):
    CSV = "csv", "CSV"
    NPY = "npy", "NumPy array"
    HDF5 = "hdf5", "HDF5"
    JSON = "json", "JSON"
    PARQUET = "parquet", "Parquet"


class State(models.TextChoices):
    PROCESSING = "processing", "Processing"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class Dataset(OwnedResource):
    name = models.CharField(max_length=100, validators=[name_validator])
    title = models.CharField(max_length=500)
    description = models.TextField(blank=True, default="")
    format = models.CharField(max_length=10, choices=Format.choices, db_index=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="datasets")
    license = models.CharField(max_length=200, blank=True, default="")
    citation = models.TextField(blank=True, default="")
    forked_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="forks")
    stars_count = models.PositiveIntegerField(default=0, db_index=True)
    downloads_count = models.PositiveIntegerField(default=0, db_index=True)
    forks_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"],
                name="dataset_unique_name_per_owner",
                violation_error_message="A dataset with this name already exists for this owner.",
            )
        ]
        indexes = [models.Index(fields=["is_public", "format", "-created_at"])]

    def __str__(self) -> str:
        return self.repo_name

    @property
    def repo_name(self) -> str:
        return f"{self.organization.slug}/{self.name}"


class DatasetCategory(models.Model):
    """A machine-learning task category (classification, regression, ...) a dataset serves."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(max_length=50, db_index=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["dataset", "name"], name="dataset_category_unique")]

    def __str__(self) -> str:
        return self.name


class DatasetVersion(models.Model):
    """One uploaded file; processing fills in what it contains, once, in the background."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="versions")
    version_number = models.PositiveIntegerField()
    commit_message = models.CharField(max_length=1000, blank=True, default="")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    file_path = models.CharField(max_length=512)
    derived_path = models.CharField(max_length=512, blank=True, default="")
    size_bytes = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    state = models.CharField(max_length=12, choices=State.choices, default=State.PROCESSING, db_index=True)
    error_message = models.TextField(blank=True, default="")
    dataset_schema = models.JSONField(default=dict, blank=True)
    total_rows = models.PositiveBigIntegerField(null=True, blank=True)
    column_stats = models.JSONField(default=dict, blank=True)
    structure = models.JSONField(default=dict, blank=True)
    preview = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["version_number"]
        constraints = [
            models.UniqueConstraint(fields=["dataset", "version_number"], name="dataset_version_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.dataset_id} v{self.version_number}"


class DatasetStar(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dataset_stars")
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="stars")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "dataset"], name="dataset_star_unique_user")]

    def __str__(self) -> str:
        return f"{self.user_id} ★ {self.dataset_id}"
