"""Shared CLI plumbing: the console, settings, and turning errors into exit codes."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from rich.console import Console
from rich.markup import escape

from privacy.config import Settings, load_settings

console = Console()
err_console = Console(stderr=True)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_VIOLATION, EXIT_OVERDUE = 0, 1, 2, 3, 4


def settings() -> Settings:
    return load_settings()


def actor() -> str:
    """Who is acting, for the audit log: PRIVACY_ACTOR, else the login name."""
    return os.environ.get("PRIVACY_ACTOR") or os.environ.get("USER") or "cli"


def fail(message: str, code: int = EXIT_ERROR, hint: str | None = None) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    if hint:
        err_console.print(f"  [dim]hint:[/] {escape(hint)}", highlight=False)
    sys.exit(code)
