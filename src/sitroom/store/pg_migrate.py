"""Named, ordered migrations for the PostgreSQL store (the same idea as :mod:`sitroom.store.migrate`).

Migrations are the files ``store/migrations_pg/NNNN_name.sql``. The ``migrations`` table holds one
row per applied migration (name, version, time); the store's version is the highest applied. Each
migration runs in one transaction with its row (PostgreSQL's DDL is transactional), under an
advisory lock so two processes opening a new store at once do not both create it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import psycopg

from sitroom.errors import SchemaTooNew, StoreError
from sitroom.store.migrate import Migration, load_migrations

_LOCK_ID = 0x5177_0001
"""pg_advisory_xact_lock key for migrating (any constant unlikely to be used by others)."""


def load_pg_migrations() -> list[Migration]:
    """The packaged PostgreSQL migrations in version order, numbered 1, 2, 3 ... without gaps."""
    return load_migrations("migrations_pg")


def schema_version(conn: psycopg.Connection[Any]) -> int:
    """The highest applied migration; 0 for an empty schema."""
    exists = conn.execute("SELECT to_regclass('migrations') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return 0
    row = conn.execute("SELECT COALESCE(max(version), 0) FROM migrations").fetchone()
    return int(row[0]) if row else 0


def has_foreign_tables(conn: psycopg.Connection[Any]) -> bool:
    """Whether the current schema holds tables but no sitroom migrations table."""
    row = conn.execute(
        "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'migrations'"
    ).fetchone()
    return bool(row and row[0]) and schema_version(conn) == 0


def check_version(where: str, version: int, migrations: list[Migration]) -> None:
    latest = migrations[-1].version if migrations else 0
    if version > latest:
        raise SchemaTooNew(f"{where}: store schema is version {version} but this sitroom knows only "
                           f"up to {latest}; upgrade sitroom to open it")


def migrate(conn: psycopg.Connection[Any], where: str, migrations: list[Migration]) -> int:
    """Bring the store on ``conn`` (autocommit mode) up to date; returns its version."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_ID])
        current = schema_version(conn)
    check_version(where, current, migrations)
    for migration in migrations:
        if migration.version > current:
            _apply(conn, where, migration)
    return max(current, migrations[-1].version if migrations else 0)


def _apply(conn: psycopg.Connection[Any], where: str, migration: Migration) -> None:
    """One migration and its bookkeeping row in one transaction; skipped if another process won."""
    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_ID])
            if schema_version(conn) >= migration.version:
                return
            conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY,"
                         " version INTEGER NOT NULL UNIQUE, applied_at TEXT NOT NULL)")
            # No parameters: psycopg sends the whole script as one simple query.
            conn.execute(migration.sql.encode("utf-8"))
            conn.execute("INSERT INTO migrations (name, version, applied_at) VALUES (%s, %s, %s)",
                         [migration.name, migration.version, datetime.now(UTC).isoformat(timespec="seconds")])
    except psycopg.Error as err:
        raise StoreError(f"{where}: migration {migration.name} failed: {err}") from err
