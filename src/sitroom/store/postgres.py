"""The PostgreSQL backend: the same :class:`~sitroom.store.base.Store` as SQLite, for a server.

>>> with PostgresStore("postgresql://user@host/sitroom") as store:
...     store.add_record(record)                 # one transaction per document
...     store.import_records(exported_records)   # bulk: COPY, one transaction per batch

The schema (``store/migrations_pg``) mirrors the SQLite one, so the read queries are shared with
:mod:`sitroom.store.sqlite_read` (run through :class:`~sitroom.store.pg_compat.QmarkConnection`);
full-text search is PostgreSQL's own (:mod:`sitroom.store.pg_search`). Readers in other
connections see the last committed state while a write is in progress (MVCC).

The cross-document layer (event clusters, contradictions, alias confidence, actor corrections) is
the SQLite one (:mod:`sitroom.store.crossdoc`, :mod:`sitroom.store.crossdoc_actors`), run in the
transaction that writes the documents: for a bulk :meth:`PostgresStore.import_records` batch, once
per new document in input order after the batch's rows are in, so a ``sitroom load`` ends with the
clusters and contradictions that adding the records one by one would give. Actor corrections are
re-applied from ``$SITROOM_OVERRIDES`` when it names a file (a server store has no folder of its own
for ``<db>.overrides.yaml``).

``schema=`` puts the store in its own PostgreSQL schema (created if missing), so one database can
hold several stores (the tests use one per test).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, cast

import psycopg
from psycopg import sql

from sitroom.errors import NotFound, StoreError
from sitroom.ids import content_hash
from sitroom.records import DocumentRecord
from sitroom.resolve.overrides import ActorOverride, load_overrides, make_override, overrides_path
from sitroom.store import crossdoc, crossdoc_actors, pg_search
from sitroom.store import pg_write as write
from sitroom.store import sqlite_read as read
from sitroom.store.base import SearchHit
from sitroom.store.intake import RecordIntake
from sitroom.store.migrate import Migration
from sitroom.store.pg_compat import QmarkConnection
from sitroom.store.pg_migrate import (
    check_version,
    has_foreign_tables,
    load_pg_migrations,
    migrate,
    schema_version,
)
from sitroom.store.serialize import record_from_json
from sitroom.store.shared_reads import SharedReads

BULK_BATCH = 500
"""Records per COPY transaction in :meth:`PostgresStore.import_records`; large enough that per-statement
round trips stop mattering, small enough that a failed batch loses little work."""

_EXPORT_PAGE = 500


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


class PostgresStore(RecordIntake, SharedReads):
    """A :class:`~sitroom.store.base.Store` in a PostgreSQL database (``postgresql://`` URL)."""

    def __init__(self, url: str, readonly: bool = False, migrations: list[Migration] | None = None,
                 schema: str | None = None) -> None:
        self.url = url
        self.where = redact(url) + (f" (schema {schema})" if schema else "")
        self.readonly = readonly
        self._conn = self._connect(schema)
        self._q = QmarkConnection(self._conn)
        self._overrides: list[ActorOverride] = []
        try:
            self._prepare(load_pg_migrations() if migrations is None else migrations)
            if not readonly:
                self._load_overrides()
        except BaseException:
            self._conn.close()
            raise

    # --- opening -----------------------------------------------------------------------------

    def _connect(self, schema: str | None) -> psycopg.Connection[Any]:
        url = re.sub(r"^postgresql\+\w+://", "postgresql://", self.url)
        try:
            conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as err:
            raise StoreError(f"{self.where}: cannot connect to PostgreSQL: {err}".strip()) from err
        try:
            if schema:
                if not self.readonly:
                    conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
                conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(schema)))
        except psycopg.Error as err:
            conn.close()
            raise StoreError(f"{self.where}: cannot use schema {schema!r}: {err}") from err
        return conn

    def _prepare(self, migrations: list[Migration]) -> None:
        try:
            if has_foreign_tables(self._conn):
                raise StoreError(f"{self.where}: this database schema is not a sitroom store (it has other "
                                 "tables); use another database or schema")
            if self.readonly:
                version = schema_version(self._conn)
                check_version(self.where, version, migrations)
                latest = migrations[-1].version if migrations else 0
                if version < latest:
                    raise StoreError(f"{self.where}: store schema is version {version} and needs migrating to "
                                     f"{latest}; open it once for writing (any command that adds documents)")
                self._conn.execute("SET default_transaction_read_only = on")
            else:
                migrate(self._conn, self.where, migrations)
        except psycopg.Error as err:
            raise StoreError(f"{self.where}: cannot open the store: {err}") from err

    def _load_overrides(self) -> None:
        """Read the actor corrections file (``$SITROOM_OVERRIDES``; resolve/overrides.py) and apply it once now."""
        self._overrides = load_overrides(overrides_path(self.url))
        if self._overrides:
            try:
                with self._transaction():
                    self._reapply_overrides()
            except psycopg.Error as err:
                raise StoreError(f"{self.where}: cannot apply the actor corrections: {err}") from err

    @property
    def schema_version(self) -> int:
        return schema_version(self._conn)

    # --- writing -----------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection[Any]]:
        if self.readonly:
            raise StoreError(f"{self.where}: the store was opened read-only")
        with self._conn.transaction():
            yield self._conn

    def _add(self, record: DocumentRecord, raw_json: str | None) -> bool:
        doc = record.document
        pending = write.Pending(record, doc.content_hash or content_hash(doc.text),
                                raw_json if raw_json is not None else json.dumps(record.to_json(), ensure_ascii=False))
        try:
            with self._transaction() as conn:
                ids, hashes = write.stored_keys(conn, [doc.id], [pending.content_hash])
                if ids or hashes:
                    return False
                write.write_batch(conn, [pending])
                self._after_insert([doc.id])
        except psycopg.errors.UniqueViolation as err:
            if self.has_document(doc.id) or self._has_hash(pending.content_hash):
                return False  # another writer stored it between our check and our insert
            raise StoreError(f"{self.where}: cannot store document {doc.id!r}: {err}") from err
        except psycopg.Error as err:
            raise StoreError(f"{self.where}: cannot store document {doc.id!r}: {err}") from err
        return True

    def import_records(self, records: Iterable[dict[str, Any]], batch_size: int = BULK_BATCH) -> int:
        """Bulk :meth:`import_record`: COPY in transactions of ``batch_size``; returns how many were new.

        Records already stored (same id or same text), and repeats within the input, are skipped.
        """
        stored = 0
        batch: list[write.Pending] = []
        for data in records:
            record = record_from_json(data, where=f"record {data.get('document', {}).get('id', '?')!r}")
            doc = record.document
            batch.append(write.Pending(record, doc.content_hash or content_hash(doc.text),
                                       json.dumps(data, ensure_ascii=False)))
            if len(batch) >= batch_size:
                stored += self._import_batch(batch)
                batch = []
        return stored + self._import_batch(batch)

    def _import_batch(self, batch: list[write.Pending]) -> int:
        if not batch:
            return 0
        try:
            with self._transaction() as conn:
                ids, hashes = write.stored_keys(conn, [p.record.document.id for p in batch],
                                                [p.content_hash for p in batch])
                fresh = _unseen(batch, ids, hashes)
                write.write_batch(conn, fresh)
                self._after_insert([p.record.document.id for p in fresh])
        except psycopg.Error as err:
            first = batch[0].record.document.id
            raise StoreError(f"{self.where}: cannot store the batch starting at document {first!r}: {err}") from err
        return len(fresh)

    def _after_insert(self, doc_ids: list[str]) -> None:
        """The cross-document pass over newly written documents, inside their transaction.

        Corrections first (they may fold a new actor into an old one); then each document in input
        order, as if added one by one: a bulk load ends with the same clusters and contradictions.
        """
        if not doc_ids:
            return
        self._reapply_overrides(refresh=False)
        for doc_id in doc_ids:
            crossdoc.after_insert(self._shared, doc_id)

    def _reapply_overrides(self, skip: ActorOverride | None = None, refresh: bool = True) -> None:
        """Apply the saved corrections again (idempotent); see SQLiteStore._reapply_overrides."""
        changed: list[int] = []
        for op in self._overrides:
            if op != skip:
                changed += crossdoc_actors.override_actor(self._shared, op.op, op.actor, op.value)
        if changed and refresh:
            crossdoc.refresh_contradictions(self._shared, crossdoc_actors.docs_of_actors(self._shared, changed))

    # --- reading -----------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM documents WHERE id = %s", [doc_id]).fetchone() is not None

    def _has_hash(self, digest: str) -> bool:
        return self._conn.execute("SELECT 1 FROM documents WHERE content_hash = %s", [digest]).fetchone() is not None

    def get_record(self, doc_id: str) -> dict[str, Any]:
        row = self._conn.execute("SELECT record_json FROM documents WHERE id = %s", [doc_id]).fetchone()
        if row is None:
            raise NotFound(f"no document with id {doc_id!r} in {self.where}")
        return dict(json.loads(row[0]))

    def iter_records(self) -> Iterator[dict[str, Any]]:
        # Keyset pages by rowid: streams a large store without holding a transaction open.
        last = 0
        while True:
            rows = self._conn.execute("SELECT rowid, record_json FROM documents WHERE rowid > %s ORDER BY rowid"
                                      " LIMIT %s", [last, _EXPORT_PAGE]).fetchall()
            if not rows:
                return
            for _, raw in rows:
                yield dict(json.loads(raw))
            last = rows[-1][0]

    def search(self, text: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        return pg_search.search(self._conn, text, limit, offset)

    @property
    def _read_conn(self) -> sqlite3.Connection:
        return self._shared

    @property
    def _shared(self) -> sqlite3.Connection:
        """The connection as the shared SQLite-dialect queries expect it (same interface, duck-typed)."""
        return cast(sqlite3.Connection, self._q)

    def override_actor(self, op: str, actor: str, value: str | None = None) -> int:
        checked = make_override(op, actor, value or "")
        try:
            with self._transaction():
                changed = crossdoc_actors.override_actor(self._shared, checked.op, checked.actor, checked.value)
                # Corrections saved earlier win over what this one recomputed (a code set by hand).
                self._reapply_overrides(skip=checked)
                crossdoc.refresh_contradictions(self._shared, crossdoc_actors.docs_of_actors(self._shared, changed))
        except psycopg.Error as err:
            raise StoreError(f"{self.where}: cannot {checked.op} actor {actor!r}: {err}") from err
        return len(set(changed))

    def stats(self) -> dict[str, int]:
        return read.stats(self._shared)

    # --- lifetime ----------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"PostgresStore({self.where!r})"


def _unseen(batch: list[write.Pending], ids: set[str], hashes: set[str]) -> list[write.Pending]:
    """The records of ``batch`` not stored yet, each id and each text once (first one wins)."""
    fresh: list[write.Pending] = []
    ids, hashes = set(ids), set(hashes)
    for pending in batch:
        doc_id = pending.record.document.id
        if doc_id in ids or pending.content_hash in hashes:
            continue
        ids.add(doc_id)
        hashes.add(pending.content_hash)
        fresh.append(pending)
    return fresh
