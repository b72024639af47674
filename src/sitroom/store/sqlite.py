"""The SQLite backend: one file, WAL journal, one writing connection, any number of readers.

>>> with SQLiteStore("sitroom.db") as store:
...     store.add_record(record)           # False when already stored
...     store.search('Wagner "Bamako"')

Each document is written in one ``BEGIN IMMEDIATE ... COMMIT`` transaction and rolled back on any
error, so a crash or a bad record never leaves half a document. Readers in other connections (a
web app) keep seeing the last committed state while a write is in progress (WAL).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sitroom.errors import NotFound, SchemaTooNew, StoreError
from sitroom.ids import content_hash
from sitroom.records import DocumentRecord
from sitroom.resolve.overrides import ActorOverride, load_overrides, make_override, overrides_path
from sitroom.store import crossdoc, crossdoc_actors
from sitroom.store import sqlite_read as read
from sitroom.store import sqlite_write as write
from sitroom.store.base import SearchHit
from sitroom.store.intake import RecordIntake
from sitroom.store.migrate import Migration, load_migrations, migrate, schema_version
from sitroom.store.shared_reads import SharedReads

BUSY_TIMEOUT_MS = 10_000
"""How long a writer waits for another writer's transaction; longer than one document takes to store."""


class SQLiteStore(RecordIntake, SharedReads):
    """A :class:`~sitroom.store.base.Store` in one SQLite file (``":memory:"`` for a throwaway one)."""

    def __init__(self, path: str | Path, readonly: bool = False, migrations: list[Migration] | None = None) -> None:
        self.path = str(path)
        self.readonly = readonly
        self._conn = self._connect()
        self._overrides: list[ActorOverride] = []
        try:
            self._prepare(load_migrations() if migrations is None else migrations)
            if not readonly:
                self._load_overrides()
        except BaseException:
            self._conn.close()
            raise

    # --- opening -----------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self.path != ":memory:" and not Path(self.path).parent.exists():
            raise StoreError(f"{self.path}: cannot create the store, folder {Path(self.path).parent} does not exist")
        target = Path(self.path).resolve().as_uri() + "?mode=ro" if self.readonly else self.path
        try:
            # autocommit mode: transactions are explicit (BEGIN IMMEDIATE) and never implicit.
            conn = sqlite3.connect(target, uri=self.readonly, isolation_level=None,
                                   timeout=BUSY_TIMEOUT_MS / 1000)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            if not self.readonly:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")  # durable at checkpoints; safe with WAL
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: cannot open the store: {err}") from err
        return conn

    def _prepare(self, migrations: list[Migration]) -> None:
        try:
            version = schema_version(self._conn)
            if version == 0 and self._has_foreign_tables():
                raise StoreError(f"{self.path}: this SQLite file is not a sitroom store (it has other tables)")
            if self.readonly:
                self._check_readonly_version(version, migrations)
            else:
                migrate(self._conn, self.path, migrations)
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: cannot open the store: {err}") from err

    def _load_overrides(self) -> None:
        """Read the actor corrections file (resolve/overrides.py) and apply it once now."""
        self._overrides = load_overrides(overrides_path(self.path))
        if self._overrides:
            with self._transaction() as conn:
                self._reapply_overrides(conn)

    def _has_foreign_tables(self) -> bool:
        row = self._conn.execute("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchone()
        return bool(row[0])

    def _check_readonly_version(self, version: int, migrations: list[Migration]) -> None:
        latest = migrations[-1].version if migrations else 0
        if version > latest:
            raise SchemaTooNew(f"{self.path}: store schema is version {version} but this sitroom knows only "
                               f"up to {latest}; upgrade sitroom to open it")
        if version < latest:
            raise StoreError(f"{self.path}: store schema is version {version} and needs migrating to {latest};"
                             " open it once for writing (any sitroom command that adds documents)")

    # --- writing -----------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back on any exception."""
        if self.readonly:
            raise StoreError(f"{self.path}: the store was opened read-only")
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _add(self, record: DocumentRecord, raw_json: str | None) -> bool:
        doc = record.document
        digest = doc.content_hash or content_hash(doc.text)
        raw = raw_json if raw_json is not None else json.dumps(record.to_json(), ensure_ascii=False)
        try:
            with self._transaction() as conn:
                if write.is_stored(conn, doc.id, digest):
                    return False
                write.insert_record(conn, record, digest, raw)
                # Corrections first (they may fold a new actor into an old one), then the
                # cross-document layer sees the corrected actors.
                self._reapply_overrides(conn, refresh=False)
                crossdoc.after_insert(conn, doc.id)
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: cannot store document {doc.id!r}: {err}") from err
        return True

    # --- reading -----------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def get_record(self, doc_id: str) -> dict[str, Any]:
        row = self._conn.execute("SELECT record_json FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFound(f"no document with id {doc_id!r} in {self.path}")
        return dict(json.loads(row[0]))

    def iter_records(self) -> Iterator[dict[str, Any]]:
        # A separate cursor streams rows, so exporting a large store does not load it all at once.
        for (raw,) in self._conn.cursor().execute("SELECT record_json FROM documents ORDER BY rowid"):
            yield dict(json.loads(raw))

    def search(self, text: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        return read.search(self._conn, text, limit, offset)

    @property
    def _read_conn(self) -> sqlite3.Connection:
        return self._conn

    def override_actor(self, op: str, actor: str, value: str | None = None) -> int:
        checked = make_override(op, actor, value or "")
        try:
            with self._transaction() as conn:
                changed = crossdoc_actors.override_actor(conn, checked.op, checked.actor, checked.value)
                # Corrections saved earlier win over what this one recomputed (a code set by hand).
                self._reapply_overrides(conn, skip=checked)
                crossdoc.refresh_contradictions(conn, crossdoc_actors.docs_of_actors(conn, changed))
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: cannot {checked.op} actor {actor!r}: {err}") from err
        return len(set(changed))

    def _reapply_overrides(self, conn: sqlite3.Connection, skip: ActorOverride | None = None,
                           refresh: bool = True) -> None:
        """Apply the saved corrections again (idempotent); with ``refresh``, contradictions of the
        actors that changed are redone (a new document's are computed after this anyway)."""
        changed: list[int] = []
        for op in self._overrides:
            if op != skip:
                changed += crossdoc_actors.override_actor(conn, op.op, op.actor, op.value)
        if changed and refresh:
            crossdoc.refresh_contradictions(conn, crossdoc_actors.docs_of_actors(conn, changed))

    def stats(self) -> dict[str, int]:
        return read.stats(self._conn)

    # --- lifetime ----------------------------------------------------------------------------

    def close(self) -> None:
        if not self.readonly:
            try:
                # Refreshes the planner's statistics where they are stale (cheap: it analyses only
                # tables whose size changed a lot); the read queries are written to stay on their
                # indexes with or without statistics.
                self._conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass  # advisory only: closing must not fail because of it
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"
