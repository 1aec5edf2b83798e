"""The policy engine's step of `privacy demo`: a policy, an encrypted column and two roles.

Called by ``cli/demo_flow.py`` after the scan step (it uses the catalog's tags):

    from policies.demo import demo_step
    result = demo_step(settings, data.warehouse_url, workdir, console=console)

1. writes ``<workdir>/policies/company.yaml`` (roles analyst and support; card numbers
   encrypted; invoices kept for tax law) and activates it;
2. encrypts ``payments.card_number`` in the warehouse in place (AES-256-GCM tokens);
3. reads ``customers`` and ``payments`` as each role and prints what each sees;
4. shows the erasure decision for ``invoices`` (anonymize, legal hold).

``result.decider`` is the :class:`~policies.retention.RetentionDecider` to hand to the erasure
step (``privacy.dsr`` takes it as its ``ErasurePolicy``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policies.active import activate
from policies.enforce import Enforcer
from policies.loader import defaults_text
from policies.retention import RetentionDecider
from privacy.catalog import Catalog
from privacy.catalog.review import Review
from privacy.config import Settings
from privacy.sources.base import ColumnRef

if TYPE_CHECKING:
    from rich.console import Console

ROLES = ("analyst", "support")
ENCRYPTED = ("payments", "card_number")
#: what the demo tags itself when the scan step has not tagged these columns
FALLBACK_TAGS = {
    ("customers", "email"): "EMAIL_ADDRESS",
    ("customers", "phone"): "PHONE_NUMBER",
    ("customers", "first_name"): "FIRST_NAME",
    ("customers", "last_name"): "LAST_NAME",
    ("customers", "date_of_birth"): "DATE_OF_BIRTH",
    ("customers", "id"): None,
    ("customers", "city"): None,
    ("payments", "card_number"): "CREDIT_CARD",
    ("payments", "id"): None,
    ("payments", "amount"): None,
    ("invoices", "billing_name"): "PERSON",
    ("invoices", "billing_address"): "STREET_ADDRESS",
}


@dataclass
class DemoResult:
    policy_version: str
    policy_file: Path
    encrypted_rows: int
    #: role -> table -> first rows as that role reads them
    views: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)
    invoices_decision: str = ""
    tagged_by_demo: list[str] = field(default_factory=list)
    decider: RetentionDecider | None = None


def _short(v: Any) -> str:
    """Display form: long hashes cut (the data itself is untouched)."""
    text = "" if v is None else str(v)
    return (
        text[:12] + "…" if len(text) == 64 and all(c in "0123456789abcdef" for c in text) else text
    )


def demo_step(
    settings: Settings,
    warehouse_url: str,
    workdir: Path,
    *,
    source: str = "warehouse",
    console: Console | None = None,
    rows: int = 3,
) -> DemoResult:
    import pandas as pd
    import sqlalchemy as sa
    from rich.console import Console
    from rich.table import Table

    out = console or Console()
    out.rule("policy: two roles, an encrypted column")
    path = workdir / "policies" / "company.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(defaults_text("demo.yaml"), encoding="utf-8")
    policy = activate(settings, [path], actor="demo")
    out.print(f"activated {path} as policy {policy.version} (roles: {', '.join(ROLES)})")

    catalog = Catalog(settings.catalog_url)
    tagged = []
    for (table, col), entity in FALLBACK_TAGS.items():
        ref = ColumnRef(source, table, col)
        if catalog.get(ref) is None:
            Review(settings, catalog, actor="demo").set(ref, entity)
            tagged.append(str(ref))
    if tagged:
        out.print(f"[dim]tagged by the demo (the scan had not): {', '.join(tagged)}[/]")

    enf = Enforcer(settings, policy=policy, catalog=catalog, actor="demo")
    engine = sa.create_engine(warehouse_url)
    try:
        table, col = ENCRYPTED
        with engine.begin() as conn:
            payments = pd.read_sql(sa.text(f"SELECT id, {col} FROM {table}"), conn)
            protected = enf.protect(payments, f"{source}.{table}")
            conn.execute(
                sa.text(f"UPDATE {table} SET {col} = :v WHERE id = :id"),
                [
                    {"v": v, "id": int(i)}
                    for i, v in zip(protected["id"], protected[col], strict=True)
                ],
            )
        sample = str(protected[col].iloc[0])
        out.print(
            f"encrypted {source}.{table}.{col} at rest: {len(protected)} values, e.g. "
            f"{sample[:40]}..."
        )
        result = DemoResult(policy.version, path, len(protected), tagged_by_demo=tagged)
        with engine.connect() as conn:
            data = {
                t: pd.read_sql(sa.text(f"SELECT * FROM {t} ORDER BY id LIMIT {rows}"), conn)
                for t in ("customers", "payments")
            }
    finally:
        engine.dispose()

    for role in ROLES:
        result.views[role] = {}
        for t, frame in data.items():
            seen = enf.read(f"{source}.{t}", role, data=frame)
            records = seen.to_dict(orient="records")
            result.views[role][t] = records
            grid = Table(title=f"{source}.{t} as {role}", show_lines=False)
            for c in seen.columns:
                grid.add_column(str(c), overflow="fold")
            for r in records:
                grid.add_row(*(_short(v) for v in r.values()))
            out.print(grid)
            hidden = [c for c in frame.columns if c not in seen.columns]
            if hidden:
                out.print(f"[dim]withheld from {role}: {', '.join(hidden)}[/]")

    decider = RetentionDecider(settings, policy, catalog, actor="demo")
    decision = decider.on_erase(source, "invoices")
    result.invoices_decision = decision.action
    result.decider = decider
    out.print(
        f"erasure in {source}.invoices: {decision.action} "
        f"({', '.join(sorted(decision.columns))}) because {decision.reason}"
    )
    out.print(
        "[dim]in PostgreSQL or MariaDB, `privacy policy apply URL` makes the database enforce "
        "the same policy (roles, masked views, column grants)[/]"
    )
    return result
