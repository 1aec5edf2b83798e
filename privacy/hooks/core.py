"""The ingestion guard: no personal data enters the warehouse or the lake without a tag.

``guard(batch, "SOURCE.TABLE")`` looks the dataset's columns up in the catalog and decides per
column:

==================================  ==========================================================
catalog says                        the guard
==================================  ==========================================================
confirmed PII (an entity)           passes it, unread (protected per policy); after a type
                                    change it classifies a sample, and a different entity
                                    is a rejection
confirmed "not PII" / rejected      re-checks a small sample: values that now look like
proposal                            personal data are a rejection (a rejected proposal's own
                                    entity is not: a person already said no to it)
proposed only, or nothing           classifies a sample (name + values): PII is a rejection,
                                    and so is a pending PII proposal nobody confirmed
==================================  ==========================================================

A rejection raises :class:`~privacy.errors.UntaggedPIIError` (table, column, entity, evidence;
never a value), records the proposals so a person can confirm them, and is audited
(``hook.rejected``); the caller writes nothing. A passing batch is protected (encrypted as the
policy says) and returned in the shape it came in, audited as ``hook.passed``.

``mode="learn"`` is for the first load of a new source: proposals are recorded and the batch
goes through (``hook.learned``). It never overrides a person: a column confirmed as not PII
that now holds emails is rejected in learn mode too.

Anything that stops the guard from deciding (the catalog unreachable, a protector missing while
a policy is configured) rejects the batch: the guard fails closed, never open.
"""

from __future__ import annotations

import contextlib
import threading
from collections import Counter, OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from privacy import auditing
from privacy.catalog import ColumnTag, TagStatus
from privacy.config import Settings, load_settings
from privacy.entities import ENTITIES, category_of
from privacy.errors import (
    CatalogError,
    CatalogUnavailableError,
    ConfigError,
    Finding,
    PrivacyError,
    UntaggedPIIError,
)
from privacy.hooks import classify as cls
from privacy.hooks.batch import BatchTypeError, BatchView, kind_of_values, view_of
from privacy.hooks.protector import Protector, resolve
from privacy.hooks.state import GuardState, state_for
from privacy.sources.base import ColumnKind, split_dataset

Mode = Literal["enforce", "learn"]
MODES = ("enforce", "learn")

#: values classified per column with no confirmed tag (bounded: the guard's cost must not grow
#: with the batch)
SAMPLE = 200
#: values re-checked per column a person confirmed as not PII (the values must *now* look like
#: PII by themselves, which a small sample shows as well as a large one)
RECHECK_SAMPLE = 32

#: a re-check overrides a person's "not PII" only on strong evidence (e-mails, IBANs, card
#: numbers by their checksums score 0.95 and more; a weak format match does not)
OVERRIDE_CONFIDENCE = 0.9

_NAME_FAMILY = frozenset({"PERSON", "FIRST_NAME", "LAST_NAME"})

# why a column was rejected (audit details and the check report carry these codes)
UNTAGGED = "untagged"
PROPOSED = "proposed_not_confirmed"
NOT_PII_NOW_PII = "confirmed_not_pii_now_pii"
REJECTED_NOW_PII = "rejected_proposal_now_pii"
TYPE_CHANGED = "type_changed"


class _Verdicts:
    """The last classification per column, keyed by a digest of the sampled values' set.

    Low-cardinality columns (status, currency, country) show the same distinct values batch
    after batch; the classifier is deterministic, so the same set gets the same answer without
    running it again. Only digests and answers are kept, never values."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._d: OrderedDict[tuple[Any, ...], tuple[int, cls.Proposal]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...], digest: int) -> cls.Proposal | None:
        with self._lock:
            hit = self._d.get(key)
            if hit is None or hit[0] != digest:
                return None
            self._d.move_to_end(key)
            return hit[1]

    def put(self, key: tuple[Any, ...], digest: int, p: cls.Proposal) -> None:
        with self._lock:
            self._d[key] = (digest, p)
            self._d.move_to_end(key)
            while len(self._d) > self.size:
                self._d.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._d.clear()


_verdicts = _Verdicts()


def _digest(values: list[Any]) -> int | None:
    """A digest of the sample's distinct values with their counts (rates depend on them),
    or None when a value cannot be hashed (JSON documents)."""
    try:
        return hash(frozenset(Counter(values).items()))
    except TypeError:
        return None


def _same_entity(a: str, b: str) -> bool:
    return a == b or (a in _NAME_FAMILY and b in _NAME_FAMILY)


@dataclass(frozen=True)
class ColumnResult:
    """The guard's verdict on one column."""

    column: str
    kind: ColumnKind | None
    #: tagged | not_pii | clean | empty | rejected
    verdict: str
    entity: str | None = None
    tag: ColumnTag | None = None
    proposal: cls.Proposal | None = None
    finding: Finding | None = None
    reason: str | None = None
    #: the batch held values in this column (its type is then worth remembering)
    seen: bool = True

    @property
    def decided(self) -> bool:
        """A person decided this column (confirmed or rejected its tag)."""
        return self.tag is not None and self.tag.status != TagStatus.PROPOSED


@dataclass
class Evaluation:
    dataset: str
    source: str
    table: str
    rows: int
    columns: list[ColumnResult] = field(default_factory=list)
    #: column -> logical type seen in this batch (columns with values only)
    kinds: dict[str, str] = field(default_factory=dict)
    #: column -> logical type last let through
    known_kinds: dict[str, str] = field(default_factory=dict)

    @property
    def findings(self) -> list[Finding]:
        return [c.finding for c in self.columns if c.finding is not None]

    def blocking(self, mode: Mode) -> list[ColumnResult]:
        """Rejected columns that stop the batch: all in enforce mode; in learn mode only those
        where the batch contradicts a person's decision."""
        return [
            c for c in self.columns if c.finding is not None and (mode == "enforce" or c.decided)
        ]

    def pii_columns(self) -> list[dict[str, Any]]:
        """Columns of the batch holding personal data by their tag, for the audit log."""
        return [
            {"table": self.table, "column": c.column, "entity": c.entity}
            for c in self.columns
            if c.verdict == "tagged"
        ]


def _proposal_tag(source: str, table: str, r: ColumnResult) -> ColumnTag:
    p = r.proposal
    assert p is not None
    ent = ENTITIES.get(p.entity) if p.entity else None
    return ColumnTag(
        source=source,
        table=table,
        column=r.column,
        entity=p.entity,
        category=category_of(p.entity),
        confidence=p.confidence,
        evidence=(*p.evidence, "hook:batch sample"),
        status=TagStatus.PROPOSED,
        identifies_subject=bool(ent and ent.identifies_subject),
        subject_kind=ent.subject_kind if ent else None,
        free_text=p.free_text,
    )


class Guard:
    """The guard with its settings and collaborators, reusable across batches and threads.

    ``protector``: protects passing batches (default: the one registered with
    :func:`~privacy.hooks.use_protector`). ``classifier``: defaults to the scanner's.
    ``sample`` / ``recheck_sample``: values read per column (see :data:`SAMPLE`).
    ``ner``: let the classifier use the NLP model for free text (slower, finds names in text).
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        protector: Protector | None = None,
        classifier: cls.Classifier | None = None,
        sample: int = SAMPLE,
        recheck_sample: int = RECHECK_SAMPLE,
        ner: bool = False,
        actor: str | None = None,
    ) -> None:
        self.settings = settings or load_settings()
        self.protector = protector
        self._classifier = classifier
        #: verdicts are cached only for the scanner's classifier (deterministic, and the same
        #: in every Guard); a custom classifier is called every time
        self._cache_as: str | None = None if classifier is not None else f"scanner:ner={ner}"
        self.ner = ner
        self.sample = max(1, sample)
        self.recheck_sample = max(1, min(recheck_sample, self.sample))
        self.actor = actor

    @property
    def classifier(self) -> cls.Classifier:
        if self._classifier is None:
            ner = None
            if self.ner:
                from privacy.scan.nlp import shared_tier

                ner = shared_tier(self.settings.nlp_model)
            self._classifier = cls.scanner_classifier(ner)
        return self._classifier

    def state(self) -> GuardState:
        return state_for(self.settings.catalog_url)

    # --- deciding ------------------------------------------------------------------------

    def evaluate(
        self,
        view: BatchView,
        dataset: str,
        *,
        kinds: Mapping[str, ColumnKind] | None = None,
    ) -> Evaluation:
        """Decide every column of ``view`` without side effects. ``kinds`` overrides the
        types read from the batch (a source's declared column types)."""
        source, table = split_dataset(dataset)
        tags, known = self.state().lookup(source, table)
        ev = Evaluation(dataset, source, table, view.rows, known_kinds=known)
        for col in view.columns:
            kind = kinds.get(col) if kinds is not None else view.kind(col)
            ev.columns.append(self._column(ev, view, col, kind, tags.get(col)))
        for r in ev.columns:
            if r.kind is not None and r.seen:
                ev.kinds[r.column] = r.kind.value
        _hint_renames(ev, tags, set(view.columns))
        return ev

    def _classify(
        self, ev: Evaluation, col: str, kind: ColumnKind | None, values: list[Any]
    ) -> tuple[ColumnKind, cls.Proposal]:
        k = kind or kind_of_values(values) or ColumnKind.STRING
        if not k.is_textual and any(isinstance(v, str) for v in values):
            k = ColumnKind.STRING  # text among the numbers of an untyped column: read it as text
        key = (self.settings.catalog_url, ev.dataset, col, k.value, self._cache_as)
        digest = _digest(values) if self._cache_as is not None else None
        if digest is not None:
            hit = _verdicts.get(key, digest)
            if hit is not None:
                return k, hit
        p = cls.run(self.classifier, ev.dataset, col, k, ev.table, values)
        if digest is not None:
            _verdicts.put(key, digest, p)
        return k, p

    def _column(
        self,
        ev: Evaluation,
        view: BatchView,
        col: str,
        kind: ColumnKind | None,
        tag: ColumnTag | None,
    ) -> ColumnResult:
        prev = ev.known_kinds.get(col)
        changed = False
        type_ev: tuple[str, ...] = ()
        if prev is not None and kind is not None and prev != kind.value:
            changed, type_ev = True, (f"schema:type {prev}->{kind.value}",)

        def reject(entity: str, reason: str, why: str, p: cls.Proposal | None) -> ColumnResult:
            evidence = (why, *type_ev, *(p.evidence if p else ()))
            return ColumnResult(
                col,
                kind,
                "rejected",
                entity,
                tag,
                p,
                Finding(ev.table, col, entity, evidence),
                reason,
            )

        if tag is not None and tag.status == TagStatus.CONFIRMED and tag.entity is not None:
            if not changed:
                return ColumnResult(col, kind, "tagged", tag.entity, tag)
            values = view.sample(col, self.sample)
            if not values:
                return ColumnResult(col, kind, "tagged", tag.entity, tag, seen=False)
            kind, p = self._classify(ev, col, kind, values)
            if p.entity is not None and not _same_entity(p.entity, tag.entity):
                why = (
                    f"catalog:confirmed {tag.entity}, but after the type change it holds {p.entity}"
                )
                return reject(p.entity, TYPE_CHANGED, why, p)
            return ColumnResult(col, kind, "tagged", tag.entity, tag, p)

        decided = tag is not None and tag.status != TagStatus.PROPOSED
        if decided and not changed and kind is not None and not kind.is_textual:
            # numbers, dates and flags a person called "not PII" cannot start holding e-mails
            # or names without a type change, which is checked above
            return ColumnResult(col, kind, "not_pii", None, tag)
        values = view.sample(col, self.recheck_sample if decided and not changed else self.sample)
        if not values:
            return ColumnResult(col, kind, "empty", None, tag, seen=False)
        kind, p = self._classify(ev, col, kind, values)

        if tag is None:
            if p.entity is not None:
                return reject(p.entity, UNTAGGED, "catalog:no tag", p)
            return ColumnResult(col, kind, "clean", None, tag, p)
        if tag.status == TagStatus.PROPOSED:
            if p.entity is not None:
                pending = f"proposed {tag.entity}" if tag.entity else "proposed as not PII"
                return reject(p.entity, PROPOSED, f"catalog:{pending}, not confirmed", p)
            if tag.entity is not None:
                why = f"catalog:proposed {tag.entity} ({tag.confidence:.2f}), not confirmed"
                return reject(tag.entity, PROPOSED, why, p)
            return ColumnResult(col, kind, "clean", None, tag, p)
        strong = p.entity is not None and p.confidence >= OVERRIDE_CONFIDENCE
        if tag.status == TagStatus.CONFIRMED:  # confirmed as not personal data
            if strong and p.entity is not None:
                why = f"catalog:confirmed as not PII, but the values now look like {p.entity}"
                return reject(p.entity, NOT_PII_NOW_PII, why, p)
            return ColumnResult(col, kind, "not_pii", None, tag, p)
        # a person rejected the proposal: not PII, except for something new
        if strong and p.entity and not (tag.entity and _same_entity(p.entity, tag.entity)):
            was = f"proposal {tag.entity} rejected" if tag.entity else "proposal rejected"
            why = f"catalog:{was}, but the values now look like {p.entity}"
            return reject(p.entity, REJECTED_NOW_PII, why, p)
        return ColumnResult(col, kind, "not_pii", None, tag, p)

    # --- acting ----------------------------------------------------------------------------

    def record_proposals(self, ev: Evaluation, *, everything: bool) -> int:
        """Store what the batch showed for columns nobody decided: PII found (always), and
        with ``everything`` (learn mode) clean columns too, so ``privacy tag confirm --all``
        settles the dataset. A pending proposal is never replaced by "nothing found"."""
        out = []
        for r in ev.columns:
            if r.proposal is None or r.decided:
                continue
            if r.proposal.entity is None and (not everything or r.tag is not None):
                continue
            out.append(_proposal_tag(ev.source, ev.table, r))
        if out:
            self.state().catalog.record_proposals(out)
        return len(out)

    def _audit(self, action: str, dataset: str, outcome: str, details: dict[str, Any]) -> None:
        auditing.record(
            self.settings, action, dataset, outcome=outcome, details=details, actor=self.actor
        )

    def _audit_failure(self, dataset: str, rows: int, reason: str, error: PrivacyError) -> None:
        """Best effort: the batch is rejected whether or not the event can be written."""
        with contextlib.suppress(PrivacyError):
            self._audit(
                "hook.rejected",
                dataset,
                "failed",
                {"columns": [], "rows": rows, "reason": reason, "error": type(error).__name__},
            )

    def __call__(
        self,
        batch: Any,
        dataset: str,
        *,
        mode: Mode = "enforce",
        protector: Protector | None = None,
    ) -> Any:
        if mode not in MODES:
            raise ConfigError(
                f"unknown guard mode {mode!r}",
                hint="use mode='enforce' (reject untagged PII) or mode='learn' (record "
                "proposals and let the first load of a new source through)",
            )
        split_dataset(dataset)
        view = view_of(batch)
        try:
            prot = resolve(self.settings, protector or self.protector, dataset)
        except PrivacyError as e:
            self._audit_failure(dataset, view.rows, "no_protector", e)
            raise
        try:
            ev = self.evaluate(view, dataset)
            blocking = ev.blocking(mode)
            if mode == "learn":
                self.record_proposals(ev, everything=True)
            elif blocking:
                self.record_proposals(ev, everything=False)
        except CatalogError as e:
            self._audit_failure(dataset, view.rows, "catalog_unavailable", e)
            err = type(e) if isinstance(e, CatalogUnavailableError) else CatalogError
            raise err(
                f"{dataset}: batch rejected, the catalog could not be read: {e.message}",
                hint=e.hint,
            ) from None
        except cls.ClassificationError as e:
            self._audit_failure(dataset, view.rows, "classification_failed", e)
            raise
        if blocking:
            self._reject(ev, blocking, mode)
        in_index = [r.column for r in ev.columns if r.entity and r.column in view.index_levels]
        if in_index:
            # tagged personal data in a DataFrame's index: protection works on columns, and
            # `to_parquet` would write the index as it is
            refused = BatchTypeError(
                f"{dataset}: personal data in the DataFrame's index ({', '.join(in_index)})",
                hint="df.reset_index() before guarding, so it is checked and protected as a "
                "column (the write_* functions drop the index)",
            )
            self._audit_failure(dataset, view.rows, "pii_in_index", refused)
            raise refused
        out = batch
        if prot is not None and view.rows:
            try:
                out = view.with_arrow(prot.protect(view.to_arrow(), dataset))
            except PrivacyError as e:
                self._audit_failure(dataset, view.rows, "protection_failed", e)
                raise
        try:
            self.state().remember_kinds(ev.source, ev.table, ev.kinds, ev.known_kinds)
        except CatalogError as e:
            self._audit_failure(dataset, view.rows, "catalog_unavailable", e)
            raise
        if mode == "learn":
            learned = [
                {"table": ev.table, "column": r.column, "entity": r.proposal.entity}
                for r in ev.columns
                if r.proposal is not None and r.proposal.entity and not r.decided
            ]
            self._audit(
                "hook.learned",
                dataset,
                "ok",
                {"columns": ev.pii_columns() + learned, "rows": view.rows, "protected": bool(prot)},
            )
        else:
            self._audit(
                "hook.passed",
                dataset,
                "ok",
                {"columns": ev.pii_columns(), "rows": view.rows, "protected": bool(prot)},
            )
        return out

    def _reject(self, ev: Evaluation, blocking: list[ColumnResult], mode: Mode) -> None:
        self._audit(
            "hook.rejected",
            ev.dataset,
            "rejected",
            {
                "columns": [
                    {"table": ev.table, "column": r.column, "entity": r.entity, "reason": r.reason}
                    for r in blocking
                ],
                "rows": ev.rows,
                "mode": mode,
            },
        )
        findings = [r.finding for r in blocking if r.finding is not None]
        raise UntaggedPIIError(ev.dataset, findings, hint=_hint(ev, blocking))


def _hint(ev: Evaluation, blocking: list[ColumnResult]) -> str:
    first = blocking[0]
    ref = f"{ev.source}.{ev.table}.{first.column}"
    if all(r.reason in (UNTAGGED, PROPOSED) for r in blocking):
        return (
            f"the proposals are in the catalog: review them (`privacy tag list {ev.source}`), "
            f"confirm them (`privacy tag confirm {ref}`) or drop the columns before loading; "
            "for the first load of a new source use mode='learn'"
        )
    return (
        f"a person's decision no longer matches the data: if {ref} now holds {first.entity}, "
        f"tag it (`privacy tag set {ref} {first.entity}`); otherwise fix the job that "
        "filled it"
    )


def _hint_renames(ev: Evaluation, tags: Mapping[str, ColumnTag], present: set[str]) -> None:
    """A new column with the entity of a tagged column that disappeared was probably renamed."""
    gone = [
        t
        for c, t in tags.items()
        if c not in present and t.status == TagStatus.CONFIRMED and t.entity is not None
    ]
    if not gone:
        return
    for i, r in enumerate(ev.columns):
        if r.finding is None or r.reason != UNTAGGED or r.entity is None:
            continue
        old = next((t for t in gone if _same_entity(t.entity or "", r.entity)), None)
        if old is None:
            continue
        note = f"schema:{old.column} (tagged {old.entity}) is missing from the batch: renamed?"
        f = r.finding
        ev.columns[i] = ColumnResult(
            r.column,
            r.kind,
            r.verdict,
            r.entity,
            r.tag,
            r.proposal,
            Finding(f.table, f.column, f.entity, (*f.evidence[:1], note, *f.evidence[1:])),
            r.reason,
            r.seen,
        )


def guard(
    batch: Any,
    dataset: str,
    *,
    mode: Mode = "enforce",
    settings: Settings | None = None,
    protector: Protector | None = None,
    sample: int = SAMPLE,
    ner: bool = False,
    actor: str | None = None,
) -> Any:
    """Check ``batch`` bound for ``dataset`` (``SOURCE.TABLE``) and return it protected.

    ``batch``: a pandas DataFrame, a pyarrow Table or RecordBatch, or a list of dicts; the
    result has the same shape. Raises UntaggedPIIError (exit code 3) when a column holds
    personal data without a confirmed tag; CatalogUnavailableError when the catalog cannot be
    read; ProtectorMissingError when a policy is configured but no protector is at hand. In
    every one of those cases the caller must write nothing."""
    g = Guard(settings, protector=protector, sample=sample, ner=ner, actor=actor)
    return g(batch, dataset, mode=mode)
