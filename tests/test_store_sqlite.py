"""The shared store suite against a real SQLite file, plus what only SQLite has: migrations, URLs, WAL."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sitroom.errors import SchemaTooNew, StoreError
from sitroom.store import open_store
from sitroom.store import sqlite_write as write
from sitroom.store.migrate import Migration, load_migrations
from sitroom.store.sqlite import SQLiteStore
from store_suite import CrossDocSuite, StoreSuite, record_a, record_b


class TestSQLiteStore(StoreSuite, CrossDocSuite):
    @pytest.fixture
    def store_factory(self, tmp_path: Path) -> Iterator[Callable[..., SQLiteStore]]:
        opened: list[SQLiteStore] = []

        def factory(name: str = "main") -> SQLiteStore:
            opened.append(SQLiteStore(tmp_path / f"{name}.db"))
            return opened[-1]

        yield factory
        for store in opened:
            store.close()

    def interrupt_midway(self, monkeypatch: pytest.MonkeyPatch, action: Callable[[], None]) -> None:
        original = write.insert_claims

        def interrupted(*args: object, **kwargs: object) -> None:
            action()  # document, sentences, entities and events are written by now, claims not yet
            original(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(write, "insert_claims", interrupted)


def test_new_store_is_wal_with_foreign_keys_and_versioned(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with SQLiteStore(path) as store:
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        latest = load_migrations()[-1]
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest.version
        names = [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY name")]
        assert names == [m.name for m in load_migrations()]
    assert not list(tmp_path.glob("*.bak-v*")), "a new store needs no backup"


def _fake_next_migration() -> list[Migration]:
    current = load_migrations()
    extra = Migration(current[-1].version + 1, f"{current[-1].version + 1:04d}_notes",
                      "CREATE TABLE notes (doc_id TEXT REFERENCES documents(id), body TEXT);\n"
                      "CREATE INDEX notes_doc ON notes(doc_id);")
    return [*current, extra]


def test_older_store_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with SQLiteStore(path) as old:  # the schema this sitroom ships plays the "older" one
        assert old.add_record(record_a())
    newer = _fake_next_migration()
    with SQLiteStore(path, migrations=newer) as store:
        version = store._conn.execute("PRAGMA user_version").fetchone()[0]
        assert version == newer[-1].version
        store._conn.execute("INSERT INTO notes VALUES ('doc-a', 'checked')")
        assert store.has_document("doc-a") and store.add_record(record_b())
        applied = [r[0] for r in store._conn.execute("SELECT name FROM migrations ORDER BY name")]
        assert applied[-1] == newer[-1].name
    backup = tmp_path / f"old.db.bak-v{newer[-2].version}"
    assert backup.exists()
    with SQLiteStore(backup) as saved:  # the backup is the untouched older store
        assert saved.stats()["documents"] == 1
        assert saved._conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'notes'").fetchone()[0] == 0


def test_migration_refuses_to_overwrite_an_old_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    SQLiteStore(path).close()
    (tmp_path / f"old.db.bak-v{len(load_migrations())}").write_text("an earlier backup")
    with pytest.raises(StoreError, match="already exists"):
        SQLiteStore(path, migrations=_fake_next_migration())
    with SQLiteStore(path) as store:  # still at the older version, still usable
        assert store.stats()["documents"] == 0


def test_failed_migration_leaves_the_older_version(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    SQLiteStore(path).close()
    broken = [*load_migrations(), Migration(len(load_migrations()) + 1, "9999_broken",
                                            "CREATE TABLE ok (x);\nCREATE TABLE documents (x);")]
    with pytest.raises(StoreError, match="9999_broken failed"):
        SQLiteStore(path, migrations=broken)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(load_migrations())
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'ok'").fetchone()[0] == 0
    conn.close()


def test_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(SchemaTooNew, match="version 99 .* upgrade sitroom"):
        SQLiteStore(path)
    with pytest.raises(SchemaTooNew):
        SQLiteStore(path, readonly=True)


def test_foreign_sqlite_file_and_garbage_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE things (x)")
    conn.close()
    with pytest.raises(StoreError, match="not a sitroom store"):
        SQLiteStore(other)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="garbage.db"):
        SQLiteStore(garbage)
    with pytest.raises(StoreError, match="does not exist"):
        SQLiteStore(tmp_path / "missing" / "x.db")


def test_readonly_store_reads_but_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with SQLiteStore(path) as store:
        store.add_record(record_a())
    with SQLiteStore(path, readonly=True) as ro:
        assert ro.stats()["documents"] == 1
        with pytest.raises(StoreError, match="read-only"):
            ro.add_record(record_b())


def test_bad_record_raises_store_error_and_stores_nothing(tmp_path: Path) -> None:
    bad = record_b()
    bad.entities.append(bad.entities[0])  # the same entity id twice violates the primary key
    with SQLiteStore(tmp_path / "s.db") as store:
        with pytest.raises(StoreError, match="doc-b"):
            store.add_record(bad)
        assert store.stats()["documents"] == 0 and store.stats()["actors"] == 0


def test_open_store_paths_and_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(str(tmp_path / "a.db")) as a:
        assert isinstance(a, SQLiteStore) and a.path.endswith("a.db")
    with open_store(f"sqlite:///{tmp_path}/b.db") as b:
        assert isinstance(b, SQLiteStore) and Path(b.path) == tmp_path / "b.db"
    with open_store("sqlite://") as mem:
        assert mem.add_record(record_a()) and mem.stats()["documents"] == 1
    monkeypatch.setenv("SITROOM_DB", str(tmp_path / "env.db"))
    with open_store(None):
        assert (tmp_path / "env.db").exists()
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://user@127.0.0.1:1/db?connect_timeout=2")
    with pytest.raises(StoreError, match="unknown store URL"):
        open_store("mysql://host/db")
