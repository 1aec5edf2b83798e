"""The column classifier: one entity (or none) per column, with a confidence and its evidence.

Three signals, cheapest first:

1. the column's **name** (:mod:`privacy.scan.headers`): ``email``, ``nachname``, ``dob``... or a
   negation (``email_verified``) or a known non-personal word (``amount``, ``sku``);
2. the **values** (:mod:`privacy.scan.recognizers`): the share of sampled values that pass each
   recognizer's strict test (format + checksum) and loose test;
3. **NER** through Presidio and spaCy (:mod:`privacy.scan.nlp`), only for text columns the first
   two cannot settle: free text, and short text with no telling name.

How name and values combine, per candidate entity:

- named by the column and the values are plausible: ``1 - (1 - h·p) · (1 - s·r)`` with ``h`` the
  name's strength, ``p`` a credit for the plausible share (none below 30 %, full above 90 %),
  ``s`` the recognizer's specificity and ``r`` the strict share. A name whose values contradict
  it (``email`` over hashes) earns nothing;
- not named: only a recognizer whose strict share reaches its ``value_only`` threshold counts,
  from 0.5 at the threshold up to its specificity at 100 %; weak ones (phones, postal codes,
  names) do not count where the name says the column is not personal.

The best candidate wins when its confidence is at least 0.5. Numbers, booleans and dates are
only offered to the recognizers that read them (a number column is never an email).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from privacy.scan import vocabulary
from privacy.scan.headers import (
    NAME_FAMILY,
    HeaderSignal,
    analyze,
    business_table,
    health_table,
    people_table_kind,
)
from privacy.scan.recognizers import BY_ENTITY, RECOGNIZERS, Hit, Recognizer
from privacy.scan.text import split_identifier
from privacy.scan.values import Values, prepare
from privacy.sources.base import ColumnInfo, ColumnKind

if TYPE_CHECKING:
    from privacy.scan.nlp import NerTier

THRESHOLD = 0.5
#: a second entity word in a name counts for less than the word that names the column
_OTHER_WORD = 0.9
_HASHED = re.compile(r"[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64}|[0-9a-fA-F]{128}")
_NO_PII_KINDS = frozenset({ColumnKind.BOOLEAN, ColumnKind.BINARY, ColumnKind.TIME})


@dataclass(frozen=True)
class Classification:
    """The scanner's answer for one column. ``entity`` None: no personal data found."""

    entity: str | None
    confidence: float = 0.0
    evidence: tuple[str, ...] = ()
    free_text: bool = False

    @property
    def is_pii(self) -> bool:
        return self.entity is not None


NONE = Classification(None)


def _credit(plausible: float) -> float:
    return min(1.0, max(0.0, (plausible - 0.3) / 0.6))


def _score(rec: Recognizer, hit: Hit, strength: float) -> float:
    support = hit.specificity * hit.rate
    if strength > 0:
        return 1 - (1 - strength * _credit(hit.plausible)) * (1 - support)
    if not hit.decisive:
        return 0.0
    thr = rec.value_only if rec.value_only is not None else 1.0
    if thr >= 1.0:
        return hit.specificity
    return 0.5 + max(0.0, hit.specificity - 0.5) * min(1.0, (hit.rate - thr) / (1 - thr))


def _header_strength(header: HeaderSignal, table: str) -> float:
    if header.entity in NAME_FAMILY and header.strength < 0.6 and people_table_kind(table):
        return 0.75  # ``name``, ``first``, ``last`` in ``customers`` are people's names
    return header.strength


#: column names that hold a record's value itself (``conditions.description``)
_VALUE_COLUMNS = frozenset({"description", "desc", "descr", "display", "text", "label", "term",
                            "title", "value", "reason", "reasondescription", "name"})  # fmt: skip


def _in_table(header: HeaderSignal, name: str, table: str, kind: ColumnKind) -> HeaderSignal:
    """The table's context for a column whose own name says nothing: the ``description`` of a
    table of conditions or medications is health data (weakly: its values must show it)."""
    if not (table and kind.is_textual and health_table(table)):
        return header
    joined = "".join(split_identifier(name))
    bare = header.entity is None and not header.non_pii
    if (bare and (header.meaningless or joined in _VALUE_COLUMNS)) or (
        header.entity == "PERSON" and joined == "name"
    ):
        return HeaderSignal("HEALTH_DATA", vocabulary.WEAK, f"{joined} (table {table})")
    return header


def _type_evidence(kind: ColumnKind) -> tuple[str, ...]:
    return () if kind.is_textual else (f"type:{kind.value}",)


def classify(
    column: ColumnInfo,
    values: Iterable[Any] | Values,
    *,
    table: str = "",
    ner: NerTier | None = None,
) -> Classification:
    """Classify one column from its name, type and sampled values (a sequence, a pyarrow
    array, or prepared :class:`Values`). ``ner``: the NER tier to use for text the cheaper
    signals cannot settle (None: never use NER)."""
    kind = column.kind
    header = _in_table(analyze(column.name), column.name, table, kind)
    strength = _header_strength(header, table)
    vals = values if isinstance(values, Values) else prepare(values, kind)
    type_ev = _type_evidence(kind)

    # booleans are never personal data, unless the name says whose condition they flag
    if kind in _NO_PII_KINDS and not (header.entity and kind in BY_ENTITY[header.entity].kinds):
        return Classification(None, 0.0, header.evidence + type_ev)
    if vals.empty:
        # nothing to check the name against: only a dedicated word (``email``, ``ssn``, not
        # ``name``, ``nickname`` or ``address``) gets a proposal, at the lowest confidence, so
        # the column is governed before data arrives and a person confirms it
        if (
            header.entity
            and strength >= vocabulary.STRONG
            and kind in BY_ENTITY[header.entity].kinds
        ):
            return Classification(header.entity, THRESHOLD, (*header.evidence, "values:empty"))
        return Classification(None, 0.0, (*header.evidence, "values:empty", *type_ev))
    is_json = kind.is_textual and (kind == ColumnKind.JSON or vals.feature("json") >= 0.8)
    if is_json:
        found = _classify_json(vals, header)
        if found is not None:
            return found

    best: tuple[float, bool, Recognizer, Hit] | None = None
    named_hit: tuple[Recognizer, Hit] | None = None
    named_recs: list[Recognizer] = []
    strengths: list[float] = []
    if header.entity:
        # the name's entity, what such a column may hold instead, then the other entities
        # the name names (``mail_zip``), each at its own word's strength
        claims = [
            (e, strength) for e in (header.entity, *vocabulary.ALTERNATIVES.get(header.entity, ()))
        ]
        claims += [(e, s * _OTHER_WORD) for e, s in header.others]
        for e, s in claims:
            if BY_ENTITY[e] not in named_recs and kind in BY_ENTITY[e].kinds:
                named_recs.append(BY_ENTITY[e])
                strengths.append(s)
    for named_rec, claim in zip(named_recs, strengths, strict=True):  # the name's entity first
        hit = named_rec.evaluate(vals, named=True)
        if named_hit is None:
            named_hit = (named_rec, hit)
        elif hit.rate < 0.5 or vals.distinct <= 5:
            continue  # an alternative needs varied values that show it, not merely fit it
        conf = _score(named_rec, hit, claim)
        if best is None or conf > best[0]:
            best = (conf, True, named_rec, hit)
    # a name confirmed by its values leaves only the strong recognizers to overturn it
    settled = best is not None and best[0] >= 0.9
    for rec in RECOGNIZERS:
        if rec in named_recs or kind not in rec.kinds or rec.value_only is None:
            continue
        against_name = header.non_pii and not rec.strong
        if (settled and not rec.strong) or (against_name and rec.overrides is None):
            continue
        if not rec.applies(vals):
            continue
        hit = rec.evaluate(vals, named=False)
        # against such a name only checksum-backed values count (``hit.strong``)
        if against_name and not (hit.strong and hit.rate >= (rec.overrides or 1.0)):
            continue
        if (rec.needs_blank_name or hit.blank_name) and not header.meaningless and not hit.strong:
            continue
        conf = _score(rec, hit, 0.0)
        if best is None or (conf, False) > (best[0], best[1]):
            best = (conf, False, rec, hit)

    if best is not None and best[0] >= THRESHOLD:
        conf, named, rec, hit = best
        entity = hit.entity
        primary = named and header.entity is not None and rec is BY_ENTITY[header.entity]
        if primary and header.entity in NAME_FAMILY and header.entity != "PERSON":
            entity = header.entity
        elif primary and rec.entity != "PERSON":
            entity = header.entity or hit.entity
        if table and _business_data(entity, header, table):
            return Classification(
                None, 0.0, (*header.evidence, f"table:{table} holds organisations", *type_ev)
            )
        ev = [*header.evidence] if named else []
        ev.append(f"values:{hit.rate:.2f} {entity}")
        if hit.plausible >= hit.rate + 0.05 and named:
            ev.append(f"shape:{hit.plausible:.2f}")
        ev.extend(hit.notes)
        if vals.mangled >= 0.5 * vals.total:
            ev.append("values:rounded (scientific notation)")
        ev.extend(type_ev)
        return Classification(entity, round(min(conf, 0.99), 2), tuple(ev))

    # nothing settled it: the name's claim (if any) was contradicted by the values
    ev = [*header.evidence]
    if named_hit is not None:
        _, hit = named_hit
        ev.append(f"values:{hit.rate:.2f} {hit.entity}")
        ev.extend(n for n in hit.notes if not n.startswith("checksum:"))
        if vals.share(lambda t: _HASHED.fullmatch(t) is not None, key="hashed") >= 0.8:
            ev.append("values:hashed")
    ev.extend(type_ev)

    if kind.is_textual and not is_json:
        from privacy.scan import freetext

        if freetext.is_free_text(vals) and not header.non_pii:
            found = freetext.analyze(vals, ner)
            if found is not None:
                return found
        elif ner is not None and _needs_ner(header, vals):
            found = freetext.ner_short_text(vals, ner)
            if found is not None:
                return found
    return Classification(None, 0.0, tuple(ev))


def _business_data(entity: str, header: HeaderSignal, table: str) -> bool:
    """An organisation's address, site or name in a table of organisations is not a person's."""
    if not business_table(table):
        return False
    if entity in vocabulary.LOCATION_ENTITIES:
        return True
    # ``name`` of a company is the company's name; a ``contact_name`` is still a person
    return entity in NAME_FAMILY and header.entity in NAME_FAMILY and header.strength < 0.6


def _needs_ner(header: HeaderSignal, vals: Values) -> bool:
    """Short text with no telling name that might be names or places: worth NER."""
    if header.entity is not None or header.non_pii:
        return False
    return (
        vals.distinct >= 10
        and vals.distinct_ratio >= 0.3
        and vals.feature("alpha") >= 0.9
        and vals.feature("digit") <= 0.2
        and 1.0 <= vals.avg_words <= 5
    )


def classify_table(
    table: str,
    columns: Sequence[ColumnInfo],
    data: Any,
    *,
    ner: NerTier | None = None,
) -> list[Classification]:
    """Classify every column of a sampled table (a ``pyarrow.Table`` or a mapping of column
    name to values); in a table of people, unnamed columns of bare digits are then judged by
    their shape (:mod:`privacy.scan.context`)."""
    from privacy.scan import context

    out = []
    # by name once: ``column_names`` rebuilds its list on each access (quadratic in a table
    # of thousands of columns)
    by_name: Mapping[str, Any] = (
        dict(zip(data.column_names, data.columns, strict=True))
        if hasattr(data, "column_names")
        else data
    )
    for col in columns:
        out.append(classify(col, by_name.get(col.name, []), table=table, ner=ner))
    return context.revisit(columns, data, out)


# --- JSON columns --------------------------------------------------------------------------


def _flatten(obj: Any, path: str, out: dict[str, list[Any]], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(obj, dict):
        for k, v in obj.items():
            _flatten(v, f"{path}.{k}", out, depth + 1)
    elif isinstance(obj, list):
        for v in obj[:20]:
            _flatten(v, f"{path}[]", out, depth + 1)
    else:
        out.setdefault(path, []).append(obj)


def _leaf_kind(leaves: list[Any]) -> ColumnKind:
    if all(isinstance(v, bool) for v in leaves if v is not None):
        return ColumnKind.BOOLEAN
    if all(isinstance(v, int) and not isinstance(v, bool) for v in leaves if v is not None):
        return ColumnKind.INTEGER
    if all(isinstance(v, int | float) for v in leaves if v is not None):
        return ColumnKind.FLOAT
    return ColumnKind.STRING


def _classify_json(vals: Values, header: HeaderSignal) -> Classification | None:
    """JSON documents: classify each key path as a column of its own (the key is the name)."""
    paths: dict[str, list[Any]] = {}
    docs = 0
    for text, count in zip(vals.texts[:300], vals.counts[:300], strict=True):
        try:
            obj = json.loads(text)
        except ValueError:
            continue
        docs += 1
        doc_leaves: dict[str, list[Any]] = {}
        _flatten(obj, "$", doc_leaves)
        for p, vs in doc_leaves.items():
            paths.setdefault(p, []).extend(vs * min(count, 3))
    if docs == 0:
        return None
    found: list[tuple[float, str, str, float]] = []
    for path, leaves in paths.items():
        if len(leaves) < 2:
            continue
        key = path.rsplit(".", 1)[-1].replace("[]", "") if "." in path else ""
        sub = classify(ColumnInfo(key or "value", _leaf_kind(leaves)), leaves)
        if sub.entity and sub.entity != "FREE_TEXT_PII":
            rate = next((e for e in sub.evidence if e.startswith("values:")), "")
            share = float(rate.split()[0].split(":")[1]) if rate else sub.confidence
            found.append((sub.confidence, path, sub.entity, share))
    if not found:
        return None
    found.sort(reverse=True)
    ev = tuple(f"json:{p} {e} {s:.2f}" for _, p, e, s in found[:8])
    return Classification("FREE_TEXT_PII", round(found[0][0], 2), (*header.evidence, *ev), True)
