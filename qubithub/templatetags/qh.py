from django import template
from django.utils.safestring import mark_safe

from qubithub import rendering

register = template.Library()


@register.filter
def markdown(text: str) -> str:
    return mark_safe(rendering.markdown_to_html(text))  # noqa: S308  (sanitised by nh3)


@register.simple_tag
def histogram(counts) -> str:
    return mark_safe(rendering.histogram_svg(counts))  # noqa: S308  (every label escaped)


@register.simple_tag
def coupling_map(edges, qubits) -> str:
    return mark_safe(rendering.coupling_svg(edges or [], int(qubits or 0)))  # noqa: S308  (numbers only)


@register.simple_tag
def sparkline(values) -> str:
    return mark_safe(rendering.sparkline_svg([float(v) for v in values or []]))  # noqa: S308  (numbers only)


@register.filter
def percent(value) -> str:
    try:
        return f"{float(value):.1%}"
    except (TypeError, ValueError):
        return "–"


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (for pagination and sort links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return "?" + params.urlencode()


@register.filter
def words(key: str) -> str:
    """`space_cpu_seconds` → `Space CPU seconds`-like label: underscores become spaces, first letter capital."""
    text = str(key).replace("_", " ")
    return text[:1].upper() + text[1:]
