"""Inline SVG charts for the HTML report: no script, no external asset, prints well.

Each function takes the report dict's own data and returns SVG markup (text escaped here),
sized by ``viewBox`` so it scales with the page. Every bar carries a ``<title>`` (the exact
number on hover) and a visible label, so nothing depends on colour alone.
"""

from __future__ import annotations

from html import escape
from typing import Any

GREEN, RED, BLUE, TEAL, GREY, INK = "#2e7d32", "#c62828", "#1565c0", "#00897b", "#9e9e9e", "#222"
ORANGE = "#ef6c00"
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"'


def _svg(width: int, height: int, body: list[str], label: str, ident: str) -> str:
    return (
        f'<svg id="{ident}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(label)}" {FONT} font-size="12">'
        f"<title>{escape(label)}</title>" + "".join(body) + "</svg>"
    )


def _ticks(v: int, most: int = 5) -> tuple[int, int]:
    """A whole-number tick step and the axis maximum (a multiple of it) for values up to v."""
    v = max(int(v), 1)
    magnitude = 1
    while True:
        for m in (1, 2, 5):
            step = m * magnitude
            if -(-v // step) <= most:
                return step, -(-v // step) * step
        magnitude *= 10


def _nice_max(v: int) -> int:
    return _ticks(v)[1]


def requests_per_week(weeks: list[dict[str, Any]]) -> str:
    """Stacked bars: requests received per ISO week, erasure and export."""
    width, height, left, bottom, top = 720, 270, 44, 46, 36
    n = max(len(weeks), 1)
    step, peak = _ticks(max((w["erase"] + w["export"] + w["other"] for w in weeks), default=0))
    plot_w, plot_h = width - left - 16, height - bottom - top
    slot = plot_w / n
    bar_w = max(min(slot * 0.7, 48), 4)
    body = []
    for v in range(0, peak + 1, step):  # gridlines and y labels
        y = top + plot_h - plot_h * v / peak
        body.append(
            f'<line x1="{left}" x2="{width - 16}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e0e0e0"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{v}</text>'
        )
    every = max(1, n // 12)
    for i, w in enumerate(weeks):
        x = left + slot * i + (slot - bar_w) / 2
        base = top + plot_h
        total = w["erase"] + w["export"] + w["other"]
        for key, colour in (("erase", RED), ("export", BLUE), ("other", GREY)):
            v = w[key]
            if not v:
                continue
            h = plot_h * v / peak
            base -= h
            body.append(
                f'<rect class="bar bar-{key}" x="{x:.1f}" y="{base:.1f}" width="{bar_w:.1f}" '
                f'height="{h:.1f}" fill="{colour}"><title>{escape(w["week"])}: {v} {key}'
                f"</title></rect>"
            )
        if total:
            body.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{base - 4:.1f}" text-anchor="middle" '
                f'fill="{INK}" font-weight="600">{total}</text>'
            )
        if i % every == 0:
            body.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle" '
                f'fill="#555">{escape(w["week"][5:])}</text>'
                f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h + 30}" text-anchor="middle" '
                f'fill="#888" font-size="10">{escape(w["start"][5:])}</text>'
            )
    body.append(
        f'<line x1="{left}" x2="{width - 16}" y1="{top + plot_h}" y2="{top + plot_h}" '
        f'stroke="#555"/>'
    )
    body.append(_legend(left, 14, [("erasure", RED), ("export", BLUE)]))
    return _svg(width, height, body, "Data-subject requests received per week", "chart-per-week")


def days_vs_deadline(items: list[dict[str, Any]]) -> str:
    """One bar per request: days it took (or has been open) against its legal deadline."""
    rows = [i for i in items if i.get("days_allowed") is not None]
    width, row_h, left, right, top = 720, 24, 150, 110, 30
    height = top + row_h * max(len(rows), 1) + 34
    longest = max(
        [max(i.get("days_taken") or i.get("days_open") or 0, i["days_allowed"]) for i in rows]
        or [30]
    )
    tick, scale_max = _ticks(int(longest), 8)
    plot_w = width - left - right
    body = [
        _legend(
            left,
            16,
            [("on time", GREEN), ("late", RED), ("open", GREY), ("open, past deadline", ORANGE)],
        )
    ]
    for t in range(0, scale_max + 1, tick):
        x = left + plot_w * t / scale_max
        body.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 4}" y2="{height - 28}" stroke="#eee"/>'
            f'<text x="{x:.1f}" y="{height - 14}" text-anchor="middle" fill="#555">{t}</text>'
        )
    body.append(
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 1}" text-anchor="middle" fill="#555" '
        f'font-size="11">days since the request was received</text>'
    )
    for n, i in enumerate(rows):
        y = top + n * row_h
        done = i.get("days_taken")
        days = done if done is not None else i.get("days_open") or 0
        if done is None and i.get("state") == "overdue":
            colour, state = ORANGE, "overdue"
        elif done is None:
            colour, state = GREY, "open"
        elif i.get("on_time"):
            colour, state = GREEN, "on time"
        else:
            colour, state = RED, "late"
        w = plot_w * days / scale_max
        dx = left + plot_w * i["days_allowed"] / scale_max
        rid = escape(str(i["id"]))
        body.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" fill="{INK}">{rid}</text>'
            f'<rect class="bar bar-{state.replace(" ", "-")}" x="{left}" y="{y + 4}" '
            f'width="{max(w, 1.5):.1f}" height="{row_h - 8}" fill="{colour}">'
            f"<title>{rid}: {days} days, deadline {i['days_allowed']} days ({state})</title></rect>"
            f'<line class="deadline" x1="{dx:.1f}" x2="{dx:.1f}" y1="{y + 1}" y2="{y + row_h - 1}" '
            f'stroke="{INK}" stroke-width="2"/>'
            f'<text x="{width - right + 8}" y="{y + 15}" fill="#444">{days} d / '
            f"{i['days_allowed']} d</text>"
        )
    if not rows:
        body.append(
            f'<text x="{left}" y="{top + 16}" fill="#777">no requests in this period</text>'
        )
    return _svg(
        width, height, body, "Days to completion against the legal deadline", "chart-deadlines"
    )


def columns_by_category(categories: list[dict[str, Any]]) -> str:
    """Horizontal bars: confirmed (and proposed) PII columns per category."""
    width, row_h, left, top = 720, 24, 150, 28
    height = top + row_h * max(len(categories), 1) + 10
    peak = _nice_max(max((c["confirmed"] + c["proposed"] for c in categories), default=1))
    plot_w = width - left - 80
    body = [_legend(left, 16, [("confirmed", TEAL), ("proposed", GREY)])]
    for n, c in enumerate(categories):
        y = top + n * row_h
        wc = plot_w * c["confirmed"] / peak
        wp = plot_w * c["proposed"] / peak
        cat = escape(c["category"])
        body.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" fill="{INK}">{cat}</text>'
            f'<rect class="bar bar-confirmed" x="{left}" y="{y + 4}" width="{wc:.1f}" '
            f'height="{row_h - 8}" fill="{TEAL}"><title>{cat}: {c["confirmed"]} confirmed'
            f"</title></rect>"
            f'<rect class="bar bar-proposed" x="{left + wc:.1f}" y="{y + 4}" width="{wp:.1f}" '
            f'height="{row_h - 8}" fill="{GREY}"><title>{cat}: {c["proposed"]} proposed'
            f"</title></rect>"
            f'<text x="{left + wc + wp + 6:.1f}" y="{y + 15}" fill="#444">{c["confirmed"]}'
            + (f" (+{c['proposed']} proposed)" if c["proposed"] else "")
            + "</text>"
        )
    if not categories:
        body.append(f'<text x="{left}" y="{top + 16}" fill="#777">no personal data found</text>')
    return _svg(
        width, height, body, "Columns holding personal data, by category", "chart-categories"
    )


def _legend(x: float, y: float, items: list[tuple[str, str]]) -> str:
    out = []
    for label, colour in items:
        out.append(
            f'<rect x="{x:.1f}" y="{y - 9}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14:.1f}" y="{y}" fill="#444">{escape(label)}</text>'
        )
        x += 24 + 7 * len(label)
    return "".join(out)
