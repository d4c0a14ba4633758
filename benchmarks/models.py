"""Suites (versioned, immutable once published), their problems and reference circuits, users' submissions, and
results: one platform-run measurement of one circuit on one backend, scored against the problem's ideal."""

import uuid

from django.conf import settings
from django.db import models

from benchmarks.querysets import ResultQuerySet


class Metric(models.TextChoices):
    NORMALIZED_FIDELITY = "normalized_fidelity", "Normalized fidelity"
    HELLINGER_FIDELITY = "hellinger_fidelity", "Hellinger fidelity"
    HEAVY_OUTPUT_PROBABILITY = "heavy_output_probability", "Heavy-output probability"


class Suite(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.SlugField(max_length=50)
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, default="")
    metric = models.CharField(max_length=40, choices=Metric.choices, default=Metric.NORMALIZED_FIDELITY)
    backends = models.JSONField(default=list, help_text="Backends a run without `backend` uses.")
    shots = models.PositiveIntegerField(default=1024)
    published_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "version"],
                name="benchmark_suite_unique_version",
                violation_error_message="This suite version is already published.",
            )
        ]

    def __str__(self) -> str:
        return self.key

    @property
    def key(self) -> str:
        return f"{self.name}-v{self.version}"


class Problem(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    suite = models.ForeignKey(Suite, on_delete=models.CASCADE, related_name="problems")
    index = models.PositiveIntegerField()
    name = models.SlugField(max_length=100)
    title = models.CharField(max_length=200)
    family = models.SlugField(max_length=50)
    qubits = models.PositiveIntegerField()
    params = models.JSONField(default=dict, blank=True)
    headline = models.BooleanField(default=False)
    ideal_distribution = models.JSONField(help_text="Exact output probabilities, qubit 0 the rightmost bit.")
    uniform_fidelity = models.FloatField(help_text="Hellinger fidelity of the uniform distribution to the ideal.")

    class Meta:
        ordering = ["suite", "index"]
        constraints = [
            models.UniqueConstraint(fields=["suite", "index"], name="benchmark_problem_unique_index"),
            models.UniqueConstraint(fields=["suite", "name"], name="benchmark_problem_unique_name"),
        ]

    def __str__(self) -> str:
        return f"{self.suite_id}:{self.name}"


class ReferenceCircuit(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="circuits")
    index = models.PositiveIntegerField()
    name = models.SlugField(max_length=100)
    title = models.CharField(max_length=200)
    circuit_version = models.ForeignKey("circuits.CircuitVersion", on_delete=models.PROTECT, related_name="+")
    qasm_sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["problem", "index"]
        constraints = [models.UniqueConstraint(fields=["problem", "index"], name="benchmark_circuit_unique_index")]

    def __str__(self) -> str:
        return self.name


class SubmissionStatus(models.TextChoices):
    CHECKING = "checking", "Checking"
    ACCEPTED = "accepted", "Accepted"
    REFUSED = "refused", "Refused"


class Submission(models.Model):
    """A user's circuit version offered as a solution to a problem; checked on the ideal simulator first."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="submissions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="benchmark_submissions")
    circuit_version = models.ForeignKey("circuits.CircuitVersion", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.CHECKING)
    check_run = models.ForeignKey("runs.Run", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    check_fidelity = models.FloatField(null=True, blank=True)
    detail = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"submission {self.id} ({self.status})"


class ResultStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SCORED = "scored", "Scored"
    FAILED = "failed", "Failed"


class Result(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="results")
    reference = models.ForeignKey(
        ReferenceCircuit, null=True, blank=True, on_delete=models.CASCADE, related_name="results"
    )
    submission = models.ForeignKey(Submission, null=True, blank=True, on_delete=models.CASCADE, related_name="results")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="benchmark_results")
    circuit_version = models.ForeignKey("circuits.CircuitVersion", on_delete=models.CASCADE, related_name="+")
    run = models.ForeignKey("runs.Run", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    rerun_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reruns")
    backend_name = models.CharField(max_length=100)
    backend_type = models.CharField(max_length=20)
    shots = models.PositiveIntegerField()
    seed = models.PositiveBigIntegerField()
    status = models.CharField(max_length=20, choices=ResultStatus.choices, default=ResultStatus.PENDING)
    verified = models.BooleanField(default=False, help_text="The platform ran it itself, with a recorded seed.")
    ranked = models.BooleanField(default=False, help_text="Scored and eligible for leaderboards.")
    score = models.FloatField(null=True, blank=True, help_text="The suite's metric.")
    score_lcb = models.FloatField(null=True, blank=True, help_text="Lower 95% confidence bound of the score.")
    metrics = models.JSONField(default=dict, blank=True)
    calibration_snapshot = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    scored_at = models.DateTimeField(null=True, blank=True)

    objects = ResultQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["problem", "ranked", "backend_type", "shots", "-score", "-score_lcb", "created_at", "id"],
                name="bench_result_board_type",
            ),
            models.Index(
                fields=[
                    "problem",
                    "ranked",
                    "backend_name",
                    "backend_type",
                    "shots",
                    "-score",
                    "-score_lcb",
                    "created_at",
                    "id",
                ],
                name="bench_result_board_backend",
            ),
            models.Index(fields=["user", "problem"], name="bench_result_user"),
        ]

    def __str__(self) -> str:
        return f"result {self.id} ({self.status})"
