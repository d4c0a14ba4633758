"""`{% load tag_links %}…{{ t.name|tag_url }}`: a tag's page, or a search for it when its name cannot be a URL."""

from urllib.parse import urlencode

from django import template
from django.urls import NoReverseMatch, reverse

from circuits.tags import tag_is_valid

register = template.Library()


@register.filter
def tag_url(name: str) -> str:
    """A tag stored before the tag rule (`a/b`, `..`) must never break a page: it links to a search instead."""
    if tag_is_valid(name):
        try:
            return reverse("tag", args=[name])
        except NoReverseMatch:
            pass
    return f"{reverse('explore')}?{urlencode({'q': name or ''})}"
