"""The PostgreSQL store: the same items, in tables a writer can only add to.

``audit_meta`` (the LOG header), ``audit_entries`` (seq, entry bytes), ``audit_checkpoints``
(size, signed note, state). A trigger on each rejects UPDATE, DELETE and TRUNCATE, whoever
asks (only someone who may drop the trigger gets past it, and the signed checkpoints catch
what they do). The writer works as the role ``privacy_audit_writer``, which holds only SELECT
and INSERT. Each batch is one transaction holding an advisory lock, so writers in several
processes take turns, and the commit is the durability point. The verifier reads the tables
as virtual segment files (entries joined by newlines), with the same code as for a folder.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from typing import Any

from audit.errors import LogNotFoundError, StoreUnavailableError, TamperError
from audit.layout import META_NAME, checkpoint_name, parse_segment_name, segment_name
from audit.store import Tail

WRITER_ROLE = "privacy_audit_writer"
_LOCK_KEY = 0x5052_4956_4155_4454  # "PRIVAUDT": advisory lock id of the writer

_DDL = """
CREATE TABLE IF NOT EXISTS audit_meta (
    id smallint PRIMARY KEY CHECK (id = 1),
    meta bytea NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_entries (
    seq bigint PRIMARY KEY CHECK (seq >= 0),
    entry bytea NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_checkpoints (
    size bigint PRIMARY KEY CHECK (size >= 0),
    note bytea NOT NULL,
    state bytea NOT NULL
);
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
"""

_TABLES = ("audit_meta", "audit_entries", "audit_checkpoints")


def psycopg_url(url: str) -> str:
    """SQLAlchemy-style ``postgresql+psycopg://`` to libpq's ``postgresql://``."""
    return re.sub(r"^postgres(?:ql)?(?:\+psycopg)?://", "postgresql://", url)


def redact(url: str) -> str:
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


class PostgresStore:
    def __init__(self, url: str, *, writer_role: str = WRITER_ROLE) -> None:
        self.url = psycopg_url(url)
        self.location = redact(url)
        self.writer_role = writer_role
        self._conn: Any = None
        self._mu = threading.RLock()
        self._role_set = False

    # --- connection ------------------------------------------------------------------------

    def _connect(self) -> Any:
        import psycopg

        if self._conn is None or self._conn.closed:
            try:
                self._conn = psycopg.connect(self.url, autocommit=False, connect_timeout=10)
            except psycopg.OperationalError as e:
                raise StoreUnavailableError(
                    f"cannot reach the audit database {self.location}: {str(e).strip()}",
                    hint="start PostgreSQL or fix the audit URL",
                ) from None
            self._role_set = False
        return self._conn

    @contextlib.contextmanager
    def _tx(self) -> Iterator[Any]:
        import psycopg

        with self._mu:
            conn = self._connect()
            try:
                with conn.transaction(), conn.cursor() as cur:
                    yield cur
            except BaseException as e:
                self._role_set = False  # a rolled-back SET ROLE did not stick
                if not isinstance(e, psycopg.OperationalError):
                    raise
                with contextlib.suppress(Exception):
                    conn.close()
                self._conn = None
                raise StoreUnavailableError(
                    f"the audit database {self.location} failed: {str(e).strip()}",
                    hint="nothing of the failed batch was written; retry when the database is back",
                ) from None

    def _become_writer(self, cur: Any) -> None:
        """Work as the insert-only role when this login may (skip if it may not)."""
        if self._role_set:
            return
        cur.execute("SELECT pg_has_role(current_user, %s, 'MEMBER')", (self.writer_role,))
        row = cur.fetchone()
        if row and row[0]:
            cur.execute(f'SET SESSION ROLE "{self.writer_role}"')
        self._role_set = True

    # --- the schema ------------------------------------------------------------------------

    def install(self) -> None:
        """Create tables, triggers and the writer role (idempotent). Needs the table owner."""
        import psycopg

        with self._tx() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            cur.execute(_DDL)
            for t in _TABLES:
                cur.execute(
                    f"CREATE OR REPLACE TRIGGER {t}_no_change BEFORE UPDATE OR DELETE ON {t} "
                    "FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()"
                )
                cur.execute(
                    f"CREATE OR REPLACE TRIGGER {t}_no_truncate BEFORE TRUNCATE ON {t} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()"
                )
            cur.execute("SAVEPOINT role")
            try:
                cur.execute(
                    "SELECT 1 FROM pg_roles WHERE rolname = %s",
                    (self.writer_role,),
                )
                if cur.fetchone() is None:
                    cur.execute(f'CREATE ROLE "{self.writer_role}" NOLOGIN')
                for t in _TABLES:
                    cur.execute(f'REVOKE ALL ON {t} FROM "{self.writer_role}"')
                    cur.execute(f'GRANT SELECT, INSERT ON {t} TO "{self.writer_role}"')
                cur.execute(f'GRANT "{self.writer_role}" TO CURRENT_USER')
                cur.execute("RELEASE SAVEPOINT role")
            except (psycopg.errors.InsufficientPrivilege, psycopg.errors.DuplicateObject):
                # no CREATEROLE here, or a concurrent creator won: work as the login itself
                cur.execute("ROLLBACK TO SAVEPOINT role")

    def exists(self) -> bool:
        with self._tx() as cur:
            cur.execute("SELECT to_regclass('audit_meta') IS NOT NULL")
            if not cur.fetchone()[0]:
                return False
            cur.execute("SELECT count(*) FROM audit_meta")
            return bool(cur.fetchone()[0])

    def identity(self) -> object:
        return self.url

    def initialise(self, meta: bytes, note0: bytes, state0: bytes) -> None:
        self.install()
        with self._tx() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            self._become_writer(cur)
            cur.execute("SELECT count(*) FROM audit_meta")
            if cur.fetchone()[0]:
                return
            cur.execute(
                "INSERT INTO audit_checkpoints (size, note, state) VALUES (0, %s, %s)",
                (note0, state0),
            )
            cur.execute("INSERT INTO audit_meta (id, meta) VALUES (1, %s)", (meta,))

    # --- the writer's transaction ----------------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        with self._tx() as cur:
            self._become_writer(cur)
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            self._cur = cur
            try:
                yield
            finally:
                self._cur = None

    @contextlib.contextmanager
    def _cursor(self) -> Iterator[Any]:
        cur = getattr(self, "_cur", None)
        if cur is not None:
            yield cur
        else:
            with self._tx() as c:
                yield c

    def _one(self, sql: str, args: tuple[Any, ...] = ()) -> Any:
        with self._cursor() as cur:
            cur.execute(sql, args)
            row = cur.fetchone()
            return None if row is None else row[0]

    def read_meta(self) -> bytes | None:
        v = self._one("SELECT meta FROM audit_meta WHERE id = 1")
        return None if v is None else bytes(v)

    def read_state(self) -> bytes | None:
        v = self._one("SELECT state FROM audit_checkpoints ORDER BY size DESC LIMIT 1")
        return None if v is None else bytes(v)

    def checkpoint_sizes(self) -> list[int]:
        with self._cursor() as cur:
            cur.execute("SELECT size FROM audit_checkpoints ORDER BY size")
            return [r[0] for r in cur.fetchall()]

    def read_checkpoint(self, size: int) -> bytes | None:
        v = self._one("SELECT note FROM audit_checkpoints WHERE size = %s", (size,))
        return None if v is None else bytes(v)

    def read_from(self, size: int, offset: int, per_segment: int) -> Tail:
        with self._cursor() as cur:
            cur.execute(
                "SELECT seq, entry FROM audit_entries WHERE seq >= %s ORDER BY seq", (size,)
            )
            lines: list[bytes] = []
            for seq, data in cur:
                if seq != size + len(lines):
                    where = f"audit_entries seq {size + len(lines)}"
                    issue = (size + len(lines), where, "entry rows are missing", False)
                    return Tail(size, lines, issue)
                lines.append(bytes(data))
            return Tail(size, lines)

    def cut(self, seq: int, per_segment: int) -> int:
        raise TamperError(
            f"{self.location}: audit_entries row {seq} is damaged; rows are never deleted",
            hint="run `privacy audit verify` and investigate who changed the table",
        )

    def append(self, size: int, offset: int, per_segment: int, lines: list[bytes]) -> None:
        with self._cursor() as cur:
            cur.executemany(
                "INSERT INTO audit_entries (seq, entry) VALUES (%s, %s)",
                [(size + i, line) for i, line in enumerate(lines)],
            )

    def write_checkpoint(self, size: int, note: bytes, state: bytes) -> None:
        with self._cursor() as cur:
            cur.execute(
                "INSERT INTO audit_checkpoints (size, note, state) VALUES (%s, %s, %s) "
                "ON CONFLICT (size) DO NOTHING",
                (size, note, state),
            )

    def tidy(self) -> None:
        pass

    def image(self) -> PostgresImage:
        return PostgresImage(self)

    def close(self) -> None:
        with self._mu:
            if self._conn is not None:
                with contextlib.suppress(Exception):
                    self._conn.close()
                self._conn = None


class PostgresImage:
    """The tables as items: one consistent snapshot, entries as virtual segment files."""

    torn_tails_possible = False

    def __init__(self, store: PostgresStore) -> None:
        import psycopg

        self.location = store.location
        try:
            self._conn = psycopg.connect(store.url, autocommit=False, connect_timeout=10)
        except psycopg.OperationalError as e:
            raise StoreUnavailableError(
                f"cannot reach the audit database {store.location}: {str(e).strip()}"
            ) from None
        self._conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        row = self._conn.execute(
            "SELECT to_regclass('audit_meta') IS NOT NULL AND "
            "to_regclass('audit_entries') IS NOT NULL AND "
            "to_regclass('audit_checkpoints') IS NOT NULL"
        ).fetchone()
        if not row or not row[0]:
            self._conn.close()
            raise LogNotFoundError(f"no audit log tables in {store.location}")
        self._per_segment: int | None = None
        self._seg_cache: tuple[str, bytes] | None = None

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self._conn.close()

    def meta(self) -> bytes | None:
        rows = self._conn.execute("SELECT id, meta FROM audit_meta ORDER BY id").fetchall()
        if not rows:
            return None
        data = bytes(rows[0][1])
        if len(rows) > 1:
            return data + b"\n(extra rows)"
        from audit.layout import Meta

        with contextlib.suppress(Exception):
            self._per_segment = Meta.parse(data).segment_entries
        return data

    def states(self) -> list[tuple[str, bytes]]:
        rows = self._conn.execute("SELECT size, state FROM audit_checkpoints ORDER BY size")
        return [(checkpoint_name(s)[:-5] + ".state", bytes(st)) for s, st in rows]

    def checkpoints(self) -> list[tuple[str, bytes]]:
        rows = self._conn.execute("SELECT size, note FROM audit_checkpoints ORDER BY size")
        return [(checkpoint_name(s), bytes(n)) for s, n in rows]

    def _E(self) -> int:
        if self._per_segment is None:
            self.meta()
        return self._per_segment or 1 << 16

    def segment_names(self) -> list[str]:
        E = self._E()
        row = self._conn.execute("SELECT max(seq) FROM audit_entries").fetchone()
        if row is None or row[0] is None:
            return []
        return [segment_name(s) for s in range(0, row[0] + 1, E)]

    def segment(self, name: str) -> bytes:
        if self._seg_cache and self._seg_cache[0] == name:
            return self._seg_cache[1]
        first = parse_segment_name(name)
        if first is None:
            return b""
        E = self._E()
        rows = self._conn.execute(
            "SELECT seq, entry FROM audit_entries WHERE seq >= %s AND seq < %s ORDER BY seq",
            (first, first + E),
        )
        # A missing row leaves its line out: the verifier then sees the gap as a broken
        # sequence or a root that no longer matches.
        data = b"".join(bytes(e) + b"\n" for _, e in rows)
        self._seg_cache = (name, data)
        return data

    def strays(self) -> list[str]:
        return []


__all__ = ["META_NAME", "WRITER_ROLE", "PostgresImage", "PostgresStore", "psycopg_url"]
