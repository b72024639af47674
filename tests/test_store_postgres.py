"""The shared store suite against PostgreSQL, plus what only the PostgreSQL backend has.

Needs a server: ``source scripts/pg.sh start`` sets SITROOM_TEST_PG_URL (each test gets its own
PostgreSQL schema in that database, dropped afterwards). Without it every test here is skipped.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from sitroom.errors import SchemaTooNew, StoreError
from sitroom.store import open_store
from store_suite import CrossDocSuite, StoreSuite, record_a, record_b

PG_URL = os.environ.get("SITROOM_TEST_PG_URL", "")
pytestmark = pytest.mark.skipif(
    not PG_URL, reason="no PostgreSQL server: run `source scripts/pg.sh start` to set SITROOM_TEST_PG_URL")

if PG_URL:
    import psycopg

    from sitroom.store import pg_write as write
    from sitroom.store.migrate import Migration
    from sitroom.store.pg_migrate import load_pg_migrations
    from sitroom.store.postgres import PostgresStore


@pytest.fixture
def schemas() -> Iterator[Callable[[str], str]]:
    """``schemas(name)`` -> a fresh PostgreSQL schema name for this test; all dropped afterwards."""
    made: dict[str, str] = {}
    prefix = f"t_{uuid.uuid4().hex[:10]}"

    def schema(name: str) -> str:
        return made.setdefault(name, f"{prefix}_{name}")

    yield schema
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        for name in made.values():
            conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


class TestPostgresStore(StoreSuite, CrossDocSuite):
    @pytest.fixture
    def store_factory(self, schemas: Callable[[str], str]) -> Iterator[Callable[..., Any]]:
        opened: list[PostgresStore] = []

        def factory(name: str = "main") -> PostgresStore:
            opened.append(PostgresStore(PG_URL, schema=schemas(name)))
            return opened[-1]

        yield factory
        for store in opened:
            store.close()

    def interrupt_midway(self, monkeypatch: pytest.MonkeyPatch, action: Callable[[], None]) -> None:
        original = write.insert_claims

        def interrupted(*args: Any, **kwargs: Any) -> None:
            action()  # document, sentences, entities and events are written by now, claims not yet
            original(*args, **kwargs)

        monkeypatch.setattr(write, "insert_claims", interrupted)


def _query(store: PostgresStore, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return store._conn.execute(sql, list(params)).fetchall()


def test_open_store_takes_a_postgresql_url() -> None:
    with open_store(PG_URL) as store:
        assert type(store).__name__ == "PostgresStore"
        assert store.schema_version == load_pg_migrations()[-1].version  # type: ignore[attr-defined]


def test_every_foreign_key_column_is_indexed(schemas: Callable[[str], str]) -> None:
    with PostgresStore(PG_URL, schema=schemas("fk")) as store:
        fks = _query(store, """
            SELECT c.conrelid::regclass::text, c.conkey FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace""")
        indexes = _query(store, """
            SELECT i.indrelid::regclass::text, string_to_array(i.indkey::text, ' ')::int[] FROM pg_index i
            JOIN pg_class t ON t.oid = i.indrelid WHERE t.relnamespace = current_schema()::regnamespace""")
        assert len(fks) >= 14
        for table, columns in fks:
            covered = any(t == table and list(cols[:len(columns)]) == list(columns) for t, cols in indexes)
            assert covered, f"foreign key {table}{columns} has no index starting with its columns"


def test_migrations_are_named_and_versioned(schemas: Callable[[str], str]) -> None:
    schema = schemas("mig")
    with PostgresStore(PG_URL, schema=schema) as store:
        assert store.add_record(record_a())
        names = [r[0] for r in _query(store, "SELECT name FROM migrations ORDER BY version")]
        assert names == [m.name for m in load_pg_migrations()]
    current = load_pg_migrations()
    extra = Migration(current[-1].version + 1, f"{current[-1].version + 1:04d}_notes",
                      "CREATE TABLE notes (doc_id TEXT REFERENCES documents(id), body TEXT);\n"
                      "CREATE INDEX notes_doc ON notes(doc_id);")
    with PostgresStore(PG_URL, schema=schema, migrations=[*current, extra]) as store:
        assert store.schema_version == extra.version
        assert store.has_document("doc-a") and store.add_record(record_b())
    with pytest.raises(SchemaTooNew, match="upgrade sitroom"):
        PostgresStore(PG_URL, schema=schema)


def test_failed_migration_leaves_previous_version(schemas: Callable[[str], str]) -> None:
    schema = schemas("bad")
    current = load_pg_migrations()
    broken = Migration(current[-1].version + 1, f"{current[-1].version + 1:04d}_broken",
                       "CREATE TABLE half (x INT);\nTHIS IS NOT SQL;")
    with pytest.raises(StoreError, match="broken"):
        PostgresStore(PG_URL, schema=schema, migrations=[*current, broken])
    with PostgresStore(PG_URL, schema=schema) as store:
        assert store.schema_version == current[-1].version
        assert _query(store, "SELECT to_regclass('half')") == [(None,)]


def test_readonly_store_refuses_writes(schemas: Callable[[str], str]) -> None:
    schema = schemas("ro")
    with PostgresStore(PG_URL, schema=schema) as store:
        assert store.add_record(record_a())
    with PostgresStore(PG_URL, schema=schema, readonly=True) as ro:
        assert ro.stats()["documents"] == 1 and ro.search("Velmar")
        with pytest.raises(StoreError, match="read-only"):
            ro.add_record(record_b())


def test_bulk_import_is_idempotent_and_matches_one_by_one(schemas: Callable[[str], str]) -> None:
    with PostgresStore(PG_URL, schema=schemas("one")) as one, PostgresStore(PG_URL, schema=schemas("bulk")) as bulk:
        assert one.add_record(record_a()) and one.add_record(record_b())
        exported = list(one.iter_records())
        assert bulk.import_records(exported + exported, batch_size=1) == 2
        assert bulk.import_records(exported) == 0
        assert bulk.stats() == one.stats()
        assert list(bulk.iter_records()) == exported
        assert bulk.actor("Wagner").aliases == one.actor("Wagner").aliases
        assert bulk.events() == one.events()


def test_unreachable_server_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot connect") as caught:
        PostgresStore("postgresql://someone:secret@127.0.0.1:1/nowhere")
    assert "secret" not in str(caught.value)


def test_search_uses_the_gin_index(schemas: Callable[[str], str]) -> None:
    with PostgresStore(PG_URL, schema=schemas("gin")) as store:
        store.add_record(record_a())
        store._conn.execute("SET enable_seqscan = off")
        plan = "\n".join(r[0] for r in _query(
            store, "EXPLAIN SELECT rowid FROM sentences WHERE tsv @@ plainto_tsquery('simple', 'Velmar')"))
        assert "sentences_tsv" in plan


def test_bad_record_raises_store_error_and_stores_nothing(schemas: Callable[[str], str]) -> None:
    bad = record_b()
    bad.entities.append(bad.entities[0])  # the same entity id twice violates the primary key
    with PostgresStore(PG_URL, schema=schemas("badrec")) as store:
        with pytest.raises(StoreError, match="doc-b"):
            store.add_record(bad)
        assert store.stats()["documents"] == 0 and store.stats()["actors"] == 0
        assert store.add_record(record_a())
