from django.contrib import admin

from datasets.models import Dataset, DatasetCategory, DatasetStar, DatasetVersion
from orgs.admin import ResourceDeleteAdminMixin


class VersionInline(admin.TabularInline):
    model = DatasetVersion
    extra = 0
    fields = ["version_number", "state", "size_bytes", "total_rows", "commit_message", "created_at"]
    readonly_fields = fields
    show_change_link = True


class CategoryInline(admin.TabularInline):
    model = DatasetCategory
    extra = 0


@admin.register(Dataset)
class DatasetAdmin(ResourceDeleteAdminMixin, admin.ModelAdmin):
    list_display = ["name", "organization", "format", "is_public", "stars_count", "downloads_count", "created_at"]
    list_filter = ["format", "is_public"]
    search_fields = ["name", "title", "organization__slug"]
    raw_id_fields = ["organization", "created_by", "forked_from"]
    filter_horizontal = ["tags"]
    inlines = [CategoryInline, VersionInline]


@admin.register(DatasetVersion)
class DatasetVersionAdmin(admin.ModelAdmin):
    list_display = ["dataset", "version_number", "state", "size_bytes", "total_rows", "created_at"]
    list_filter = ["state"]
    search_fields = ["dataset__name", "sha256", "commit_message"]
    raw_id_fields = ["dataset", "author"]
    readonly_fields = ["sha256", "file_path", "derived_path", "size_bytes", "processed_at"]


@admin.register(DatasetStar)
class DatasetStarAdmin(admin.ModelAdmin):
    list_display = ["user", "dataset", "created_at"]
    raw_id_fields = ["user", "dataset"]


@admin.register(DatasetCategory)
class DatasetCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "dataset"]
    search_fields = ["name", "dataset__name"]
    raw_id_fields = ["dataset"]
