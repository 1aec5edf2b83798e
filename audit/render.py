"""Render a report dict (see :mod:`audit.report`) as HTML, Markdown or JSON.

HTML stands alone: inline CSS, inline SVG charts, no script, no fonts or images fetched.
Templates live in ``audit/templates`` (package data) and are rendered by Jinja2 with
autoescaping on for HTML.
"""

from __future__ import annotations

import json
from typing import Any

import jinja2
from markupsafe import Markup

from audit import charts

FORMATS = ("html", "md", "json")


def _env(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("audit", "templates"),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["short"] = lambda s, n=16: s if len(str(s)) <= n else f"{str(s)[:n]}…"
    env.filters["day"] = lambda s: "" if not s else str(s)[:10]
    env.filters["when"] = lambda s: "" if not s else str(s)[:16].replace("T", " ")
    env.filters["md"] = lambda s: str(s).replace("|", "\\|").replace("\n", " ")
    env.filters["yesno"] = lambda v: "yes" if v is True else "no" if v is False else "—"
    return env


def render(report: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    if fmt == "md":
        return _env(False).get_template("report.md.j2").render(r=report)
    if fmt == "html":
        svgs = {
            "per_week": Markup(charts.requests_per_week(report["requests"]["per_week"])),
            "deadlines": Markup(charts.days_vs_deadline(report["requests"]["items"])),
            "categories": Markup(charts.columns_by_category(report["inventory"]["categories"])),
        }
        return _env(True).get_template("report.html.j2").render(r=report, charts=svgs)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
