"""From a subject's identifier to a plan: which tables hold their rows, found how, in what order.

1. The identifier columns of the subject's kind (privacy.toml ``[[identifiers]]`` and the
   catalog's tags) give the tables where the subject is named directly.
2. Relations (foreign keys read from SQL sources, the catalog's, and ``[[relations]]`` declared
   for lake tables and across sources) lead from those tables to every dependent table: a child
   row belongs to the subject when its column holds a key of one of the subject's parent rows.
3. Tables are ordered parents first (a topological order); the subject's keys are collected in
   that order (``customers.id`` of the subject's customer rows, then ``orders.id`` of the orders
   holding those ids, ...). The keys are personal data: the caller seals them before storing.
   Erasure runs the order backwards (children before parents), so foreign keys stay satisfied.

A relation of a table to itself (``employees.manager_id -> employees.id``) is not followed: the
rows it leads to are other people's. Any longer cycle is refused (:class:`RelationCycleError`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from privacy.catalog import Relation
from privacy.dsr.models import Plan, RequestKind, Selector, Subject, TableNode
from privacy.dsr.policy import DeleteEverything, ErasurePolicy
from privacy.dsr.workspace import Workspace
from privacy.errors import RelationCycleError, UnknownIdentifierKindError
from privacy.sources.base import ColumnRef, Match, SupportsLookup

Keys = dict[str, list[Any]]
TableKey = tuple[str, str]


def _name(t: TableKey) -> str:
    return f"{t[0]}.{t[1]}"


def order_tables(tables: Iterable[TableKey], edges: Sequence[Relation]) -> list[TableKey]:
    """Parents before children (Kahn), stable by name; raises on a cycle (self-loops ignored)."""
    nodes = sorted(set(tables))
    children: dict[TableKey, set[TableKey]] = defaultdict(set)
    indeg: dict[TableKey, int] = dict.fromkeys(nodes, 0)
    for rel in edges:
        p, c = (rel.parent.source, rel.parent.table), (rel.child.source, rel.child.table)
        if p == c or p not in indeg or c not in indeg or c in children[p]:
            continue
        children[p].add(c)
        indeg[c] += 1
    ready = sorted(n for n in nodes if indeg[n] == 0)
    out: list[TableKey] = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for c in sorted(children[n]):
            indeg[c] -= 1
            if indeg[c] == 0:
                ready.append(c)
        ready.sort()
    if len(out) != len(nodes):
        left = {n for n in nodes if indeg[n] > 0}
        cycle = _find_cycle(left, children)
        raise RelationCycleError(
            "relations form a cycle, so no order deletes children before parents: "
            + " -> ".join(_name(t) for t in cycle),
            hint="remove or correct one of these relations (the relations entries of "
            "privacy.toml, or the foreign key), or erase the tables of the cycle by hand first",
        )
    return out


def _find_cycle(left: set[TableKey], children: dict[TableKey, set[TableKey]]) -> list[TableKey]:
    # drop nodes downstream of the cycle (no child left): every remaining node then has a
    # child among the remaining ones, so walking children must come back to a visited node
    left = set(left)
    while True:
        sinks = {n for n in left if not any(c in left for c in children[n])}
        if not sinks:
            break
        left -= sinks
    start = min(left)
    path: list[TableKey] = [start]
    seen = {start: 0}
    node = start
    while True:
        node = min(c for c in children[node] if c in left)
        if node in seen:
            return [*path[seen[node] :], node]
        seen[node] = len(path)
        path.append(node)


def build_plan(
    ws: Workspace,
    subject: Subject,
    kind: RequestKind,
    policy: ErasurePolicy | None = None,
) -> tuple[Plan, Keys]:
    """Plan a request for ``subject``; returns the plan (no values) and the collected keys
    (``SOURCE.TABLE.COLUMN`` -> values; personal data, seal before storing)."""
    return build_plans(ws, [subject], kind, policy)[0]


def identifier_columns(ws: Workspace, kind: str) -> list[ColumnRef]:
    """The columns that name subjects of ``kind``; UnknownIdentifierKindError when none does."""
    id_cols = ws.identifier_columns(kind)
    if not id_cols:
        known = ws.known_kinds()
        raise UnknownIdentifierKindError(
            f"no column identifies subjects of kind {kind!r}",
            hint=(f"known kinds: {', '.join(known)}; " if known else "")
            + "declare one in privacy.toml (an identifiers entry with kind and columns) or "
            "tag a column (`privacy tag set SOURCE.TABLE.COLUMN EMAIL_ADDRESS`)",
        )
    return id_cols


def build_plans(
    ws: Workspace,
    subjects: Sequence[Subject],
    kind: RequestKind,
    policy: ErasurePolicy | None = None,
) -> list[tuple[Plan, Keys]]:
    """Plan requests for several subjects of one kind at once: one lookup per table and path
    (per batch of values, as the source batches), not one per subject. Each subject gets its
    own plan (row counts) and keys, attributed through the values that led to each row."""
    if not subjects:
        return []
    skind = subjects[0].kind
    if any(s.kind != skind for s in subjects):
        raise ValueError("build_plans: all subjects must be of one kind")
    policy = policy or DeleteEverything()
    id_cols = identifier_columns(ws, skind)
    declared = ws.declared_relations()
    ws.check_declared(skind)
    sources = {c.source for c in id_cols}
    for rel in [*declared, *ws.catalog.relations()]:
        sources |= {rel.child.source, rel.parent.source}
    sources &= set(ws.settings.sources) | {c.source for c in id_cols}
    relations = ws.relations(sources)

    # tables reachable from the identifier tables along parent -> child relations
    by_parent: dict[TableKey, list[Relation]] = defaultdict(list)
    for rel in relations:
        by_parent[(rel.parent.source, rel.parent.table)].append(rel)
    reach: set[TableKey] = {(c.source, c.table) for c in id_cols}
    frontier = sorted(reach)
    notes: list[str] = []
    used: list[Relation] = []
    while frontier:
        t = frontier.pop()
        for rel in by_parent.get(t, []):
            child = (rel.child.source, rel.child.table)
            if child == t:
                notes.append(
                    f"not followed: {rel} (a table referring to itself: other people's rows)"
                )
                continue
            used.append(rel)
            if child not in reach:
                reach.add(child)
                frontier.append(child)
    order = order_tables(reach, used)

    selectors: dict[TableKey, list[Selector]] = defaultdict(list)
    fold_case = subjects[0].fold_case
    for c in id_cols:
        selectors[(c.source, c.table)].append(Selector(c.column, fold_case=fold_case))
    key_cols: dict[TableKey, list[str]] = defaultdict(list)
    for rel in sorted(used, key=str):
        child = (rel.child.source, rel.child.table)
        sel = Selector(rel.child.column, str(rel.parent), rel.origin)
        if sel not in selectors[child]:
            selectors[child].append(sel)
        parent = (rel.parent.source, rel.parent.table)
        if rel.parent.column not in key_cols[parent]:
            key_cols[parent].append(rel.parent.column)

    n = len(subjects)
    keys: list[Keys] = [{} for _ in range(n)]
    # value (as text) -> the subjects it leads to, per identifier kind and per collected key
    id_owners: dict[str, set[int]] = defaultdict(set)
    for i, s in enumerate(subjects):
        for v in s.lookup_values():
            id_owners[_norm(v)].add(i)
    key_owners: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    templates: list[TableNode] = []
    rows: list[list[int]] = []
    for t in order:
        src = ws.source(t[0])
        node = TableNode(t[0], t[1], selectors[t], key_columns=key_cols.get(t, []))
        node.lake = ws.lake_path(t[0], t[1]) is not None
        counts = [0] * n
        if not isinstance(src, SupportsLookup):
            notes.append(f"{node.name}: the source cannot look rows up; skipped")
            continue
        for sel in node.selectors:
            cost = getattr(src, "fold_case_cost", None)
            if sel.fold_case and callable(cost) and (why := cost(t[1], sel.column)):
                notes.append(f"{t[0]}.{why}")
        # a row reached by two paths (identifier and relation) is counted once: with several
        # selectors whole rows are read back (the subject's rows only) and told apart
        several = len(node.selectors) > 1
        seen: list[set[tuple[str, ...]]] = [set() for _ in range(n)]
        for sel in node.selectors:
            owners = id_owners if sel.parent is None else key_owners[sel.parent]
            if not owners:
                continue
            wanted = (
                None if several else [sel.column, *[c for c in node.key_columns if c != sel.column]]
            )
            values = _values_of(sel, subjects, keys)
            found = src.find(t[1], [selector_match(sel, skind, values)], columns=wanted)
            sel_vals = found.column(sel.column).to_pylist()
            key_vals = {c: found.column(c).to_pylist() for c in node.key_columns}
            whole = found.to_pylist() if several else []
            for r, v in enumerate(sel_vals):
                who = owners.get(_norm(v), set())
                for i in who:
                    if several:
                        ident = tuple(repr(x) for x in whole[r].values())
                        if ident in seen[i]:
                            continue
                        seen[i].add(ident)
                    counts[i] += 1
                for colname, col_vals in key_vals.items():
                    kv = col_vals[r]
                    if kv is None:
                        continue
                    name = f"{node.name}.{colname}"
                    key_owners[name][_norm(kv)] |= who
                    for i in who:
                        bucket = keys[i].setdefault(name, [])
                        j = _jsonable(kv)
                        if j not in bucket:
                            bucket.append(j)
        if kind is RequestKind.ERASE:
            d = policy.on_erase(t[0], t[1])
            node.action, node.reason = d.action, d.reason
            if d.action == "anonymize":
                repl = dict(d.columns) or dict.fromkeys(ws.pii_columns(t[0], t[1]))
                for sel in node.selectors:
                    repl.setdefault(sel.column, None)
                node.replacements = repl
        else:
            node.action = "export"
        templates.append(node)
        rows.append(counts)
    out = []
    for i in range(n):
        nodes = [replace(tpl, rows=rows[k][i]) for k, tpl in enumerate(templates)]
        out.append((Plan(kind, skind, nodes, list(notes)), keys[i]))
    return out


def _norm(v: Any) -> str:
    # values are matched in the column's type by the source ("42" finds 42); owners are
    # matched back by text, case-insensitively (emails)
    return str(v).strip().lower()


def _values_of(sel: Selector, subjects: Sequence[Subject], keys: Sequence[Keys]) -> list[Any]:
    seen: dict[str, Any] = {}
    for i, s in enumerate(subjects):
        for v in selector_values(sel, s, keys[i]):
            seen.setdefault(_norm(v) if sel.parent is None else repr(v), v)
    return list(seen.values())


def selector_match(sel: Selector, subject_kind: str, values: Sequence[Any]) -> Match:
    """What a source is asked for: the selector's column and values, compared
    case-insensitively for an identifier of a kind that ignores case. (A plan stored before
    selectors carried ``fold_case`` gets it from the subject's kind.)"""
    fold_case = sel.fold_case or (sel.parent is None and Subject(subject_kind, "-").fold_case)
    return Match(sel.column, list(values), fold_case)


def selector_matches(
    node: TableNode, subject_kind: str, values_of: Callable[[Selector], Sequence[Any]]
) -> tuple[list[Match], list[Selector]]:
    """One match per selector of ``node`` that has values (to be OR'd into one statement),
    and the selectors used."""
    matches: list[Match] = []
    used: list[Selector] = []
    for sel in node.selectors:
        values = values_of(sel)
        if values:
            matches.append(selector_match(sel, subject_kind, values))
            used.append(sel)
    return matches, used


def selector_values(sel: Selector, subject: Subject, keys: Keys) -> list[Any]:
    if sel.parent is None:
        return list(subject.lookup_values())
    return list(keys.get(sel.parent, []))


def _jsonable(v: Any) -> Any:
    """Keys go through JSON when sealed; sources match values in the column's type, so a
    decimal, date or UUID key travels as its text."""
    if isinstance(v, bool | int | float | str) or v is None:
        return v
    if isinstance(v, bytes):
        return v.hex()
    return str(v)
