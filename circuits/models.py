import uuid

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models

from orgs.access import OwnedResource

NAME_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$"
name_validator = RegexValidator(
    NAME_PATTERN, "Name must be 1-100 characters: lowercase letters, digits and hyphens, not starting or ending with -."
)


class Framework(models.TextChoices):
    QISKIT = "qiskit", "Qiskit"
    PENNYLANE = "pennylane", "PennyLane"
    CIRQ = "cirq", "Cirq"
    OPENQASM3 = "openqasm3", "OpenQASM 3"


class Tag(models.Model):
    name = models.CharField(max_length=50, unique=True)

    def __str__(self) -> str:
        return self.name


class Circuit(OwnedResource):
    name = models.CharField(max_length=100, validators=[name_validator])
    title = models.CharField(max_length=500)
    description = models.TextField(blank=True, default="")
    framework = models.CharField(max_length=20, choices=Framework.choices, db_index=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="circuits")
    qubits = models.PositiveIntegerField(default=0, db_index=True)
    gates = models.JSONField(default=list, blank=True)
    depth = models.PositiveIntegerField(null=True, blank=True, validators=[MinValueValidator(0)])
    extra_metadata = models.JSONField(default=dict, blank=True)
    forked_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="forks")
    stars_count = models.PositiveIntegerField(default=0, db_index=True)
    views_count = models.PositiveIntegerField(default=0)
    forks_count = models.PositiveIntegerField(default=0)
    runs_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"],
                name="circuit_unique_name_per_owner",
                violation_error_message="A circuit with this name already exists for this owner.",
            )
        ]
        indexes = [
            models.Index(fields=["is_public", "framework", "-created_at"]),
            models.Index(fields=["is_public", "-stars_count"]),
        ]

    def __str__(self) -> str:
        return self.repo_name

    @property
    def repo_name(self) -> str:
        return f"{self.organization.slug}/{self.name}"


class CircuitVersion(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    circuit = models.ForeignKey(Circuit, on_delete=models.CASCADE, related_name="versions")
    version_number = models.PositiveIntegerField()
    commit_hash = models.CharField(max_length=64)
    commit_message = models.CharField(max_length=1000, blank=True, default="")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    entry_point = models.CharField(max_length=255, blank=True, default="")
    manifest = models.JSONField(default=dict, blank=True)
    analysis = models.JSONField(default=dict, blank=True)
    # Set when the version came from `git push`: the pushed commit's author, committer, dates and message,
    # so that the derived git repository is rebuilt with the very same commit hashes.
    git_commit = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["version_number"]
        constraints = [
            models.UniqueConstraint(fields=["circuit", "version_number"], name="version_unique_number_per_circuit")
        ]

    def __str__(self) -> str:
        return f"{self.circuit_id} v{self.version_number}"


class CircuitFile(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    version = models.ForeignKey(CircuitVersion, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=255)
    path = models.CharField(max_length=512, db_index=True)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(max_length=100, default="application/octet-stream")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["version", "name"], name="file_unique_name_per_version")]

    def __str__(self) -> str:
        return self.path


class Star(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="circuit_stars")
    circuit = models.ForeignKey(Circuit, on_delete=models.CASCADE, related_name="stars")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "circuit"], name="star_unique_user_circuit")]

    def __str__(self) -> str:
        return f"{self.user_id} ★ {self.circuit_id}"
