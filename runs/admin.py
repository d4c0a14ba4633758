from django.contrib import admin

from runs.models import DeletedRunUsage, Run
from runs.providers.models import HardwareJob, ProviderCredential


@admin.register(Run)
class RunAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "circuit",
        "user",
        "backend_name",
        "status",
        "shots",
        "attempts",
        "created_at",
        "completed_at",
    ]
    list_filter = ["status", "backend_type", "backend_name", "error_class"]
    search_fields = ["id", "circuit__name", "user__username", "error_message"]
    raw_id_fields = ["circuit", "circuit_version", "user"]
    readonly_fields = ["created_at", "queued_at", "started_at", "completed_at", "updated_at"]


@admin.register(ProviderCredential)
class ProviderCredentialAdmin(admin.ModelAdmin):
    """The secret is encrypted and never shown; operators see who has credentials for which provider."""

    list_display = ["provider", "user", "organization", "set_by", "updated_at"]
    list_filter = ["provider"]
    search_fields = ["user__username", "organization__slug"]
    raw_id_fields = ["user", "organization", "set_by"]
    exclude = ["secret"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(HardwareJob)
class HardwareJobAdmin(admin.ModelAdmin):
    list_display = ["run", "provider", "device", "provider_status", "submitted_at", "polled_at", "poll_failures"]
    list_filter = ["provider", "provider_status"]
    search_fields = ["run__id", "device"]
    raw_id_fields = ["run", "credential"]


@admin.register(DeletedRunUsage)
class DeletedRunUsageAdmin(admin.ModelAdmin):
    list_display = ["user_id", "created_at", "shots"]
    search_fields = ["user_id"]
