"""Spaces: small, editable code environments (files) that run in the sandbox and draw circuits.

A space's files are short sources and notes edited in place, read on every execution, and capped per file and
per space (settings QH_SPACE_MAX_FILE_BYTES, QH_SPACE_MAX_BYTES): they live in the database row, so that an
execution loads them all in one query and an edit is transactional. Uploaded artefacts (circuits, datasets) go
through the storage API instead.
"""

import uuid

from django.conf import settings
from django.db import models

from circuits.models import NAME_PATTERN, name_validator
from orgs.access import OwnedResource

__all__ = ["NAME_PATTERN", "ExecutionStatus", "Sdk", "Space", "SpaceExecution", "SpaceFile", "SpaceStar", "SpaceType"]


class Sdk(models.TextChoices):
    QISKIT = "qiskit", "Qiskit"
    PENNYLANE = "pennylane", "PennyLane"
    CIRQ = "cirq", "Cirq"


class SpaceType(models.TextChoices):
    NOTEBOOK = "notebook", "Notebook"
    APP = "app", "App"
    DEMO = "demo", "Demo"


class Space(OwnedResource):
    name = models.CharField(max_length=100, validators=[name_validator])
    title = models.CharField(max_length=500)
    description = models.TextField(blank=True, default="")
    sdk = models.CharField(max_length=20, choices=Sdk.choices, default=Sdk.QISKIT, db_index=True)
    space_type = models.CharField(max_length=20, choices=SpaceType.choices, default=SpaceType.NOTEBOOK, db_index=True)
    forked_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="forks")
    stars_count = models.PositiveIntegerField(default=0, db_index=True)
    forks_count = models.PositiveIntegerField(default=0)
    executions_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"],
                name="space_unique_name_per_owner",
                violation_error_message="A space with this name already exists for this owner.",
            )
        ]
        indexes = [models.Index(fields=["is_public", "sdk", "-created_at"])]

    def __str__(self) -> str:
        return self.repo_name

    @property
    def repo_name(self) -> str:
        return f"{self.organization.slug}/{self.name}"


class SpaceFile(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="files")
    path = models.CharField(max_length=255)
    content = models.BinaryField()
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["space", "path"],
                name="space_file_unique_path",
                violation_error_message="This space already has a file with this path.",
            )
        ]

    def __str__(self) -> str:
        return self.path


class SpaceStar(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="space_stars")
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="stars")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "space"], name="space_star_unique_user_space")]

    def __str__(self) -> str:
        return f"{self.user_id} ★ {self.space_id}"


class ExecutionStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    RUNNING = "running", "Running"
    SUCCESS = "success", "Success"
    ERROR = "error", "Error"
    TIMEOUT = "timeout", "Timeout"


FINISHED = (ExecutionStatus.SUCCESS, ExecutionStatus.ERROR, ExecutionStatus.TIMEOUT)


class SpaceExecution(models.Model):
    """One run of a space's code: what was asked, and (once finished) what came out. Counts against the plan."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="executions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="space_executions")
    status = models.CharField(max_length=10, choices=ExecutionStatus.choices, default=ExecutionStatus.PENDING)
    code = models.TextField(null=True, blank=True)  # noqa: DJ001 - null: file_to_run was given instead
    file_to_run = models.CharField(max_length=255, blank=True, default="")
    timeout = models.PositiveIntegerField(default=30)
    save_outputs = models.BooleanField(default=False)
    output = models.TextField(blank=True, default="")
    error = models.TextField(null=True, blank=True)  # noqa: DJ001 - null: no error (the API answers null)
    execution_time = models.FloatField(null=True, blank=True)
    cpu_seconds = models.FloatField(default=0)
    saved_files = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.space_id} {self.status}"

    @property
    def finished(self) -> bool:
        return self.status in FINISHED
