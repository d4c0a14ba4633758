import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

MAX_SHOTS = 100_000


class RunStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    COMPLETED = "completed", "Completed"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"


ACTIVE_STATUSES = (RunStatus.PENDING, RunStatus.QUEUED, RunStatus.RUNNING)
TERMINAL_STATUSES = (RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.CANCELLED)


class BackendType(models.TextChoices):
    SIMULATION = "simulation", "Simulation"
    EMULATION = "emulation", "Emulation"
    HARDWARE = "hardware", "Hardware"


class Run(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    circuit = models.ForeignKey("circuits.Circuit", on_delete=models.CASCADE, related_name="runs")
    circuit_version = models.ForeignKey(
        "circuits.CircuitVersion", null=True, on_delete=models.SET_NULL, related_name="runs"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="runs")
    backend_type = models.CharField(max_length=20, choices=BackendType.choices, default=BackendType.SIMULATION)
    backend_name = models.CharField(max_length=100, default="qiskit_aer")
    status = models.CharField(max_length=20, choices=RunStatus.choices, default=RunStatus.PENDING, db_index=True)
    shots = models.PositiveIntegerField(default=1024, validators=[MinValueValidator(1), MaxValueValidator(MAX_SHOTS)])
    parameters = models.JSONField(default=dict, blank=True)
    want_statevector = models.BooleanField(default=False)
    seed = models.PositiveBigIntegerField(null=True, blank=True)  # simulator and transpiler seed (reproducible runs)
    results = models.JSONField(null=True, blank=True)
    metrics = models.JSONField(null=True, blank=True)
    error_message = models.TextField(null=True, blank=True)  # noqa: DJ001  (the API answers null)
    error_class = models.CharField(max_length=40, null=True, blank=True)  # noqa: DJ001
    attempts = models.PositiveIntegerField(default=0)
    worker = models.CharField(max_length=200, blank=True, default="")
    provider_job_id = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["user", "-created_at"]),
            models.Index(fields=["circuit", "-created_at"]),
            models.Index(fields=["status", "updated_at"]),
        ]

    def __str__(self) -> str:
        return f"run {self.id} ({self.status})"

    @property
    def is_terminal(self) -> bool:
        return self.status in TERMINAL_STATUSES


from runs.providers.models import HardwareJob, ProviderCredential  # noqa: E402,F401  (registered with the runs app)


class DeletedRunUsage(models.Model):
    """A deleted run still counts against its user's plan for the period it was made in (runs per day, shots per
    month): deleting runs must not hand the quota back. Written when any run is deleted (page, API, admin,
    a circuit's deletion); rows older than the longest period are pruned by the recovery task."""

    user_id = models.UUIDField(db_index=True)  # no foreign key: the user may be the one being deleted
    created_at = models.DateTimeField(db_index=True)  # the run's, not the deletion's
    shots = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.shots} shots by {self.user_id} at {self.created_at:%Y-%m-%d %H:%M}"
