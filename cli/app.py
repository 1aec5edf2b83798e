"""The `privacy` console script. Each command group lives in its own module and is registered
here explicitly; heavy imports happen inside commands so start-up stays fast."""

from __future__ import annotations

import typer

from cli import (
    audit_cmd,
    check_cmd,
    demo_cmd,
    dsr_cmd,
    keys_cmd,
    policy_cmd,
    scan_cmd,
    tag_cmd,
)
from cli.common import fail
from privacy.errors import PrivacyError

app = typer.Typer(
    name="privacy",
    help="Find, protect and erase personal data across warehouse and lake, with audit evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Find, protect and erase personal data across warehouse and lake, with audit evidence."""


for module in (
    scan_cmd,
    check_cmd,
    tag_cmd,
    policy_cmd,
    keys_cmd,
    dsr_cmd,
    audit_cmd,
    demo_cmd,
):
    module.register(app)


def main() -> None:
    try:
        app()
    except PrivacyError as e:
        fail(e.message, e.exit_code, e.hint)


if __name__ == "__main__":
    main()
