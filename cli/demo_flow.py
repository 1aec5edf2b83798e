"""The demo's steps, in order. Each issue adds its step here."""

from __future__ import annotations

from pathlib import Path

from cli.common import console


def run_demo(workdir: Path) -> None:
    console.rule("privacy demo")
    console.print(f"workdir: {workdir}")
