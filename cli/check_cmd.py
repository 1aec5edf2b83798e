"""`privacy check`: the pipeline gate. Filled in by the ETL-hooks work."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    pass
