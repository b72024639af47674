"""Kill ``sitroom ingest`` with SIGKILL part-way, run it again: nothing partial, duplicated, changed or lost.

Each document is stored in one SQLite transaction (``store/sqlite.py``), so a kill can only lose the
document being written, never leave half of it; the re-run skips what is stored and adds the rest.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))

from fuzz_inputs import synthetic_articles, write_jsonl  # noqa: E402

ARTICLES = 300
KILL_AFTER = 40
"""Documents committed before the kill: enough to be a real store, well short of the end."""

# The layers a stored record has rows for, and how many its record JSON says it should have.
LAYERS = {
    "sentences": lambda r: len(r["sentences"]),
    "doc_entities": lambda r: len(r["entities"]),
    "mentions": lambda r: sum(len(e["mentions"]) for e in r["entities"]),
    "events": lambda r: len(r["events"]),
    "claims": lambda r: len(r["claims"]),
    "quantities": lambda r: len(r["quantities"]),
    "dates": lambda r: len(r["dates"]),
}


def ingest_command(db: Path, source: Path) -> list[str]:
    return [sys.executable, "-m", "sitroom.cli", "ingest", "--quiet", "--db", str(db), str(source)]


def committed(db: Path) -> int:
    """Documents visible to another connection (0 while the store does not exist yet)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # created but not migrated yet


def snapshot(db: Path) -> dict[str, tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return {doc_id: (digest, raw) for doc_id, digest, raw in
                conn.execute("SELECT id, content_hash, record_json FROM documents")}


def partial_documents(db: Path) -> list[str]:
    """Documents whose rows in some layer do not match their record JSON."""
    bad = []
    with sqlite3.connect(db) as conn:
        counts: dict[str, dict[str, int]] = {
            table: dict(conn.execute(f"SELECT doc_id, count(*) FROM {table} GROUP BY doc_id").fetchall())
            for table in LAYERS
        }
        for doc_id, raw in conn.execute("SELECT id, record_json FROM documents"):
            record: dict[str, Any] = json.loads(raw)
            for table, expected in LAYERS.items():
                if counts[table].get(doc_id, 0) != expected(record):
                    bad.append(f"{doc_id}: {table} has {counts[table].get(doc_id, 0)} rows, expected {expected(record)}")
        orphans = conn.execute("SELECT count(*) FROM sentences WHERE doc_id NOT IN (SELECT id FROM documents)")
        if orphans.fetchone()[0]:
            bad.append("sentences without a document")
    return bad


def kill_when_committed(proc: subprocess.Popen[bytes], db: Path, at_least: int, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if committed(db) >= at_least:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return committed(db)
        time.sleep(0.05)
    proc.kill()
    pytest.fail(f"ingest did not reach {at_least} documents (exit {proc.poll()}) in {timeout} s")


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    source, db = tmp_path / "articles.jsonl", tmp_path / "store.db"
    write_jsonl(source, synthetic_articles(ARTICLES))
    proc = subprocess.Popen(ingest_command(db, source), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored_at_kill = kill_when_committed(proc, db, KILL_AFTER, timeout=45)
    assert proc.returncode == -signal.SIGKILL
    assert KILL_AFTER <= stored_at_kill < ARTICLES, "the kill should land part-way"

    before = snapshot(db)
    assert len(before) == stored_at_kill
    assert partial_documents(db) == []

    rerun = subprocess.run(ingest_command(db, source), capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert f"{stored_at_kill} already stored" in rerun.stderr

    after = snapshot(db)
    assert len(after) == ARTICLES
    assert sorted(after) == [f"art-{n:04d}" for n in range(ARTICLES)]
    assert len({digest for digest, _ in after.values()}) == ARTICLES, "a document was stored twice"
    assert {doc_id: after[doc_id] for doc_id in before} == before, "a document stored before the kill changed"
    assert partial_documents(db) == []
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_export_then_import_reproduces_counts_and_content_hashes(tmp_path: Path) -> None:
    """The backup path: ``export --format jsonl`` into ``import`` on a new store changes nothing."""
    from sitroom.cli import main

    source, first, second, backup = (tmp_path / n for n in ("a.jsonl", "a.db", "b.db", "backup.jsonl"))
    write_jsonl(source, synthetic_articles(12))
    assert main(["ingest", "--quiet", "--db", str(first), str(source)]) == 0
    assert main(["export", "--format", "jsonl", "--db", str(first), "--out", str(backup)]) == 0
    assert main(["import", "--db", str(second), str(backup)]) == 0
    assert snapshot(second) == snapshot(first)
    with sqlite3.connect(first) as a, sqlite3.connect(second) as b:
        for table in [*LAYERS, "actors", "relations"]:
            count = f"SELECT count(*) FROM {table}"
            assert a.execute(count).fetchone() == b.execute(count).fetchone(), table
