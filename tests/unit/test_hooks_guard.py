"""The ingestion guard on pandas, Arrow (Table and RecordBatch) and list-of-dicts batches, with
the real catalog (SQLite), the real scanner and the real audit log.

Each rejection reason is a row of REASONS and runs on every batch shape; every rejection is
checked for what a user sees (the error's columns, entity and evidence, the audit event, the
proposals left in the catalog) and for what must never appear (a value, anywhere)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

from privacy.catalog import Catalog, ColumnTag, TagStatus
from privacy.config import FileConfig, PolicyConfig, Settings, StateConfig
from privacy.errors import CatalogUnavailableError, ConfigError, UntaggedPIIError
from privacy.hooks import (
    BatchTypeError,
    ClassificationError,
    Guard,
    Proposal,
    ProtectorMissingError,
    guard,
    use_protector,
)
from privacy.hooks import core as guard_module
from privacy.hooks import state as hook_state
from privacy.sources.base import ColumnKind, ColumnRef
from tests.support import audit_events as events

SOURCE, TABLE = "lake", "customers"
DATASET = f"{SOURCE}.{TABLE}"
N = 40
EMAILS = [f"person.{i:02d}@example.com" for i in range(N)]
BASE: dict[str, list[Any]] = {
    "id": list(range(1, N + 1)),
    "email": EMAILS,
    "amount": [round(10 + i * 1.25, 2) for i in range(N)],
    "status": ["paid", "open", "refunded", "paid"] * (N // 4),
}
TAGS = {"id": None, "email": "EMAIL_ADDRESS", "amount": None, "status": None}
SHAPES = ["pandas", "arrow", "record_batch", "records"]


def make(shape: str, cols: dict[str, list[Any]]) -> Any:
    if shape == "pandas":
        return pd.DataFrame(cols)
    if shape == "arrow":
        return pa.table(cols)
    if shape == "record_batch":
        return pa.RecordBatch.from_pydict(cols)
    n = len(next(iter(cols.values()))) if cols else 0
    return [{k: v[i] for k, v in cols.items()} for i in range(n)]


def records(batch: Any) -> list[dict[str, Any]]:
    if isinstance(batch, pd.DataFrame):
        return [dict(r) for r in batch.to_dict("records")]
    if isinstance(batch, pa.Table | pa.RecordBatch):
        return batch.to_pylist()
    return list(batch)


@pytest.fixture(autouse=True)
def _isolated() -> Iterator[None]:
    previous = use_protector(None)
    yield
    use_protector(previous)
    hook_state.close_all()
    guard_module._verdicts.clear()


@pytest.fixture
def catalog(settings: Settings) -> Catalog:
    cat = Catalog(settings.catalog_url)
    for col, entity in TAGS.items():
        cat.set(ColumnRef(SOURCE, TABLE, col), entity, actor="test")
    return cat


def with_cols(**extra: list[Any]) -> dict[str, list[Any]]:
    return {**BASE, **extra}


def assert_no_values(settings: Settings, *texts: str) -> None:
    """No sampled value appears in the texts, nor anywhere in the audit log."""
    blob = "\n".join(texts) + json.dumps(events(settings))
    for v in EMAILS:
        assert v not in blob


# --- the happy path ----------------------------------------------------------------------


@pytest.mark.parametrize("shape", SHAPES)
def test_tagged_batch_passes_unchanged_and_is_audited(
    shape: str, settings: Settings, catalog: Catalog
) -> None:
    batch = make(shape, BASE)
    out = guard(batch, DATASET, settings=settings)
    assert type(out) is type(batch)
    assert records(out) == records(batch)
    if shape != "pandas":  # no policy: the very object comes back, nothing was copied
        assert out is batch
    (ev,) = events(settings, "hook.passed")
    assert ev["target"] == DATASET and ev["outcome"] == "ok"
    assert ev["details"]["rows"] == N
    assert ev["details"]["columns"] == [
        {"table": TABLE, "column": "email", "entity": "EMAIL_ADDRESS"}
    ]
    assert ev["details"]["protected"] is False
    assert_no_values(settings)


@pytest.mark.parametrize("shape", SHAPES)
def test_new_clean_column_passes(shape: str, settings: Settings, catalog: Catalog) -> None:
    codes = [f"save-{i % 9 + 10}%" for i in range(N)]
    out = guard(make(shape, with_cols(coupon=codes)), DATASET, settings=settings)
    assert [r["coupon"] for r in records(out)] == codes
    # the type it was let through with is remembered for the next batch
    assert hook_state.state_for(settings.catalog_url).kinds(SOURCE, TABLE)["coupon"] == "string"


# --- each rejection reason on each shape -------------------------------------------------


def _untagged(cat: Catalog, s: Settings) -> dict[str, list[Any]]:
    return with_cols(contact=EMAILS)


def _proposed(cat: Catalog, s: Settings) -> dict[str, list[Any]]:
    cat.record_proposals([ColumnTag(SOURCE, TABLE, "contact", "EMAIL_ADDRESS", confidence=0.9)])
    return with_cols(contact=EMAILS)


def _proposed_values_clean(cat: Catalog, s: Settings) -> dict[str, list[Any]]:
    # a pending PII proposal blocks even when this batch's sample looks clean
    cat.record_proposals([ColumnTag(SOURCE, TABLE, "contact", "EMAIL_ADDRESS", confidence=0.9)])
    return with_cols(contact=[f"ref-{i}" for i in range(N)])


def _not_pii_now_emails(cat: Catalog, s: Settings) -> dict[str, list[Any]]:
    return with_cols(status=EMAILS)


def _rejected_now_emails(cat: Catalog, s: Settings) -> dict[str, list[Any]]:
    ref = ColumnRef(SOURCE, TABLE, "ref")
    cat.record_proposals([ColumnTag(SOURCE, TABLE, "ref", "PERSON", confidence=0.6)])
    cat.reject(ref)
    return with_cols(ref=EMAILS)


def _type_change(cat: Catalog, s: Settings) -> dict[str, list[Any]]:
    cat.set(ColumnRef(SOURCE, TABLE, "customer_no"), "CUSTOMER_ID")
    guard(pa.table(with_cols(customer_no=list(range(N)))), DATASET, settings=s)  # integers
    return with_cols(customer_no=EMAILS)


REASONS: list[tuple[str, Callable[[Catalog, Settings], dict[str, list[Any]]], str, str, str]] = [
    # (case, setup -> batch columns, column, entity, reason code)
    ("new column", _untagged, "contact", "EMAIL_ADDRESS", "untagged"),
    ("proposed, not confirmed", _proposed, "contact", "EMAIL_ADDRESS", "proposed_not_confirmed"),
    (
        "proposed, sample clean",
        _proposed_values_clean,
        "contact",
        "EMAIL_ADDRESS",
        "proposed_not_confirmed",
    ),
    (
        "confirmed not PII, now emails",
        _not_pii_now_emails,
        "status",
        "EMAIL_ADDRESS",
        "confirmed_not_pii_now_pii",
    ),
    (
        "rejected proposal, now emails",
        _rejected_now_emails,
        "ref",
        "EMAIL_ADDRESS",
        "rejected_proposal_now_pii",
    ),
    ("type change int -> emails", _type_change, "customer_no", "EMAIL_ADDRESS", "type_changed"),
]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(
    ("case", "setup", "column", "entity", "reason"), REASONS, ids=[r[0] for r in REASONS]
)
def test_rejection(
    shape: str,
    case: str,
    setup: Callable[[Catalog, Settings], dict[str, list[Any]]],
    column: str,
    entity: str,
    reason: str,
    settings: Settings,
    catalog: Catalog,
) -> None:
    cols = setup(catalog, settings)
    before = events(settings, "hook.rejected")
    with pytest.raises(UntaggedPIIError) as ei:
        guard(make(shape, cols), DATASET, settings=settings)
    err = ei.value
    assert err.exit_code == 3 and err.dataset == DATASET
    (f,) = err.findings
    assert (f.table, f.column, f.entity) == (TABLE, column, entity)
    assert f.evidence and f.evidence[0].startswith("catalog:")
    assert f"{TABLE}.{column} ({entity})" in err.message
    assert err.hint and "privacy tag" in err.hint

    (ev,) = events(settings, "hook.rejected")[len(before) :]
    assert ev["target"] == DATASET and ev["outcome"] == "rejected"
    assert ev["details"]["rows"] == N
    assert ev["details"]["columns"] == [
        {"table": TABLE, "column": column, "entity": entity, "reason": reason}
    ]
    assert not events(settings, "hook.passed")[len(before) :] or case == "type change int -> emails"
    assert_no_values(settings, str(err), repr(err.findings))

    tag = catalog.get(ColumnRef(SOURCE, TABLE, column))
    if reason == "untagged":  # a proposal is left for a person to confirm
        assert tag is not None and tag.status == TagStatus.PROPOSED
        assert tag.entity == "EMAIL_ADDRESS"
    elif reason == "confirmed_not_pii_now_pii":  # a person's decision is never overwritten
        assert tag is not None and tag.status == TagStatus.CONFIRMED and tag.entity is None


def test_type_change_is_noticed_only_once_let_through(settings: Settings, catalog: Catalog) -> None:
    catalog.set(ColumnRef(SOURCE, TABLE, "phone"), "PHONE_NUMBER")
    phones_int = [4930555000 + i for i in range(N)]
    guard(pa.table(with_cols(phone=phones_int)), DATASET, settings=settings)
    # the same entity after the change (text phone numbers): passes, and the new type sticks
    phones = [f"+49 30 555 {1000 + i}" for i in range(N)]
    guard(pa.table(with_cols(phone=phones)), DATASET, settings=settings)
    kinds = hook_state.state_for(settings.catalog_url).kinds(SOURCE, TABLE)
    assert kinds["phone"] == "string"


def test_rejected_proposal_of_the_same_entity_passes(settings: Settings, catalog: Catalog) -> None:
    """A person said "these are not e-mails of people" (test accounts): the guard obeys."""
    ref = ColumnRef(SOURCE, TABLE, "sender")
    catalog.record_proposals([ColumnTag(SOURCE, TABLE, "sender", "EMAIL_ADDRESS", 0.99)])
    catalog.reject(ref)
    out = guard(pa.table(with_cols(sender=EMAILS)), DATASET, settings=settings)
    assert out.column("sender").to_pylist() == EMAILS


def test_weak_evidence_does_not_override_a_person(settings: Settings, catalog: Catalog) -> None:
    """Free-form notes a person called "not PII" are not rejected on a weak format match."""
    catalog.set(ColumnRef(SOURCE, TABLE, "notes"), None)
    notes = [f"order {i} packed in box {i % 7}" for i in range(N)]
    guard(pa.table(with_cols(notes=notes)), DATASET, settings=settings)


def test_a_decision_counts_from_the_next_batch(settings: Settings, catalog: Catalog) -> None:
    """One guard, one process: each batch reads the decisions as they stand (tags are read
    fresh per batch; only the conversion of unchanged catalog rows is remembered)."""
    g = Guard(settings)
    ref = ColumnRef(SOURCE, TABLE, "contact")
    batch = pa.table(with_cols(contact=EMAILS))
    with pytest.raises(UntaggedPIIError):
        g(batch, DATASET)
    catalog.set(ref, "EMAIL_ADDRESS", actor="test")
    assert g(batch, DATASET) is batch
    catalog.set(ref, None, actor="test")  # "not personal data" after all: the values disagree
    with pytest.raises(UntaggedPIIError) as ei:
        g(batch, DATASET)
    (f,) = ei.value.findings
    assert f.column == "contact" and f.evidence[0].startswith("catalog:confirmed as not PII")
    catalog.set(ref, "EMAIL_ADDRESS", actor="test")
    assert g(batch, DATASET) is batch
    tags = g.state().tags(SOURCE, TABLE)
    assert tags["contact"] == catalog.get(ref)


# --- schema drift ----------------------------------------------------------------------


@pytest.mark.parametrize("shape", SHAPES)
def test_renamed_column_is_rejected_and_named(
    shape: str, settings: Settings, catalog: Catalog
) -> None:
    cols = {k: v for k, v in BASE.items() if k != "email"}
    cols["e_mail"] = EMAILS
    with pytest.raises(UntaggedPIIError) as ei:
        guard(make(shape, cols), DATASET, settings=settings)
    (f,) = ei.value.findings
    assert f.column == "e_mail" and f.entity == "EMAIL_ADDRESS"
    assert "schema:email (tagged EMAIL_ADDRESS) is missing from the batch: renamed?" in f.evidence


def test_two_findings_at_once(settings: Settings, catalog: Catalog) -> None:
    cols = with_cols(contact=EMAILS, iban=["DE89370400440532013000"] * N)
    with pytest.raises(UntaggedPIIError) as ei:
        guard(pa.table(cols), DATASET, settings=settings)
    assert {(f.column, f.entity) for f in ei.value.findings} == {
        ("contact", "EMAIL_ADDRESS"),
        ("iban", "IBAN_CODE"),
    }
    assert "DE89370400440532013000" not in str(ei.value) + json.dumps(events(settings))


# --- empty and sparse batches ----------------------------------------------------------


@pytest.mark.parametrize("shape", ["pandas", "arrow", "record_batch"])
def test_empty_batch_passes(shape: str, settings: Settings, catalog: Catalog) -> None:
    cols: dict[str, list[Any]] = {k: [] for k in [*BASE, "contact"]}
    if shape == "pandas":
        batch: Any = pd.DataFrame(cols)
    else:
        schema = pa.schema(
            [
                ("id", pa.int64()),
                ("email", pa.string()),
                ("amount", pa.float64()),
                ("status", pa.string()),
                ("contact", pa.string()),
            ]
        )
        batch = pa.table(cols, schema=schema)
        if shape == "record_batch":
            batch = pa.RecordBatch.from_pydict(cols, schema=schema)
    out = guard(batch, DATASET, settings=settings)
    assert len(records(out)) == 0
    (ev,) = events(settings, "hook.passed")
    assert ev["details"]["rows"] == 0
    # nothing was seen, so nothing is remembered about the new column's type
    assert "contact" not in hook_state.state_for(settings.catalog_url).kinds(SOURCE, TABLE)


def test_empty_list_of_dicts_passes(settings: Settings, catalog: Catalog) -> None:
    assert guard([], DATASET, settings=settings) == []
    (ev,) = events(settings, "hook.passed")
    assert ev["details"] == {"columns": [], "rows": 0, "protected": False}


@pytest.mark.parametrize("shape", SHAPES)
def test_all_null_untagged_column_passes(shape: str, settings: Settings, catalog: Catalog) -> None:
    guard(make(shape, with_cols(contact=[None] * N)), DATASET, settings=settings)


@pytest.mark.parametrize("shape", SHAPES)
def test_sparse_pii_is_found(shape: str, settings: Settings, catalog: Catalog) -> None:
    """50 e-mails among 2,000 rows: the sample reads the non-null cells."""
    n = 2000
    contact: list[str | None] = [None] * n
    for i in range(50):
        contact[i * 37] = EMAILS[i % N]
    cols = {
        "id": list(range(n)),
        "email": [EMAILS[i % N] for i in range(n)],
        "contact": contact,
    }
    with pytest.raises(UntaggedPIIError) as ei:
        guard(make(shape, cols), DATASET, settings=settings)
    assert [f.column for f in ei.value.findings] == ["contact"]


@pytest.mark.parametrize("dtype", ["string", "string[pyarrow]"])
def test_sparse_pii_in_a_pandas_nullable_column_is_found(
    dtype: str, settings: Settings, catalog: Catalog
) -> None:
    """Missing cells of pandas' nullable dtypes are pd.NA, not None: they are not values."""
    n = 1000
    contact = pd.Series([EMAILS[i % N] if i % 5 == 0 else None for i in range(n)], dtype=dtype)
    df = pd.DataFrame({"id": range(n), "email": [EMAILS[i % N] for i in range(n)]})
    df["contact"] = contact
    with pytest.raises(UntaggedPIIError) as ei:
        guard(df, DATASET, settings=settings)
    assert [f.column for f in ei.value.findings] == ["contact"]


def test_key_only_in_late_rows_of_a_list_of_dicts(settings: Settings, catalog: Catalog) -> None:
    rows = make("records", BASE)
    for r, e in zip(rows[-5:], EMAILS[-5:], strict=True):
        r["backup_contact"] = e
    rows += [dict(r, backup_contact=e) for r, e in zip(rows[:30], EMAILS[:30], strict=True)]
    with pytest.raises(UntaggedPIIError) as ei:
        guard(rows, DATASET, settings=settings)
    assert [f.column for f in ei.value.findings] == ["backup_contact"]


# --- learn mode ------------------------------------------------------------------------


@pytest.mark.parametrize("shape", SHAPES)
def test_learn_mode_records_proposals_and_lets_the_first_load_through(
    shape: str, settings: Settings
) -> None:
    catalog = Catalog(settings.catalog_url)
    batch = make(shape, BASE)
    out = guard(batch, DATASET, mode="learn", settings=settings)
    assert records(out) == records(batch)
    tags = {t.column: t for t in catalog.tags(SOURCE, TABLE)}
    assert tags["email"].entity == "EMAIL_ADDRESS" and tags["email"].status == TagStatus.PROPOSED
    # clean columns are proposed as "not PII" too, so `privacy tag confirm --all` settles them
    assert set(tags) == set(BASE) and tags["amount"].entity is None
    (ev,) = events(settings, "hook.learned")
    assert ev["details"]["columns"] == [
        {"table": TABLE, "column": "email", "entity": "EMAIL_ADDRESS"}
    ]
    assert ev["details"]["rows"] == N

    # the next load in enforce mode waits for a person...
    with pytest.raises(UntaggedPIIError) as ei:
        guard(make(shape, BASE), DATASET, settings=settings)
    assert [f.column for f in ei.value.findings] == ["email"]
    # ...who confirms, and then it passes
    catalog.confirm_all(SOURCE)
    guard(make(shape, BASE), DATASET, settings=settings)
    assert_no_values(settings)


def test_learn_mode_never_overrides_a_persons_decision(
    settings: Settings, catalog: Catalog
) -> None:
    with pytest.raises(UntaggedPIIError) as ei:
        guard(pa.table(with_cols(status=EMAILS)), DATASET, mode="learn", settings=settings)
    assert [f.column for f in ei.value.findings] == ["status"]
    tag = catalog.get(ColumnRef(SOURCE, TABLE, "status"))
    assert tag is not None and tag.status == TagStatus.CONFIRMED and tag.entity is None


# --- failing closed --------------------------------------------------------------------


def _unreachable(home: Path) -> Settings:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/catalog?connect_timeout=2"
    return Settings(home, file=FileConfig(state=StateConfig(catalog_url=url)))


@pytest.mark.parametrize("shape", SHAPES)
def test_unreachable_catalog_rejects_the_batch(shape: str, state_home: Path) -> None:
    s = _unreachable(state_home)
    with pytest.raises(CatalogUnavailableError) as ei:
        guard(make(shape, BASE), DATASET, settings=s)
    assert ei.value.retryable
    assert f"{DATASET}: batch rejected" in ei.value.message
    assert "cannot be reached" in ei.value.message
    (ev,) = events(s, "hook.rejected")
    assert ev["outcome"] == "failed"
    assert ev["details"]["reason"] == "catalog_unavailable" and ev["details"]["rows"] == N


def test_catalog_lost_between_batches_rejects(settings: Settings, catalog: Catalog) -> None:
    guard(pa.table(BASE), DATASET, settings=settings)
    db = Path(settings.catalog_url.removeprefix("sqlite:///"))
    db.unlink()
    db.mkdir()  # the path now cannot be opened as a database
    with pytest.raises(CatalogUnavailableError):
        guard(pa.table(BASE), DATASET, settings=settings)
    assert events(settings, "hook.rejected")[-1]["details"]["reason"] == "catalog_unavailable"


def test_policy_configured_without_protector_refuses(state_home: Path, catalog: Catalog) -> None:
    s = Settings(state_home, file=FileConfig(policy=PolicyConfig(files=["policies/company.yaml"])))
    with pytest.raises(ProtectorMissingError) as ei:
        guard(pa.table(BASE), DATASET, settings=s)
    assert "hooks_adapter.activate" in str(ei.value) and "protector=" in str(ei.value)
    assert events(s, "hook.rejected")[-1]["details"]["reason"] == "no_protector"
    assert not events(s, "hook.passed")


def test_a_given_protector_is_applied(settings: Settings, catalog: Catalog) -> None:
    class Redact:
        def protect(self, batch: pa.Table, dataset: str) -> pa.Table:
            i = batch.column_names.index("email")
            return batch.set_column(i, "email", pa.array(["x"] * batch.num_rows))

    df = pd.DataFrame(BASE, index=range(100, 100 + N))
    out = guard(df, DATASET, settings=settings, protector=Redact())
    assert list(out["email"]) == ["x"] * N
    assert list(out.index) == list(df.index) and out["amount"].dtype == df["amount"].dtype
    assert list(df["email"]) == EMAILS  # the caller's frame is not modified
    assert events(settings, "hook.passed")[-1]["details"]["protected"] is True

    use_protector(Redact())  # registered process-wide
    rows = guard(make("records", BASE), DATASET, settings=settings)
    assert {r["email"] for r in rows} == {"x"}


def test_a_protector_is_not_called_for_a_rejected_batch(
    settings: Settings, catalog: Catalog
) -> None:
    calls: list[str] = []

    class Counting:
        def protect(self, batch: pa.Table, dataset: str) -> pa.Table:
            calls.append(dataset)
            return batch

    with pytest.raises(UntaggedPIIError):
        guard(pa.table(with_cols(contact=EMAILS)), DATASET, settings=settings, protector=Counting())
    assert calls == []


def test_use_protector_refuses_what_is_not_one() -> None:
    with pytest.raises(TypeError):
        use_protector(object())  # type: ignore[arg-type]


# --- bad input gets a clear error ------------------------------------------------------


@pytest.mark.parametrize(
    ("batch", "words"),
    [
        ({"email": EMAILS}, "cannot guard a builtins.dict"),
        ("a,b\n1,2", "cannot guard a builtins.str"),
        ([{"a": 1}, ("b", 2)], "row 1 of the batch is a tuple"),
        (pd.DataFrame([[1, 2]], columns=["a", "a"]), "duplicate column names: a"),
    ],
)
def test_unreadable_batches(batch: Any, words: str, settings: Settings, catalog: Catalog) -> None:
    with pytest.raises(BatchTypeError) as ei:
        guard(batch, DATASET, settings=settings)
    assert words in str(ei.value) and ei.value.hint


@pytest.mark.parametrize("dataset", ["customers", "lake.customers.email", "", ".x"])
def test_bad_dataset_name(dataset: str, settings: Settings) -> None:
    with pytest.raises(ConfigError) as ei:
        guard(pa.table(BASE), dataset, settings=settings)
    assert "SOURCE.TABLE" in str(ei.value)


def test_bad_mode(settings: Settings) -> None:
    with pytest.raises(ConfigError) as ei:
        guard(pa.table(BASE), DATASET, settings=settings, mode="learnt")  # type: ignore[arg-type]
    assert "mode='learn'" in str(ei.value)


def test_a_classifier_failure_rejects_without_quoting_the_value(
    settings: Settings, catalog: Catalog
) -> None:
    def broken(name: str, kind: ColumnKind, table: str, values: Any) -> Proposal:
        if name == "contact":
            raise ValueError(f"cannot parse {values[0]!r}")
        return Proposal(None)

    g = Guard(settings, classifier=broken)
    with pytest.raises(ClassificationError) as ei:
        g(pa.table(with_cols(contact=EMAILS)), DATASET)
    assert "contact" in str(ei.value) and "ValueError" in str(ei.value)
    assert EMAILS[0] not in str(ei.value)
    assert ei.value.__cause__ is None and ei.value.__suppress_context__
    assert events(settings, "hook.rejected")[-1]["details"]["reason"] == "classification_failed"


def test_personal_data_in_a_dataframe_index_is_not_let_through(
    settings: Settings, catalog: Catalog
) -> None:
    """`to_parquet` writes the index: e-mails moved there must be caught like a column."""
    from privacy.hooks import BatchTypeError

    untagged = pd.DataFrame({"amount": BASE["amount"]}, index=pd.Index(EMAILS, name="contact"))
    with pytest.raises(UntaggedPIIError) as e:
        guard(untagged, DATASET, settings=settings)
    assert [(f.column, f.entity) for f in e.value.findings] == [("contact", "EMAIL_ADDRESS")]
    # tagged, but an index cannot be protected in place: reset_index() first, audited
    with pytest.raises(BatchTypeError, match="reset_index"):
        guard(pd.DataFrame(BASE).set_index("email"), DATASET, settings=settings)
    assert events(settings, "hook.rejected")[-1]["details"]["reason"] == "pii_in_index"
    # an index of dates or ids is data too, and passes when it holds nothing personal
    days = pd.date_range("2024-01-01", periods=N, name="day")
    out = guard(pd.DataFrame(BASE, index=days), DATASET, settings=settings)
    assert list(out.index) == list(days)
    assert_no_values(settings, str(e.value))
