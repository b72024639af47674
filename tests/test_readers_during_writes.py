"""Readers keep answering while ``sitroom ingest`` writes: a bounded load test on the store.

One writer (``sitroom ingest`` in a subprocess) and several reader threads, each with its own
read-only connection, issuing a fixed number of queries (search, actors, actor profile, stats)
within a fixed time. Errors must be 0; p50/p99 latency are printed (``pytest -s``) and recorded
in docs/reliability.md. WAL lets readers see the last committed document while one is written.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))

from fuzz_inputs import synthetic_articles, write_jsonl  # noqa: E402

from sitroom.errors import NotFound  # noqa: E402
from sitroom.store.sqlite import SQLiteStore  # noqa: E402
from test_crash_safety import committed, ingest_command  # noqa: E402

READERS = 4
QUERIES_PER_READER = 150
TIME_LIMIT_S = 40.0


class Tally:
    """Latencies and errors from every reader, guarded by one lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.during_write = 0


def one_query(store: SQLiteStore, n: int) -> None:
    kind = n % 4
    if kind == 0:
        store.search("Volkov attacked", limit=10)
    elif kind == 1:
        store.actors(top=20)
    elif kind == 2:
        try:
            store.actor("Volkov Group")
        except NotFound:
            pass  # not stored yet: an answer, not an error
    else:
        store.stats()


def reader(db: Path, writer: subprocess.Popen[bytes], tally: Tally, deadline: float) -> None:
    try:
        store = SQLiteStore(db, readonly=True)
    except Exception as exc:  # noqa: BLE001 - every failure counts as an error
        with tally.lock:
            tally.errors.append(f"open: {exc!r}")
        return
    with store:
        for n in range(QUERIES_PER_READER):
            if time.monotonic() > deadline:
                return
            writing = writer.poll() is None
            started = time.perf_counter()
            try:
                one_query(store, n)
            except Exception as exc:  # noqa: BLE001
                with tally.lock:
                    tally.errors.append(repr(exc))
                continue
            elapsed = time.perf_counter() - started
            with tally.lock:
                tally.latencies.append(elapsed)
                tally.during_write += writing
            time.sleep(0.01)  # a client's think time: readers should not starve the writer's CPU


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@pytest.mark.slow
def test_store_readers_get_answers_while_ingest_writes(tmp_path: Path) -> None:
    source, db = tmp_path / "articles.jsonl", tmp_path / "store.db"
    write_jsonl(source, synthetic_articles(300))
    writer = subprocess.Popen(ingest_command(db, source), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until = time.monotonic() + 45
        while committed(db) < 5 and time.monotonic() < wait_until and writer.poll() is None:
            time.sleep(0.05)
        first_count = committed(db)
        tally = Tally()
        deadline = time.monotonic() + TIME_LIMIT_S
        threads = [threading.Thread(target=reader, args=(db, writer, tally, deadline)) for _ in range(READERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        last_count = committed(db)
    finally:
        writer.kill()
        writer.wait()

    assert tally.errors == []
    assert len(tally.latencies) >= READERS * 50, "readers ran too few queries"
    assert tally.during_write >= len(tally.latencies) // 2, "most queries should overlap the writes"
    assert last_count > first_count, "the writer made progress while readers read"
    p50, p99 = statistics.median(tally.latencies), percentile(tally.latencies, 0.99)
    print(f"\nreaders during writes: {len(tally.latencies)} queries from {READERS} readers, "
          f"{len(tally.errors)} errors, p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, "
          f"store grew {first_count} -> {last_count} documents")
    assert p99 < 2.0, f"p99 latency {p99:.2f} s"
