from django.contrib import admin
from django.db import transaction

from orgs.deletion import organizations_delete_with_resources, resource_delete
from orgs.models import Membership, Organization


class ResourceDeleteAdminMixin:
    """Deleting a circuit, dataset or space in the admin goes through its app's delete service, so its stored
    files (circuit files, git repository, dataset files) are removed too, not only its rows."""

    def delete_model(self, request, obj):
        with transaction.atomic():
            resource_delete(obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for resource in queryset:
                resource_delete(resource)


class OrganizationDeleteAdminMixin:
    """Deleting an organization (or a user, whose personal organization goes with them) in the admin deletes
    the resources it owns through their services first."""

    def organizations_of(self, objs):
        return objs

    def delete_model(self, request, obj):
        with transaction.atomic():
            organizations_delete_with_resources(self.organizations_of([obj]))
            obj.delete()

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            organizations_delete_with_resources(self.organizations_of(list(queryset)))
            queryset.delete()


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(OrganizationDeleteAdminMixin, admin.ModelAdmin):
    list_display = ["slug", "name", "personal_for", "created_at"]
    search_fields = ["slug", "name"]
    list_filter = [("personal_for", admin.EmptyFieldListFilter)]
    inlines = [MembershipInline]
    raw_id_fields = ["personal_for"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["organization", "user", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["organization__slug", "user__username", "user__email"]
    raw_id_fields = ["organization", "user"]
