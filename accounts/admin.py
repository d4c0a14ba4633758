from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import ApiKey, User
from orgs.admin import OrganizationDeleteAdminMixin


@admin.register(User)
class UserAdmin(OrganizationDeleteAdminMixin, BaseUserAdmin):
    def organizations_of(self, users):
        from orgs.models import Organization

        return Organization.objects.filter(personal_for__in=users)

    list_display = ["username", "email", "name", "plan", "is_active", "is_staff", "date_joined"]
    list_filter = ["plan", "is_active", "is_staff"]
    search_fields = ["username", "email", "name"]
    ordering = ["-date_joined"]
    fieldsets = BaseUserAdmin.fieldsets + (("QubitHub", {"fields": ("name", "avatar", "bio", "plan")}),)


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "key_prefix", "user", "organization", "rate_limit_per_minute", "last_used_at", "expires_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter), ("organization", admin.EmptyFieldListFilter)]
    search_fields = ["name", "key_prefix", "user__username", "user__email", "organization__slug"]
    raw_id_fields = ["user", "organization"]
    readonly_fields = ["key_prefix", "key_hash", "last_used_at", "created_at"]
    ordering = ["-created_at"]
