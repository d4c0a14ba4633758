"""Presentation helpers shared by the pages: sanitised Markdown, highlighted source, SVG charts."""

import html
import math
import re

import markdown as markdown_lib
import nh3
from pygments import highlight as pygments_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import TextLexer, get_lexer_for_filename
from pygments.util import ClassNotFound

MAX_HIGHLIGHT_BYTES = 200_000


_HEADING_TAG = re.compile(r"<(/?)h([1-6])(?=[\s>])", re.IGNORECASE)


def markdown_to_html(text: str) -> str:
    """Markdown rendered, then sanitised by an allow-list (no scripts, styles or event handlers). Headings
    move one level down (# → h2 … ###### stays h6): the page around a description owns its only <h1>."""
    rendered = markdown_lib.markdown(text or "", extensions=["fenced_code", "tables", "sane_lists"])
    cleaned = nh3.clean(rendered, link_rel="noopener noreferrer nofollow")  # nh3's default allow-list
    return _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}", cleaned)


def lexer_for(filename: str):
    if filename.endswith(".qasm"):
        filename = filename[:-5] + ".c"  # close enough: C-like comments, numbers and identifiers
    try:
        return get_lexer_for_filename(filename, stripnl=False)
    except ClassNotFound:
        return TextLexer()


def highlight_source(content: bytes, filename: str) -> str | None:
    """Highlighted HTML, or None when the file is binary or too large to show."""
    if len(content) > MAX_HIGHLIGHT_BYTES:
        return None
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return pygments_highlight(text, lexer_for(filename), HtmlFormatter(cssclass="highlight", linenos=False))


def histogram_bars(counts: dict, *, limit: int = 32) -> list[dict]:
    """Outcomes sorted by count (then name), with probabilities; the rest folded into one 'other' bar."""
    total = sum(counts.values()) or 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    bars = [{"state": state, "count": count, "probability": count / total} for state, count in ordered[:limit]]
    rest = sum(count for _, count in ordered[limit:])
    if rest:
        bars.append({"state": f"{len(ordered) - limit} others", "count": rest, "probability": rest / total})
    return bars


def histogram_svg(counts: dict | None, *, title: str = "Measurement outcomes") -> str:
    if not counts:
        return ""
    bars = histogram_bars(counts)
    width, height, top, bottom, left = max(320, 40 * len(bars) + 60), 220, 20, 50, 40
    peak = max(b["probability"] for b in bars) or 1
    slot = (width - left - 10) / len(bars)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        'aria-labelledby="hist-title">',
        f'<title id="hist-title">{html.escape(title)}</title>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="currentColor" />',
    ]
    for i, bar in enumerate(bars):
        h = (height - top - bottom) * bar["probability"] / peak
        x, y = left + i * slot + slot * 0.15, height - bottom - h
        label = html.escape(bar["state"])
        parts.append(
            f"<g><title>{label}: {bar['count']} ({bar['probability']:.1%})</title>"
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" />'
            f'<text x="{x + slot * 0.35:.1f}" y="{y - 4:.1f}" text-anchor="middle">{bar["probability"]:.2f}</text>'
            f'<text x="{x + slot * 0.35:.1f}" y="{height - bottom + 14}" text-anchor="end" '
            f'transform="rotate(-40 {x + slot * 0.35:.1f} {height - bottom + 14})">{label}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def coupling_svg(edges: list, qubits: int) -> str:
    """Qubits on a circle, couplings as lines: a readable layout for any device without a stored one."""
    if not qubits:
        return ""
    size, radius = 360, 150 if qubits > 1 else 0
    points = [
        (
            size / 2 + radius * math.cos(2 * math.pi * q / qubits - math.pi / 2),
            size / 2 + radius * math.sin(2 * math.pi * q / qubits - math.pi / 2),
        )
        for q in range(qubits)
    ]
    seen, lines = set(), []
    for a, b in edges:
        key = (min(a, b), max(a, b))
        if key in seen or max(key) >= qubits:
            continue
        seen.add(key)
        (x1, y1), (x2, y2) = points[a], points[b]
        lines.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" />')
    nodes = [
        f'<g><circle cx="{x:.1f}" cy="{y:.1f}" r="9" /><text x="{x:.1f}" y="{y:.1f}">{q}</text></g>'
        for q, (x, y) in enumerate(points)
    ]
    return (
        f'<svg class="coupling" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" '
        f'aria-label="Coupling map: {qubits} qubits, {len(seen)} couplings">{"".join(lines)}{"".join(nodes)}</svg>'
    )


def sparkline_svg(values: list[float], *, width: int = 120, height: int = 28) -> str:
    """A tiny histogram (bars) for per-column statistics."""
    if not values:
        return ""
    peak = max(values) or 1
    slot = width / len(values)
    bars = "".join(
        f'<rect x="{i * slot:.1f}" y="{height - height * v / peak:.1f}" width="{max(slot - 1, 1):.1f}" '
        f'height="{height * v / peak:.1f}" />'
        for i, v in enumerate(values)
    )
    return (
        f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" aria-hidden="true">'
        f"{bars}</svg>"
    )


def error_svg(message: str) -> str:
    """A small image that says why there is no picture (an <img> then shows text instead of failing)."""
    text = html.escape(message[:160])
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 40" width="640" height="40">'
        f'<text x="8" y="24" font-family="sans-serif" font-size="13" fill="#57606a">{text}</text></svg>'
    )


def _bins(values: list[float], count: int = 10) -> list[int]:
    low, high = min(values), max(values)
    if high == low:
        return [len(values)]
    width = (high - low) / count
    bins = [0] * count
    for v in values:
        bins[min(int((v - low) / width), count - 1)] += 1
    return bins


def column_summaries(stats: dict, preview: dict) -> list[dict]:
    """Per column: type, statistics, and the bars of a small histogram (top values for text columns,
    the previewed rows' distribution for numeric ones)."""
    columns = preview.get("columns") or list(stats)
    rows = preview.get("rows") or []
    summaries = []
    for index, name in enumerate(columns):
        column = stats.get(name) or {}
        if column.get("top_values"):
            bars, source = [t["count"] for t in column["top_values"]], "top values"
        else:
            numbers = [r[index] for r in rows if index < len(r) and isinstance(r[index], int | float)]
            bars, source = (_bins(numbers), f"first {len(rows)} row{'' if len(rows) == 1 else 's'}") if numbers else ([], "")
        summaries.append({"name": name, "stats": column, "bars": bars, "bars_source": source})
    return summaries
