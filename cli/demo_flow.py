"""The demo's steps, in order. Each issue adds its step here."""

from __future__ import annotations

from pathlib import Path

from cli.common import console


def run_demo(workdir: Path) -> None:
    console.rule("privacy demo")
    console.print(f"workdir: {workdir}")
    workdir.mkdir(parents=True, exist_ok=True)

    # ... the other steps go above this line ...

    # last: sign and verify the audit log of everything above, write the compliance report
    from cli.audit_cmd import demo_step

    demo_step(workdir)
