"""The settings tabs link the organizations a user administers: one query, however many there are."""

from django import template

from orgs.models import Organization, Role

register = template.Library()


@register.simple_tag
def administered_organizations(user):
    """Organizations other than the user's personal one where they are an admin or the owner, by slug."""
    roles = [Role.ADMIN, Role.OWNER]
    mine = Organization.objects.filter(memberships__user=user, memberships__role__in=roles)
    return mine.exclude(personal_for=user).order_by("slug")
