"""What a request sees of the platform: configured sources, identifier columns and relations,
merged from ``privacy.toml``, the catalog and the sources' own foreign keys."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from privacy.catalog import Catalog, Relation
from privacy.config import Settings
from privacy.errors import ConfigError, SourceError
from privacy.sources.base import ColumnRef, Source, SupportsRelations

Opener = Callable[[str, str], Source]


def _default_opener(url: str, name: str) -> Source:
    from privacy.sources import open_source

    return open_source(url, name)


class Workspace:
    """Sources opened on demand (and closed by :meth:`close`), plus the catalog."""

    def __init__(
        self,
        settings: Settings,
        catalog: Catalog | None = None,
        *,
        opener: Opener | None = None,
    ) -> None:
        self.settings = settings
        self.catalog = catalog or Catalog(settings.catalog_url)
        self._own_catalog = catalog is None
        self._opener = opener or _default_opener
        self._sources: dict[str, Source] = {}
        self._fks: dict[str, list[Relation]] = {}

    def close(self) -> None:
        for s in self._sources.values():
            with contextlib.suppress(Exception):  # closing is best effort
                s.close()
        self._sources.clear()
        if self._own_catalog:
            self.catalog.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- sources ---------------------------------------------------------------------------

    def source(self, name: str) -> Source:
        if name not in self._sources:
            cfg = self.settings.sources.get(name)
            # a source scanned by URL alone is known to the catalog by that URL (no password)
            url = cfg.url if cfg is not None else self.catalog.source_urls().get(name)
            if url is None:
                raise ConfigError(
                    f"source {name!r} holds subject data (catalog or privacy.toml) but has no URL",
                    hint=f'add a sources.{name} table with url = "..." to privacy.toml',
                    field=f"sources.{name}",
                )
            if "://" not in url and not Path(url).is_absolute() and self.settings.config_path:
                url = str(self.settings.config_path.parent / url)
            self._sources[name] = self._opener(url, name)
        return self._sources[name]

    def lake_path(self, source: str, table: str) -> Path | None:
        """The folder or file holding a lake table, or None for a database table."""
        src = self.source(source)
        get = getattr(src, "table", None)  # file sources: the table object knows its path
        if callable(get):
            try:
                p = getattr(get(table), "path", None)
            except SourceError:
                return None
            return Path(p) if p is not None else None
        return None

    # --- identifiers ------------------------------------------------------------------------

    def identifier_columns(self, kind: str) -> list[ColumnRef]:
        """Columns naming subjects of ``kind``: privacy.toml first, then the catalog's tags."""
        seen: dict[str, ColumnRef] = {}
        for ident in self.settings.identifiers:
            if ident.kind == kind:
                for c in ident.columns:
                    parsed = ColumnRef.parse(c)
                    seen.setdefault(str(parsed), parsed)
        for ref in self.catalog.identifier_columns(kind):
            seen.setdefault(str(ref), ref)
        return list(seen.values())

    def known_kinds(self) -> list[str]:
        kinds = {i.kind for i in self.settings.identifiers}
        kinds |= {t.subject_kind for t in self.catalog.tags() if t.subject_kind and t.is_pii}
        return sorted(kinds)

    def pii_columns(self, source: str, table: str) -> list[str]:
        return [t.column for t in self.catalog.tags(source, table) if t.is_pii]

    # --- relations --------------------------------------------------------------------------

    def declared_relations(self) -> list[Relation]:
        out = []
        for i, r in enumerate(self.settings.relations):
            try:
                child, parent = ColumnRef.parse(r.from_), ColumnRef.parse(r.to)
            except ConfigError as e:
                raise ConfigError(
                    e.message, hint=e.hint, file=self._cfg_file(), field=f"relations[{i}]"
                ) from None
            if child == parent:
                raise ConfigError(
                    f"relation {r.from_} -> {r.to} points a column at itself",
                    hint="a relation links a child column to the parent column it refers to",
                    file=self._cfg_file(),
                    field=f"relations[{i}]",
                )
            for ref in (child, parent):
                if ref.source not in self.settings.sources:
                    raise ConfigError(
                        f"relation {r.from_} -> {r.to} names source {ref.source!r}, "
                        "which privacy.toml does not define",
                        hint=f"add a sources.{ref.source} table (url = ...) to privacy.toml, "
                        "or fix the name",
                        file=self._cfg_file(),
                        field=f"relations[{i}]",
                    )
            out.append(Relation(child, parent, "declared"))
        return out

    def check_declared(self, kind: str) -> None:
        """Every column privacy.toml names for ``kind``'s identifiers and in its relations
        exists: a typo is a ConfigError naming the file and the entry, before anything runs
        (not a source error about a table the user never asked for)."""
        entries: list[tuple[str, str, list[str]]] = []
        for j, ident in enumerate(self.settings.identifiers):
            if ident.kind == kind:
                entries.append((f"identifiers[{j}]", f"identifier ({kind})", list(ident.columns)))
        for i, r in enumerate(self.settings.relations):
            entries.append((f"relations[{i}]", f"relation {r.from_} -> {r.to}", [r.from_, r.to]))
        for field, what, names in entries:
            for name in names:
                ref = ColumnRef.parse(name)
                problem = self._missing(ref)
                if problem:
                    raise ConfigError(
                        f"{what}: {problem}",
                        hint=f"fix the name in this {field.split('[')[0]} entry of privacy.toml; "
                        f"`privacy scan {ref.source}` lists the tables and columns",
                        file=self._cfg_file(),
                        field=field,
                    )

    def _missing(self, ref: ColumnRef) -> str | None:
        src = self.source(ref.source)
        if ref.table not in src.tables():
            return f"source {ref.source!r} has no table {ref.table!r}"
        if ref.column not in {c.name for c in src.columns(ref.table)}:
            return f"table {ref.source}.{ref.table} has no column {ref.column!r}"
        return None

    def _cfg_file(self) -> str | None:
        return str(self.settings.config_path) if self.settings.config_path else None

    def foreign_keys(self, source: str) -> list[Relation]:
        """The source's own foreign keys (single-column ones), read live and cached."""
        if source not in self._fks:
            src = self.source(source)
            rels: list[Relation] = []
            if isinstance(src, SupportsRelations):
                for fk in src.foreign_keys():
                    for col, ref_col in zip(fk.columns, fk.ref_columns, strict=True):
                        rels.append(
                            Relation(
                                ColumnRef(source, fk.table, col),
                                ColumnRef(source, fk.ref_table, ref_col),
                                "fk",
                            )
                        )
            self._fks[source] = rels
        return self._fks[source]

    def relations(self, sources: set[str]) -> list[Relation]:
        """Declared relations, the catalog's, and the live foreign keys of ``sources``."""
        seen: dict[tuple[str, str], Relation] = {}
        for rel in self.declared_relations() + self.catalog.relations():
            seen.setdefault((str(rel.child), str(rel.parent)), rel)
        for name in sorted(sources):
            for rel in self.foreign_keys(name):
                seen.setdefault((str(rel.child), str(rel.parent)), rel)
        return list(seen.values())
