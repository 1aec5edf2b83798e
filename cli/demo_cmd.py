"""`privacy demo`: the whole flow on a generated warehouse and lake (embedded default)."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def demo(
        workdir: Path = typer.Option(
            Path("demo-data"), help="Where the generated warehouse and lake are written."
        ),
    ) -> None:
        """Generate a small company's data, then run the toolkit's flow on it."""
        from cli.demo_flow import run_demo

        run_demo(workdir)
