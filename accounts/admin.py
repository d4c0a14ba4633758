from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "name", "plan", "is_active", "is_staff", "date_joined"]
    list_filter = ["plan", "is_active", "is_staff"]
    search_fields = ["username", "email", "name"]
    ordering = ["-date_joined"]
    fieldsets = BaseUserAdmin.fieldsets + (("QubitHub", {"fields": ("name", "avatar", "bio", "plan")}),)
