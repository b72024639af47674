"""Named, ordered SQL migrations for the SQLite store.

Migrations are the files ``store/migrations/NNNN_name.sql``; the number is the schema version it
brings the store to, and ``PRAGMA user_version`` holds the version a store is at. Each migration
runs in its own transaction together with its row in the ``migrations`` table and the version bump,
so a failed migration leaves the store at the previous version.

Opening a store written by a newer sitroom raises :class:`~sitroom.errors.SchemaTooNew`. Before an
older store is migrated in place its file is copied (SQLite's online backup, so a WAL is included)
to ``<db>.bak-v<N>``.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from sitroom.errors import SchemaTooNew, StoreError

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    """One schema step: ``version`` is the leading number of ``name``."""

    version: int
    name: str
    sql: str


def load_migrations(folder_name: str = "migrations") -> list[Migration]:
    """The packaged migrations in ``store/<folder_name>`` in version order (numbered 1, 2, 3 ... without
    gaps): ``migrations`` for SQLite, ``migrations_pg`` for PostgreSQL."""
    folder = resources.files("sitroom.store") / folder_name
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name.removesuffix(".sql"), entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise StoreError(f"migration {migration.name} is out of sequence (expected number {expected:04d})")
    return found


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: str, migrations: list[Migration]) -> int:
    """Bring the store at ``path`` (open on ``conn``, autocommit mode) up to date; returns its version."""
    current = schema_version(conn)
    latest = migrations[-1].version if migrations else 0
    if current > latest:
        raise SchemaTooNew(
            f"{path}: store schema is version {current} but this sitroom knows only up to {latest}; "
            "upgrade sitroom to open it"
        )
    pending = [m for m in migrations if m.version > current]
    if not pending:
        return current
    if current > 0 and path != ":memory:":
        backup(conn, f"{path}.bak-v{current}")
    for migration in pending:
        _apply(conn, migration)
    return latest


def backup(conn: sqlite3.Connection, target: str) -> None:
    """Copy the database to ``target`` with SQLite's backup API (consistent, includes the WAL)."""
    if Path(target).exists():
        raise StoreError(f"cannot back up the store before migrating: {target} already exists; move it away")
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    """Run one migration, its bookkeeping row and the version bump as a single transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        for statement in _statements(migration.sql):
            conn.execute(statement)
        conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                     (migration.name, datetime.now(UTC).isoformat(timespec="seconds")))
        # PRAGMA takes no parameters; the version is an int we parsed ourselves.
        conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        conn.execute("COMMIT")
    except sqlite3.Error as err:
        conn.execute("ROLLBACK")
        raise StoreError(f"migration {migration.name} failed: {err}") from err


def _statements(sql: str) -> list[str]:
    """Split a script into complete statements (``executescript`` would commit our transaction)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        if not buffer and line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise StoreError(f"incomplete SQL statement at the end of a migration: {buffer.strip()[:60]!r}")
    return statements
