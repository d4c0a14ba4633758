from django.contrib import admin

from circuits.models import Circuit, CircuitFile, CircuitVersion, Star, Tag
from orgs.admin import ResourceDeleteAdminMixin


class VersionInline(admin.TabularInline):
    model = CircuitVersion
    extra = 0
    fields = ["version_number", "commit_hash", "commit_message", "entry_point", "created_at"]
    readonly_fields = fields
    show_change_link = True


@admin.register(Circuit)
class CircuitAdmin(ResourceDeleteAdminMixin, admin.ModelAdmin):
    list_display = [
        "name",
        "organization",
        "framework",
        "qubits",
        "is_public",
        "stars_count",
        "runs_count",
        "created_at",
    ]
    list_filter = ["framework", "is_public"]
    search_fields = ["name", "title", "organization__slug"]
    raw_id_fields = ["organization", "created_by", "forked_from"]
    filter_horizontal = ["tags"]
    inlines = [VersionInline]


class FileInline(admin.TabularInline):
    model = CircuitFile
    extra = 0
    readonly_fields = ["name", "path", "size", "sha256", "content_type"]


@admin.register(CircuitVersion)
class CircuitVersionAdmin(admin.ModelAdmin):
    list_display = ["circuit", "version_number", "commit_hash", "author", "created_at"]
    search_fields = ["circuit__name", "commit_hash", "commit_message"]
    raw_id_fields = ["circuit", "author"]
    inlines = [FileInline]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Star)
class StarAdmin(admin.ModelAdmin):
    list_display = ["user", "circuit", "created_at"]
    raw_id_fields = ["user", "circuit"]


@admin.register(CircuitFile)
class CircuitFileAdmin(admin.ModelAdmin):
    list_display = ["path", "name", "size", "content_type"]
    search_fields = ["path", "name", "sha256"]
    raw_id_fields = ["version"]
