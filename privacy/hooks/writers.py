"""Writers that guard first: Parquet, Delta, SQL.

Each runs :func:`~privacy.hooks.guard` on the batch and writes only what it returns. A batch the
guard rejects raises before anything is opened for writing, so the target file, folder, Delta
table or database table stays exactly as it was. The writes themselves are all-or-nothing:
Parquet through a temp file renamed into place, Delta through its transaction log, SQL in one
transaction.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa

from privacy.config import Settings, load_settings
from privacy.errors import ConfigError, PrivacyError, SourceError
from privacy.hooks.batch import view_of
from privacy.hooks.core import SAMPLE, Guard, Mode
from privacy.hooks.protector import Protector


def _guarded(
    batch: Any,
    dataset: str,
    mode: Mode,
    settings: Settings | None,
    protector: Protector | None,
    sample: int,
) -> tuple[Settings, pa.Table]:
    s = settings or load_settings()
    out = Guard(s, protector=protector, sample=sample)(batch, dataset, mode=mode)
    return s, view_of(out).to_arrow()


def _driver_error(e: BaseException) -> BaseException:
    """The SQLAlchemy error under pandas' wrapper (``pandas.errors.DatabaseError``), whose
    SQLSTATE or error number says what went wrong."""
    from sqlalchemy.exc import SQLAlchemyError

    seen = e
    for _ in range(5):
        if isinstance(seen, SQLAlchemyError):
            return seen
        nxt = seen.__cause__ or seen.__context__
        if nxt is None:
            break
        seen = nxt
    return e


def _part_name() -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    return f"part-{stamp}-{uuid.uuid4().hex[:12]}.parquet"


def write_parquet(
    batch: Any,
    path: str | os.PathLike[str],
    dataset: str,
    *,
    mode: Mode = "enforce",
    settings: Settings | None = None,
    protector: Protector | None = None,
    sample: int = SAMPLE,
    **parquet_options: Any,
) -> Path:
    """Guard ``batch`` for ``dataset`` and write it to Parquet; returns the file written.

    ``path``: a file (replaced atomically) or a folder (an existing one, or a path ending in
    ``/``), where the batch becomes a new ``part-*.parquet`` file beside the others.
    ``parquet_options`` go to ``pyarrow.parquet.write_table`` (compression, row_group_size...).
    """
    import pyarrow.parquet as pq

    from privacy.sources.atomic import atomic_replace

    target = Path(path)
    folder = target.is_dir() or str(path).endswith(("/", os.sep))
    _, table = _guarded(batch, dataset, mode, settings, protector, sample)
    if folder:
        target.mkdir(parents=True, exist_ok=True)
        target = target / _part_name()
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_replace(target) as tmp:
        pq.write_table(table, tmp, **parquet_options)
    return target


def write_delta(
    batch: Any,
    table_uri: str | os.PathLike[str],
    dataset: str,
    *,
    write_mode: Literal["append", "overwrite", "error", "ignore"] = "append",
    mode: Mode = "enforce",
    settings: Settings | None = None,
    protector: Protector | None = None,
    sample: int = SAMPLE,
    storage_options: Mapping[str, str] | None = None,
    **delta_options: Any,
) -> None:
    """Guard ``batch`` for ``dataset`` and write it to the Delta table at ``table_uri``
    (created when missing) with ``deltalake.write_deltalake``; ``write_mode`` is its ``mode``.
    One commit: readers see all of the batch or none of it."""
    from deltalake import write_deltalake

    _, table = _guarded(batch, dataset, mode, settings, protector, sample)
    write_deltalake(
        str(table_uri),
        table,
        mode=write_mode,
        storage_options=dict(storage_options) if storage_options else None,
        **delta_options,
    )


def write_sql(
    batch: Any,
    url: str,
    table: str,
    *,
    dataset: str | None = None,
    write_mode: Literal["append", "replace", "fail"] = "append",
    mode: Mode = "enforce",
    settings: Settings | None = None,
    protector: Protector | None = None,
    sample: int = SAMPLE,
    chunksize: int = 1000,
) -> int:
    """Guard ``batch`` and insert it into ``table`` of the database at ``url`` (a SQLAlchemy
    URL, or a source name from privacy.toml); returns the rows written.

    The dataset is ``SOURCE.TABLE`` with SOURCE the name privacy.toml gives ``url`` (or one
    derived from the URL, as ``privacy scan`` does); ``dataset=`` overrides it. The rows go in
    through pandas ``to_sql`` in one transaction (``write_mode`` is its ``if_exists``; a missing
    table is created). Database errors are reported by code, never with the values."""
    from privacy.sources.sql import create_engine
    from privacy.sources.sql_errors import translate
    from privacy.sources.urls import parse_sql_url

    s = settings or load_settings()
    name, real_url = s.source_url(url)
    if "." in table or not table:
        raise ConfigError(
            f"{table!r} is not a table name",
            hint="give the bare table name; pick the schema with ?schema= in the URL",
        )
    ds = dataset or f"{name}.{table}"
    target = parse_sql_url(real_url)
    _, arrow = _guarded(batch, ds, mode, s, protector, sample)
    df = arrow.to_pandas()
    engine = create_engine(target)
    try:
        with engine.begin() as conn:
            df.to_sql(
                table,
                conn,
                schema=target.schema,
                if_exists=write_mode,
                index=False,
                chunksize=chunksize,
            )
    except PrivacyError:
        raise
    except ValueError as e:
        # pandas raises ValueError for if_exists="fail" on an existing table, but also for data
        # it cannot convert (whose message may quote a value): never pass its text on
        if "already exists" in str(e):
            raise SourceError(
                f"{target.display}: table {table!r} already exists",
                hint="use write_mode='append' (or 'replace')",
            ) from None
        raise SourceError(
            f"{target.display}: cannot write table {table!r}: a value does not fit its column",
            hint="check the batch's column types against the table's",
        ) from None
    except Exception as e:
        raise translate(
            _driver_error(e), source=target.display, table=table, action="write"
        ) from None
    finally:
        engine.dispose()
    return len(df)
