from django.contrib import admin

from runs.models import Run


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
