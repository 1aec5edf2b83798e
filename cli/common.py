"""Shared CLI plumbing: the console, settings, and turning errors into exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from privacy.errors import PrivacyError

if TYPE_CHECKING:
    from privacy.config import Settings

console = Console()
err_console = Console(stderr=True)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_VIOLATION, EXIT_OVERDUE = 0, 1, 2, 3, 4


class Format(StrEnum):
    """``--format`` of commands that print a table or JSON."""

    table = "table"
    json = "json"


def settings() -> Settings:
    # imported here: pydantic and the config model are not needed for `privacy --help`
    from privacy.config import load_settings

    return load_settings()


def actor() -> str:
    """Who is acting, for the audit log: PRIVACY_ACTOR, else the login name."""
    return os.environ.get("PRIVACY_ACTOR") or os.environ.get("USER") or "cli"


def print_error(message: str, hint: str | None = None) -> None:
    """``error: MESSAGE`` and ``hint: HINT`` on stderr, printed as text (not Rich markup)."""
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    if hint:
        err_console.print(f"  [dim]hint:[/] {escape(hint)}", highlight=False)


def print_warning(text: str) -> None:
    err_console.print(f"[yellow]warning:[/] {escape(text)}", highlight=False)


def print_note(text: str) -> None:
    """A remark that is not an error (the command still succeeds), on stderr."""
    err_console.print(f"[cyan]note:[/] {escape(text)}", highlight=False)


def fail(message: str, code: int = EXIT_ERROR, hint: str | None = None) -> NoReturn:
    print_error(message, hint)
    sys.exit(code)


@contextmanager
def exit_on_error() -> Iterator[None]:
    """A PrivacyError inside becomes its message and hint on stderr and its exit code."""
    try:
        yield
    except PrivacyError as e:
        print_error(e.message, e.hint)
        raise typer.Exit(e.exit_code) from None
