"""``privacy check``: the guard's decision over tables at rest, for schedulers and CI.

Each table of a source (or the ones named) is sampled through its adapter, pushed down to the
engine, and judged column by column exactly as :class:`~privacy.hooks.Guard` judges a batch,
with the types the source declares. Findings are returned, not raised: the CLI prints them
and exits 3. Proposals for the offending columns are recorded, so ``privacy tag confirm``
works straight away; the check is audited once (``hook.checked``).

A table that cannot be read is an error of its own (exit 1), never a silent pass.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from privacy import auditing
from privacy.config import Settings, load_settings
from privacy.errors import CatalogError, PrivacyError, SourceError
from privacy.hooks.batch import ArrowView
from privacy.hooks.core import ColumnResult, Guard

#: called after each table: (table, done, total)
Progress = Callable[[str, int, int], None]


@dataclass
class TableCheck:
    table: str
    #: the source name the table's tags live under
    source: str = ""
    columns: int = 0
    rows_sampled: int = 0
    rejected: list[ColumnResult] = field(default_factory=list)
    error: PrivacyError | None = None
    #: for dbt: the model this table was built by
    model: str | None = None


@dataclass
class CheckReport:
    source: str
    url: str
    tables: list[TableCheck] = field(default_factory=list)
    #: dbt models that built no table to check (ephemeral, or not in this run)
    skipped: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> list[tuple[TableCheck, ColumnResult]]:
        return [(t, c) for t in self.tables for c in t.rejected]

    @property
    def errors(self) -> list[TableCheck]:
        return [t for t in self.tables if t.error is not None]

    @property
    def exit_code(self) -> int:
        if self.rejected:
            return 3
        return 1 if self.errors else 0

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "ok": self.exit_code == 0,
            "columns": [
                {
                    **_rejected_json(t, c),
                    "evidence": list(c.finding.evidence) if c.finding else [],
                    **({"model": t.model} if t.model else {}),
                }
                for t, c in self.rejected
            ],
            "failed": [
                {
                    "table": t.table,
                    "error": t.error.message if t.error else "",
                    "hint": t.error.hint if t.error else None,
                }
                for t in self.errors
            ],
            "summary": {
                "tables": len(self.tables),
                "columns": sum(t.columns for t in self.tables),
                "untagged_pii_columns": len(self.rejected),
                "failed_tables": len(self.errors),
                "skipped_models": len(self.skipped),
            },
        }


def _rejected_json(t: TableCheck, c: ColumnResult) -> dict[str, Any]:
    """A rejected column as the report and the audit event name it (no values)."""
    return {
        "source": t.source,
        "table": t.table,
        "column": c.column,
        "entity": c.entity,
        "reason": c.reason,
    }


def judging(
    settings: Settings | None, sample: int | None, *, ner: bool, actor: str | None
) -> tuple[Settings, int, Guard]:
    """(settings, rows sampled per table, guard) for a check. The guard is not time-bound:
    a check judges the whole sample."""
    s = settings or load_settings()
    n = sample or s.sample_size
    return s, n, Guard(s, ner=ner, actor=actor, sample=n)


def check_tables(
    source: Any,
    source_name: str,
    tables: Sequence[str] | None,
    *,
    guard: Guard,
    sample: int,
    record: bool = True,
    progress: Progress | None = None,
) -> list[TableCheck]:
    """Judge ``tables`` (all when None) of an open :class:`~privacy.sources.Source`."""
    from privacy.sources import SupportsSample

    names = list(tables) if tables else source.tables()
    sampler: Any = source
    out = []
    for i, table in enumerate(names):
        tc = TableCheck(table, source_name)
        out.append(tc)
        try:
            if not isinstance(source, SupportsSample):
                raise SourceError(
                    f"{source_name}: the source cannot be sampled",
                    hint="guard the data where it is loaded instead (privacy.hooks.guard)",
                )
            infos = sampler.columns(table)
            data = sampler.sample(table, n=sample)
            tc.columns, tc.rows_sampled = len(infos), data.num_rows
            ev = guard.evaluate(
                ArrowView(data), f"{source_name}.{table}", kinds={c.name: c.kind for c in infos}
            )
            tc.rejected = ev.blocking("enforce")
            if record and tc.rejected:
                guard.record_proposals(ev, everything=False)
        except CatalogError:
            raise  # no catalog, no verdict on any table: the whole check fails
        except PrivacyError as e:
            tc.error = e
        if progress is not None:
            progress(table, i + 1, len(names))
    return out


def audit_check(settings: Settings, report: CheckReport, actor: str | None) -> None:
    auditing.record(
        settings,
        "hook.checked",
        report.source,
        outcome={0: "ok", 3: "violation"}.get(report.exit_code, "failed"),
        details={
            "columns": [_rejected_json(t, c) for t, c in report.rejected],
            "tables": len(report.tables),
            "failed_tables": [t.table for t in report.errors],
        },
        actor=actor,
    )


def check_source(
    source: str,
    tables: Sequence[str] | None = None,
    *,
    settings: Settings | None = None,
    sample: int | None = None,
    record: bool = True,
    ner: bool = False,
    progress: Progress | None = None,
    actor: str | None = None,
) -> CheckReport:
    """Check the tables of ``source`` (a name from privacy.toml, a URL or a path) for personal
    data in columns without a confirmed tag. Raises CatalogUnavailableError when the catalog
    cannot be read, and the source's errors when it cannot be opened."""
    from privacy.sources import open_source

    s, n, g = judging(settings, sample, ner=ner, actor=actor)
    name, url = s.source_url(source)
    with open_source(url, name) as src:
        report = CheckReport(name, src.url)
        report.tables = check_tables(
            src,
            name,
            tables,
            guard=g,
            sample=n,
            record=record,
            progress=progress,
        )
    audit_check(s, report, actor)
    return report
