"""`privacy demo`: the whole flow on a generated warehouse and lake, step by step.

The demo is a self-contained project folder (default ``./demo-data``): the generated SQLite
warehouse and lake, a ``privacy.toml`` naming them, and the state directory ``.privacy``
(catalog, audit log, keys). Each run starts from scratch in that folder. Every step calls the
same library functions the commands use; nothing here is demo-only logic.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from cli.common import console
from privacy.errors import ConfigError

if TYPE_CHECKING:
    from privacy.config import Settings
    from privacy.demodata import DemoData
    from privacy.dsr.policy import ErasurePolicy

MARKER = ".privacy-demo"

DEMO_TOML = """\
# Written by `privacy demo`. Sources, subject identifiers, and relations no foreign key declares.
[sources.warehouse]
url = "sqlite:///warehouse.db"

[sources.lake]
url = "lake"

[[identifiers]]
kind = "email"
columns = ["warehouse.customers.email", "lake.newsletter_signups.email"]

[[relations]]
from = "lake.web_events.user_id"
to = "warehouse.customers.id"

[policy]
files = ["policies/company.yaml"]
"""


def _prepare(workdir: Path) -> None:
    """Start from an empty demo folder; never wipe a folder the demo did not create."""
    if workdir.exists() and any(workdir.iterdir()):
        if not (workdir / MARKER).exists():
            raise ConfigError(
                f"{workdir} exists and was not created by `privacy demo`",
                hint="pass --workdir with a new or empty folder",
            )
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / MARKER).write_text("created by `privacy demo`; deleted on its next run\n")


def run_demo(workdir: Path) -> None:
    from privacy.config import load_settings
    from privacy.demodata import generate

    workdir = workdir.resolve()
    console.rule("privacy demo")
    _prepare(workdir)
    data = generate(workdir)
    (workdir / "privacy.toml").write_text(DEMO_TOML, encoding="utf-8")
    console.print(
        f"generated a warehouse ({data.warehouse_path.name}: customers, orders, payments, "
        f"support_tickets, invoices, products) and a lake ({data.lake_path.name}/: Delta "
        "web_events, Parquet newsletter_signups and page_views) in "
        f"{workdir}",
        highlight=False,
    )
    # the demo folder is a project of its own: its privacy.toml, its .privacy state
    os.chdir(workdir)
    os.environ.pop("PRIVACY_CONFIG", None)
    settings = load_settings()

    _scan_step(settings)

    from policies.demo import demo_step as policy_step

    policy = policy_step(settings, data.warehouse_url, workdir, console=console)

    from policies.hooks_adapter import activate
    from privacy.hooks.demo import demo_step as hooks_step

    hooks_step(settings, data.lake_path, protector=activate(settings), console=console)

    _requests_step(settings, data, workdir, policy.decider)

    # last: sign and verify the audit log of everything above, write the compliance report
    from cli.audit_cmd import demo_step as audit_step

    ok = audit_step(workdir)
    console.rule("next")
    console.print(
        f"cd {workdir} and try: privacy tag list | privacy requests list | "
        "privacy policy explain --role analyst | privacy audit verify | privacy audit log",
        highlight=False,
        soft_wrap=True,
    )
    if not ok:
        raise SystemExit(1)


def _scan_step(settings: Settings) -> None:
    from cli.scan_cmd import _summary, _table
    from privacy.scan.scanner import accept_above, run_scan

    for name in ("warehouse", "lake"):
        console.rule(f"scan: {name}")
        report = run_scan(settings, name, actor="demo")
        console.print(_table(report))
        console.print(_summary(report, None), highlight=False)
        # a reviewer accepts the confident proposals, as `privacy scan --accept-above 0.8` does
        accepted = accept_above(settings, report, 0.8, actor="demo")
        console.print(
            f"confirmed {len(accepted)} proposal(s) at confidence >= 0.8; the rest stay "
            "proposed for review (`privacy tag list`)",
            highlight=False,
        )


def _requests_step(
    settings: Settings, data: DemoData, workdir: Path, policy: ErasurePolicy | None
) -> None:
    from cli.dsr_cmd import progress_printer, show_plan
    from privacy.dsr import workflow as dsr

    console.rule("data-subject requests: an erasure and an export")
    show_plan(dsr.preview(settings, data.erase_subject, policy=policy), "erasure plan (dry run)")
    req = dsr.erase(settings, data.erase_subject, policy=policy, progress=progress_printer())
    console.print(
        f"erasure {req.id}: {req.state.value}, due {req.due_at.isoformat()}", highlight=False
    )
    out = workdir / "export"
    exp = dsr.export(settings, data.export_subject, str(out))
    console.print(
        f"export {exp.id}: {exp.state.value}; files in {out} (manifest with SHA-256, summary.html)",
        highlight=False,
    )
