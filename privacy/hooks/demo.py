"""The ETL guard's step of ``privacy demo``: a load that is rejected, and one that passes.

Called by ``cli/demo_flow.py`` with the demo's lake folder; pass the policy engine's protector
when a policy is active (``policies.hooks_adapter.activate(settings)``), as a real job would::

    from policies.hooks_adapter import activate
    from privacy.hooks.demo import demo_step
    result = demo_step(settings, data.lake_path, protector=activate(settings), console=console)

1. Monday: the first load of a new export, ``lake.orders_export``, runs in learn mode; the
   proposals are confirmed as a person would (``privacy tag confirm --all``);
2. Tuesday: upstream added ``buyer_email``; the guard rejects the load (UntaggedPIIError) and
   the table's folder is left exactly as it was;
3. a person confirms the new column's tag; the same load passes, protected per policy (the
   card numbers are encrypted when the policy says so).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacy.catalog import Catalog
from privacy.catalog.review import Review
from privacy.config import Settings
from privacy.errors import Finding, UntaggedPIIError
from privacy.hooks.protector import Protector
from privacy.hooks.writers import write_parquet
from privacy.sources.base import ColumnRef

if TYPE_CHECKING:
    import pandas as pd
    from rich.console import Console

TABLE = "orders_export"


@dataclass
class DemoResult:
    dataset: str
    folder: Path
    learned: list[str] = field(default_factory=list)
    rejected: list[Finding] = field(default_factory=list)
    #: files in the folder before and after the rejected load (equal: nothing was written)
    files_before_rejection: list[str] = field(default_factory=list)
    files_after_rejection: list[str] = field(default_factory=list)
    passed_file: Path | None = None
    passed_rows: int = 0
    protected: bool = False


def _orders(day: int, n: int, *, with_email: bool) -> pd.DataFrame:
    import pandas as pd

    from privacy.demodata import FIRST, LAST, with_luhn_digit

    rng = random.Random(day)
    rows: dict[str, list[Any]] = {
        "order_id": [day * 10_000 + i for i in range(n)],
        "sku": [f"SKU-{rng.randrange(1000, 9999)}" for _ in range(n)],
        "amount": [round(rng.uniform(5, 400), 2) for _ in range(n)],
        "card_number": [
            with_luhn_digit(f"4{rng.randrange(10**13, 10**14):014d}") for _ in range(n)
        ],
    }
    if with_email:
        rows["buyer_email"] = [
            f"{rng.choice(FIRST)}.{rng.choice(LAST)}@example.com".lower()
            .encode("ascii", "ignore")
            .decode()
            for _ in range(n)
        ]
    return pd.DataFrame(rows)


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def demo_step(
    settings: Settings,
    lake: Path,
    *,
    source: str = "lake",
    protector: Protector | None = None,
    console: Console | None = None,
    rows: int = 500,
) -> DemoResult:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    out = console or Console()
    dataset = f"{source}.{TABLE}"
    folder = Path(lake) / TABLE
    result = DemoResult(dataset, folder)
    catalog = Catalog(settings.catalog_url)
    review = Review(settings, catalog, actor="demo")
    out.rule("ETL guard: no untagged personal data enters the lake")

    # 1. first load of a new source: learn
    write_parquet(
        _orders(1, rows, with_email=False),
        f"{folder}/",
        dataset,
        mode="learn",
        settings=settings,
        protector=protector,
    )
    for tag in catalog.tags(source, TABLE):
        if tag.entity:
            result.learned.append(f"{tag.column} ({tag.entity})")
    review.confirm_all(source)
    out.print(
        f"Monday: first load of {dataset} in learn mode, {rows} rows written; proposals "
        f"confirmed: {', '.join(result.learned) or 'no personal data'}"
    )

    # 2. upstream adds a column with e-mail addresses: rejected, nothing written
    batch = _orders(2, rows, with_email=True)
    result.files_before_rejection = _files(folder)
    try:
        write_parquet(batch, f"{folder}/", dataset, settings=settings, protector=protector)
    except UntaggedPIIError as e:
        result.rejected = list(e.findings)
        grid = Table(title=f"Tuesday: load of {dataset} rejected", title_justify="left")
        for col in ("table", "column", "entity", "evidence"):
            grid.add_column(col)
        for f in e.findings:
            grid.add_row(f.table, f.column, f.entity, escape(", ".join(f.evidence)))
        out.print(grid)
    result.files_after_rejection = _files(folder)
    same = result.files_before_rejection == result.files_after_rejection
    out.print(
        f"  {folder} {'unchanged' if same else 'CHANGED'}: "
        f"{len(result.files_after_rejection)} file(s); the job failed with exit code 3"
    )

    # 3. a person confirms the new column's tag; the same load passes, protected
    for f in result.rejected:
        review.confirm(ColumnRef(source, f.table, f.column))
    out.print(
        "  a person reviews and confirms: "
        + ", ".join(f"privacy tag confirm {source}.{f.table}.{f.column}" for f in result.rejected)
    )
    path = write_parquet(batch, f"{folder}/", dataset, settings=settings, protector=protector)
    result.passed_file, result.passed_rows = path, len(batch)
    result.protected = protector is not None
    import pyarrow.parquet as pq

    cards = pq.read_table(path, columns=["card_number"]).column(0).to_pylist()
    shown = str(cards[0])[:32] + ("..." if len(str(cards[0])) > 32 else "")
    out.print(
        f"Tuesday, rerun: {rows} rows written to {path.name}"
        + (f"; card_number as stored: {escape(shown)}" if protector is not None else "")
    )
    return result
