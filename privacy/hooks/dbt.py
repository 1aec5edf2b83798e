"""``privacy check URL --dbt-manifest target/manifest.json``: check what a dbt run built.

dbt writes ``target/manifest.json`` (every node of the project: its database, schema, alias and
documented columns) and, after ``dbt run``/``build``, ``target/run_results.json`` (which nodes
ran and how). The relations checked are the models, seeds and snapshots that run built
successfully (all enabled, non-ephemeral ones when there is no run_results.json beside the
manifest). No dbt installation is needed: both files are plain JSON.

A relation is looked up in the database at URL: in the URL's own schema (``?schema=``, or the
database's default), else in a source of privacy.toml that points at the model's schema, else
in the model's schema under the source name ``<SOURCE>_<schema>``. The relation's columns and a
sample of its rows are judged exactly as ``privacy check`` judges any table.
"""

from __future__ import annotations

import json
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from privacy.config import Settings
from privacy.errors import ConfigError, PrivacyError, SourceNotFoundError
from privacy.hooks.check import (
    CheckReport,
    Progress,
    TableCheck,
    audit_check,
    check_tables,
    judging,
)

#: node kinds that leave a relation in the warehouse
BUILT_KINDS = ("model", "seed", "snapshot")
_DEFAULT_SCHEMA = {"postgresql": "public", "duckdb": "main", "sqlite": "main"}


@dataclass(frozen=True)
class DbtNode:
    unique_id: str
    resource_type: str
    name: str
    database: str | None
    schema: str | None
    relation: str
    materialized: str
    columns: tuple[str, ...] = ()


@dataclass
class DbtRun:
    nodes: list[DbtNode] = field(default_factory=list)
    #: unique ids in the manifest that built nothing to check, with why
    skipped: list[str] = field(default_factory=list)
    #: the run_results.json used, if any
    run_results: Path | None = None


def _load_json(path: Path, what: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            f"no {what} at {path}",
            hint="run dbt first (`dbt run` or `dbt build` writes target/manifest.json), "
            "or pass the right path to --dbt-manifest",
        ) from None
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise ConfigError(
            f"{path} is not a readable {what} ({type(e).__name__})",
            hint="pass the JSON file dbt wrote in its target/ folder",
        ) from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path} is not a {what}", hint="expected a JSON object")
    return data


def load_run(manifest: str | Path) -> DbtRun:
    """The relations a dbt run built, from ``manifest`` and the run_results.json beside it."""
    path = Path(manifest)
    data = _load_json(path, "dbt manifest")
    nodes = data.get("nodes")
    if not isinstance(nodes, dict):
        raise ConfigError(
            f"{path} has no 'nodes' object: not a dbt manifest",
            hint="pass target/manifest.json as written by dbt",
        )
    run = DbtRun()
    ran: dict[str, str] | None = None
    results_path = path.with_name("run_results.json")
    if results_path.exists():
        results = _load_json(results_path, "dbt run_results.json").get("results") or []
        ran = {
            str(r.get("unique_id")): str(r.get("status"))
            for r in results
            if isinstance(r, dict) and r.get("unique_id")
        }
        run.run_results = results_path
    for uid, node in sorted(nodes.items()):
        if not isinstance(node, dict) or node.get("resource_type") not in BUILT_KINDS:
            continue
        config: dict[str, Any] = node["config"] if isinstance(node.get("config"), dict) else {}
        materialized = str(config.get("materialized") or node.get("resource_type"))
        if config.get("enabled") is False:
            continue
        if materialized == "ephemeral":
            run.skipped.append(f"{uid} (ephemeral: builds no relation)")
            continue
        if ran is not None:
            status = ran.get(uid)
            if status is None:
                run.skipped.append(f"{uid} (not part of this run)")
                continue
            if status not in ("success", "pass"):
                run.skipped.append(f"{uid} (run status {status}: nothing new was built)")
                continue
        name = str(node.get("name") or uid.rsplit(".", 1)[-1])
        cols: dict[str, Any] = node["columns"] if isinstance(node.get("columns"), dict) else {}
        run.nodes.append(
            DbtNode(
                unique_id=uid,
                resource_type=str(node["resource_type"]),
                name=name,
                database=node.get("database"),
                schema=node.get("schema"),
                relation=str(node.get("alias") or name),
                materialized=materialized,
                columns=tuple(str(c) for c in cols),
            )
        )
    return run


def _location(settings: Settings, name: str, url: str, schema: str | None) -> tuple[str, str]:
    """(source name, URL) where a relation of ``schema`` lives, for a source at ``url``."""
    from privacy.sources.urls import is_url, parse_sql_url, scheme_of

    if schema is None or not is_url(url) or scheme_of(url) == "file":
        return name, url
    target = parse_sql_url(url)
    own = target.schema or _DEFAULT_SCHEMA.get(target.kind)
    if target.kind == "mysql":
        own = target.url.database
    if own is not None and own.lower() == schema.lower():
        return name, url
    if target.kind == "sqlite":
        return name, url  # one schema only
    for other, cfg in settings.sources.items():
        try:
            t = parse_sql_url(cfg.url) if is_url(cfg.url) and scheme_of(cfg.url) != "file" else None
        except PrivacyError:
            t = None
        if t is None or (t.url.host, t.url.port) != (target.url.host, target.url.port):
            continue
        theirs = t.url.database if t.kind == "mysql" else t.schema
        if t.kind != "mysql" and t.url.database != target.url.database:
            continue
        if theirs is not None and theirs.lower() == schema.lower():
            return other, cfg.url
    if target.kind == "mysql":
        derived = target.url.set(database=schema)
    else:
        derived = target.url.update_query_dict({"schema": schema})
    return f"{name}_{schema}", derived.render_as_string(hide_password=False)


def check_dbt(
    source: str,
    manifest: str | Path,
    *,
    settings: Settings | None = None,
    sample: int | None = None,
    record: bool = True,
    ner: bool = False,
    progress: Progress | None = None,
    actor: str | None = None,
) -> CheckReport:
    """Check the relations a dbt run built (see the module doc) in the database at ``source``."""
    from privacy.sources import open_source

    s, n, g = judging(settings, sample, ner=ner, actor=actor)
    name, url = s.source_url(source)
    run = load_run(manifest)
    groups: dict[tuple[str, str], list[DbtNode]] = {}
    for node in run.nodes:
        groups.setdefault(_location(s, name, url, node.schema), []).append(node)
    total = len(run.nodes)
    done = 0
    with open_source(url, name) as main:
        report = CheckReport(name, main.url, skipped=list(run.skipped))
        for (src_name, src_url), nodes in groups.items():
            same = (src_name, src_url) == (name, url)
            with nullcontext(main) if same else open_source(src_url, src_name) as src:
                present = {t.lower(): t for t in src.tables()}
                for node in nodes:
                    table = present.get(node.relation.lower())
                    if table is None:
                        tc = TableCheck(node.relation, source=src_name, model=node.unique_id)
                        tc.error = SourceNotFoundError(
                            f"{src_name}: dbt {node.resource_type} {node.unique_id} built "
                            f"{node.relation!r}, which is not there",
                            hint="check that the URL points at the database and schema dbt "
                            "wrote to (dbt's target), or rerun dbt",
                        )
                    else:
                        (tc,) = check_tables(
                            src, src_name, [table], guard=g, sample=n, record=record
                        )
                        tc.model = node.unique_id
                    report.tables.append(tc)
                    done += 1
                    if progress is not None:
                        progress(node.relation, done, total)
    audit_check(s, report, actor)
    return report
