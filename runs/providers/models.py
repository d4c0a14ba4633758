"""Hardware provider credentials (encrypted at rest) and the provider side of hardware runs."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q


class Provider(models.TextChoices):
    IBM = "ibm", "IBM Quantum"
    BRAKET = "braket", "Amazon Braket"


class ProviderCredential(models.Model):
    """One provider's credentials for a user or for an organization (exactly one of the two).

    `secret` is a Fernet token (runs.providers.crypto) of the JSON {token, instance}; it is never returned
    by the API.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    provider = models.CharField(max_length=20, choices=Provider.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    organization = models.ForeignKey(
        "orgs.Organization", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    secret = models.TextField()
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "runs"
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False, organization__isnull=True)
                | Q(user__isnull=True, organization__isnull=False),
                name="provider_credential_one_owner",
                violation_error_message="Credentials belong to a user or to an organization.",
            ),
            models.UniqueConstraint(
                fields=["provider", "user"],
                condition=Q(user__isnull=False),
                name="provider_credential_unique_user",
                violation_error_message="You already have credentials for this provider.",
            ),
            models.UniqueConstraint(
                fields=["provider", "organization"],
                condition=Q(organization__isnull=False),
                name="provider_credential_unique_org",
                violation_error_message="This organization already has credentials for this provider.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider} credentials ({'user' if self.user_id else 'organization'})"


class HardwareJob(models.Model):
    """A run's job at a provider: which credentials submitted it (so polling and cancelling use the same)."""

    run = models.OneToOneField("runs.Run", primary_key=True, on_delete=models.CASCADE, related_name="hardware_job")
    provider = models.CharField(max_length=20, choices=Provider.choices)
    device = models.CharField(max_length=200, blank=True, default="")
    credential = models.ForeignKey(ProviderCredential, null=True, on_delete=models.SET_NULL, related_name="jobs")
    submitted_at = models.DateTimeField(null=True, blank=True)
    polled_at = models.DateTimeField(null=True, blank=True)
    readout = models.JSONField(null=True, blank=True)  # the qubit measured into each classical bit (Braket)
    provider_status = models.CharField(max_length=40, blank=True, default="")
    poll_failures = models.PositiveIntegerField(default=0)

    class Meta:
        app_label = "runs"

    def __str__(self) -> str:
        return f"{self.provider} job of run {self.run_id}"
