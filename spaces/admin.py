from django.contrib import admin

from orgs.admin import ResourceDeleteAdminMixin
from spaces.models import Space, SpaceExecution, SpaceFile, SpaceStar


class FileInline(admin.TabularInline):
    model = SpaceFile
    extra = 0
    fields = ["path", "size", "updated_at"]
    readonly_fields = fields
    show_change_link = True


@admin.register(Space)
class SpaceAdmin(ResourceDeleteAdminMixin, admin.ModelAdmin):
    list_display = ["name", "organization", "sdk", "space_type", "is_public", "stars_count", "executions_count"]
    list_filter = ["sdk", "space_type", "is_public"]
    search_fields = ["name", "title", "organization__slug"]
    raw_id_fields = ["organization", "created_by", "forked_from"]
    inlines = [FileInline]


@admin.register(SpaceExecution)
class SpaceExecutionAdmin(admin.ModelAdmin):
    list_display = ["id", "space", "user", "status", "execution_time", "cpu_seconds", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["space", "user"]
    readonly_fields = ["output", "error", "saved_files"]


@admin.register(SpaceFile)
class SpaceFileAdmin(admin.ModelAdmin):
    list_display = ["path", "space", "size", "updated_at"]
    search_fields = ["path", "space__name"]
    raw_id_fields = ["space"]
    exclude = ["content"]


@admin.register(SpaceStar)
class SpaceStarAdmin(admin.ModelAdmin):
    list_display = ["user", "space", "created_at"]
    search_fields = ["user__username", "space__name"]
    raw_id_fields = ["user", "space"]
