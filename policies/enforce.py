"""The policy in Python: ``protect`` before a write, ``read`` as a role.

``protect(batch, dataset)`` encrypts the columns whose category says ``randomized`` or
``deterministic`` (pandas DataFrame or pyarrow Table in, same type out). In a table with a
subject-identifier column, randomized columns are encrypted under each row's *subject key*
(erasure can then shred them); deterministic columns and the identifier itself use the column
key, so they stay joinable and searchable.

``read(dataset, role, data=batch)`` returns the batch as ``role`` may see it: each column
decrypted, masked, hashed, nulled, or withheld (``deny`` drops the column). One audit event
``policy.decision`` per call, naming the role, the dataset, the policy version and each
column's effect (never a value). An unknown role gets nothing but the event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from policies.decisions import ColumnDecision, decide_columns
from policies.effects import EffectKind
from policies.masking import span_function, value_function
from policies.model import Encrypt
from policies.policy import Policy
from privacy import auditing
from privacy.config import Settings, load_settings
from privacy.errors import PrivacyError

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from privacy.catalog import Catalog, ColumnTag
    from privacy.crypto import KeyStore

Batch = TypeVar("Batch", "pd.DataFrame", "pa.Table")

#: how many rows ``read`` loads when it reads the dataset itself (no ``data=``)
DEFAULT_LIMIT = 100_000


# --- columns in and out of either batch type ---------------------------------------------


def _is_arrow(batch: Any) -> bool:
    import pyarrow as pa

    return isinstance(batch, pa.Table)


def _columns(batch: Any) -> list[str]:
    return [str(c) for c in (batch.column_names if _is_arrow(batch) else batch.columns)]


def _values(batch: Any, col: str) -> list[Any]:
    if _is_arrow(batch):
        return list(batch.column(col).to_pylist())
    series = batch[col]
    out = series.tolist()
    for i, missing in enumerate(series.isna().tolist()):
        if missing:
            out[i] = None
    return list(out)


def _set(batch: Any, col: str, values: list[Any], *, keep_type: bool = False) -> Any:
    if _is_arrow(batch):
        import pyarrow as pa

        i = batch.column_names.index(col)
        old = batch.schema.field(col).type
        if keep_type:
            arr = pa.array(values, type=old)
        else:
            arr = pa.array(values)
            if pa.types.is_null(arr.type):
                arr = pa.nulls(len(values), type=pa.string() if not keep_type else old)
        return batch.set_column(i, pa.field(col, arr.type), arr)
    import pandas as pd

    batch[col] = pd.Series(values, index=batch.index, dtype=object)
    return batch


TOKEN_PREFIX = "pv1:"


def _may_hold_tokens(batch: Any, col: str) -> bool:
    """Whether any cell could be a ciphertext token: a vectorized prefix test, so allowed
    columns of plain data cost nothing (the exact check runs per value when this says yes)."""
    if _is_arrow(batch):
        import pyarrow as pa
        import pyarrow.compute as pc

        arr = batch.column(col)
        if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
            return False
        return bool(pc.any(pc.starts_with(arr, TOKEN_PREFIX)).as_py())
    series = batch[col]
    if series.dtype.kind not in "OUS" and str(series.dtype) != "string":
        return False
    hits = series.map(lambda v: isinstance(v, str) and v.startswith(TOKEN_PREFIX))
    return bool(hits.any())


def _drop(batch: Any, cols: Sequence[str]) -> Any:
    if not cols:
        return batch
    if _is_arrow(batch):
        return batch.drop_columns(list(cols))
    return batch.drop(columns=list(cols))


def _copy(batch: Any) -> Any:
    return batch if _is_arrow(batch) else batch.copy()


def _check_batch(batch: Any) -> None:
    if _is_arrow(batch):
        return
    import pandas as pd

    if not isinstance(batch, pd.DataFrame):
        raise PrivacyError(
            f"cannot protect or read a {type(batch).__name__}",
            hint="pass a pandas DataFrame or a pyarrow Table",
        )


# --- the engine ------------------------------------------------------------------------


@dataclass
class Enforcer:
    """Holds the policy, the catalog and the key store for a run of ``protect``/``read`` calls
    (opening them once; the module functions build one per call)."""

    settings: Settings
    policy: Policy | None = None
    catalog: Catalog | None = None
    store: KeyStore | None = None
    actor: str | None = None
    _hash_key: bytes | None = field(default=None, repr=False)

    def _policy(self) -> Policy:
        if self.policy is None:
            from policies.active import active_policy

            self.policy = active_policy(self.settings)
        return self.policy

    def _catalog(self) -> Catalog:
        if self.catalog is None:
            from privacy.catalog import Catalog

            self.catalog = Catalog(self.settings.catalog_url)
        return self.catalog

    def _store(self) -> KeyStore:
        if self.store is None:
            from privacy.crypto import open_keystore

            self.store = open_keystore(self.settings)
        return self.store

    def _key(self) -> bytes:
        if self._hash_key is None:
            from policies.secrets import hash_key

            self._hash_key = hash_key(self.settings)
        return self._hash_key

    def _tags(self, dataset: str) -> dict[str, ColumnTag]:
        from privacy.sources.base import split_dataset

        source, table = split_dataset(dataset)
        return {t.column: t for t in self._catalog().tags(source, table)}

    # --- protect ---------------------------------------------------------------------------

    def protect(
        self,
        batch: Batch,
        dataset: str,
        *,
        subject_column: str | None = None,
        per_subject: bool = True,
    ) -> Batch:
        """Encrypt the columns the policy says to encrypt. Values that already are tokens are
        kept (re-running a job does not double-encrypt). ``per_subject=False`` uses column keys
        only (faster; erasure then cannot shred those cells)."""
        from privacy.crypto import encrypt_values, is_ciphertext, pseudonymize_many

        _check_batch(batch)
        policy = self._policy()
        tags = self._tags(dataset)
        cols = _columns(batch)
        plan = {}
        for col in cols:
            cls = policy.classify(tags.get(col))
            mode = policy.encryption(cls.category)
            if mode != Encrypt.NONE:
                plan[col] = mode
        out = _copy(batch)
        subjects: list[str | None] | None = None
        subj_col = subject_column or next(
            (c for c in cols if c in tags and tags[c].is_pii and tags[c].subject_kind), None
        )
        randomized = any(m == Encrypt.RANDOMIZED for m in plan.values())
        if per_subject and subj_col is not None and randomized:
            tag = tags.get(subj_col)
            kind = tag.subject_kind if tag and tag.subject_kind else subj_col
            raw = self._plain(_values(batch, subj_col), dataset, subj_col)
            subjects = list(
                pseudonymize_many(self._store(), kind, [None if v is None else str(v) for v in raw])
            )
        for col, mode in plan.items():
            values = _values(batch, col)
            todo = [i for i, v in enumerate(values) if v is not None and not is_ciphertext(v)]
            if not todo:
                continue
            use_subjects = subjects if mode == Encrypt.RANDOMIZED and col != subj_col else None
            tokens = encrypt_values(
                self._store(),
                [values[i] for i in todo],
                table=dataset,
                column=col,
                mode=mode.value,  # type: ignore[arg-type]
                subjects=[use_subjects[i] for i in todo] if use_subjects else None,
            )
            for i, tok in zip(todo, tokens, strict=True):
                values[i] = tok
            out = _set(out, col, values)
        auditing.record(
            self.settings,
            "policy.protect",
            dataset,
            details={
                "policy_version": policy.version,
                "encrypted": {c: m.value for c, m in plan.items()},
                "subject_keys": subjects is not None,
                "rows": _len(batch),
            },
            actor=self.actor,
        )
        return out

    def _plain(self, values: list[Any], dataset: str, col: str) -> list[Any]:
        """Values with any tokens decrypted (shredded subjects read as None)."""
        from privacy.crypto import decrypt_values, is_ciphertext

        idx = [i for i, v in enumerate(values) if is_ciphertext(v)]
        if not idx:
            return values
        plain = decrypt_values(
            self._store(), [values[i] for i in idx], table=dataset, column=col, on_shredded="null"
        )
        out = list(values)
        for i, v in zip(idx, plain, strict=True):
            out[i] = v
        return out

    # --- read ------------------------------------------------------------------------------

    def decisions(self, dataset: str, role: str, columns: Sequence[str]) -> list[ColumnDecision]:
        return decide_columns(self._policy(), role, list(columns), self._tags(dataset))

    def read(
        self,
        dataset: str,
        role: str,
        *,
        data: Batch | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> Batch:
        policy = self._policy()
        batch: Any = data if data is not None else self._load(dataset, limit)
        _check_batch(batch)
        decisions = self.decisions(dataset, role, _columns(batch))
        known = role in policy.roles
        withheld = [d.column for d in decisions if d.withheld]
        found: dict[str, list[str]] = {}
        try:
            out = _copy(batch)
            for d in decisions:
                if d.withheld:
                    continue
                out = self._apply(out, batch, dataset, d, found)
            out = _drop(out, withheld)
        except PrivacyError as e:
            self._audit_read(dataset, role, decisions, known, "failed", _len(batch), {}, e)
            raise
        outcome = "denied" if not known or len(withheld) == len(decisions) else "ok"
        self._audit_read(dataset, role, decisions, known, outcome, _len(batch), found, None)
        return out

    def _apply(
        self, out: Any, batch: Any, dataset: str, d: ColumnDecision, found: dict[str, list[str]]
    ) -> Any:
        eff = d.effect
        if eff.kind == EffectKind.NULL:
            return _set(out, d.column, [None] * _len(batch), keep_type=True)
        tokens = _may_hold_tokens(batch, d.column)
        if eff.kind == EffectKind.ALLOW and not tokens:
            return out
        values = _values(batch, d.column)
        if tokens:
            values = self._plain(values, dataset, d.column)
        if eff.kind == EffectKind.ALLOW:
            return _set(out, d.column, values)
        if d.cls.free_text and eff.kind in (EffectKind.MASK, EffectKind.HASH):
            from policies.freetext import mask_text

            span = span_function(eff, hash_key=self._key() if eff.kind == EffectKind.HASH else None)
            ents: set[str] = set()
            masked: list[str | None] = []
            for v in values:
                if v is None:
                    masked.append(None)
                    continue
                text, entities = mask_text(str(v), span, model=self.settings.nlp_model)
                ents.update(entities)
                masked.append(text)
            found[d.column] = sorted(ents)
            return _set(out, d.column, masked)
        fn = value_function(
            eff,
            entity=d.cls.entity,
            hash_key=self._key() if eff.kind == EffectKind.HASH else None,
        )
        return _set(out, d.column, [None if v is None else fn(v) for v in values])

    def _load(self, dataset: str, limit: int) -> pa.Table:
        from privacy.sources import SupportsSample, open_source
        from privacy.sources.base import split_dataset

        source, table = split_dataset(dataset)
        name, url = self.settings.source_url(source)
        with open_source(url, name) as src:
            if not isinstance(src, SupportsSample):
                raise PrivacyError(
                    f"source {source} cannot be read row by row",
                    hint="load the data yourself and pass it: read(dataset, role, data=batch)",
                )
            return src.sample(table, n=limit)

    def _audit_read(
        self,
        dataset: str,
        role: str,
        decisions: list[ColumnDecision],
        known: bool,
        outcome: str,
        rows: int,
        found: dict[str, list[str]],
        error: PrivacyError | None,
    ) -> None:
        policy = self._policy()
        details: dict[str, Any] = {
            "role": role,
            "known_role": known,
            "policy_version": policy.version,
            "rows": rows,
            "columns": {d.column: str(d.effect) for d in decisions},
        }
        if found:
            details["free_text_entities"] = found
        if error is not None:
            details["error"] = type(error).__name__
        auditing.record(
            self.settings,
            "policy.decision",
            dataset,
            outcome=outcome,
            details=details,
            actor=self.actor,
        )


def _len(batch: Any) -> int:
    return int(batch.num_rows) if _is_arrow(batch) else len(batch)


# --- module-level API ------------------------------------------------------------------


def protect(
    batch: Batch,
    dataset: str,
    *,
    settings: Settings | None = None,
    policy: Policy | None = None,
    subject_column: str | None = None,
    per_subject: bool = True,
) -> Batch:
    """Encrypt ``batch``'s columns as the active (or given) policy says for ``dataset``
    (``SOURCE.TABLE``)."""
    enf = Enforcer(settings or load_settings(), policy=policy)
    return enf.protect(batch, dataset, subject_column=subject_column, per_subject=per_subject)


def read(
    dataset: str,
    role: str,
    *,
    data: Batch | None = None,
    settings: Settings | None = None,
    policy: Policy | None = None,
    limit: int = DEFAULT_LIMIT,
) -> Batch:
    """``dataset`` (``SOURCE.TABLE``) as ``role`` may see it. Pass the rows as ``data``
    (DataFrame or Table); without it, up to ``limit`` rows are read from the source."""
    enf = Enforcer(settings or load_settings(), policy=policy)
    return enf.read(dataset, role, data=data, limit=limit)
