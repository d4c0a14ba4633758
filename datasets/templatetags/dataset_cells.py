"""How a stored value shows in a preview or query table cell: nulls marked, long floats shortened (exact in a tooltip)."""

from django import template
from django.utils.html import format_html

register = template.Library()

SIGNIFICANT_DIGITS = 10


def short_float(value: float) -> str:
    """At most 10 significant digits: -0.9299999999999999 shows as -0.93."""
    return f"{value:.{SIGNIFICANT_DIGITS}g}"


@register.filter
def cell(value) -> str:
    """A null is a muted "null"; a float longer than 10 significant digits is rounded for display, its exact
    stored value in the title (hover) and in the downloads and the API, which are never rounded."""
    if value is None:
        return format_html('<span class="muted" title="missing value (null)">null</span>')
    if isinstance(value, float) and not isinstance(value, bool):
        exact, shown = repr(value), short_float(value)
        if float(shown) != value:
            return format_html('<span title="{}">{}</span>', exact, shown)
        return exact
    return format_html("{}", value)
