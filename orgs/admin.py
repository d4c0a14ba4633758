from django.contrib import admin

from orgs.models import Membership, Organization


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
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
