"""Ingest and load rates: document records into SQLite and PostgreSQL, one by one and from Parquet.

    .venv/bin/python bench/ingest_bench.py [--corpus FILE] [--limit N] [--work DIR] [--pg URL]

Extracts the corpus once with ``run_batch`` into ``--work`` (reused if already there: a batch
resumes), then times, with extraction excluded:
* ingest: ``store.import_record`` per record (one transaction per document), SQLite and PostgreSQL;
* load: ``sitroom.batch.load`` from the Parquet folder (PostgreSQL: COPY in 500-record transactions).
PostgreSQL comes from ``--pg`` or SITROOM_TEST_PG_URL (``source scripts/pg.sh start``); each run
uses fresh schemas, dropped at the end.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-politics-business.jsonl"


def timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    from sitroom.batch import iter_batch_records, load, run_batch
    from sitroom.store.sqlite import SQLiteStore

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "sitroom-ingest-bench")
    parser.add_argument("--pg", default=os.environ.get("SITROOM_TEST_PG_URL"))
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    corpus = args.work / "corpus.jsonl"
    args.work.mkdir(parents=True, exist_ok=True)
    lines = args.corpus.read_text(encoding="utf-8").splitlines()[:args.limit]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = args.work / "batch"
    run_batch([str(corpus)], out, workers=args.workers)
    records = list(iter_batch_records(out))
    n = len(records)
    print(f"{n} records\n\n| store | path | documents/s | seconds |\n|---|---|---|---|")

    def report(store: str, path: str, seconds: float) -> None:
        print(f"| {store} | {path} | {n / seconds:.0f} | {seconds:.1f} |", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        with SQLiteStore(Path(tmp) / "ingest.db") as lite:
            report("SQLite", "ingest (import_record, 1 txn/doc)", timed(lambda: [lite.import_record(r) for r in records]))
        with SQLiteStore(Path(tmp) / "load.db") as lite:
            report("SQLite", "load from Parquet", timed(lambda: load(out, lite)))
    if not args.pg:
        print("\nPostgreSQL skipped: no --pg and no SITROOM_TEST_PG_URL")
        return
    _bench_pg(args.pg, records, out, report)


def _bench_pg(url: str, records: list[dict[str, Any]], out: Path, report: Callable[[str, str, float], None]) -> None:
    import psycopg

    from sitroom.batch import load
    from sitroom.store.postgres import PostgresStore

    schemas = [f"bench_{uuid.uuid4().hex[:8]}_{i}" for i in range(2)]
    try:
        with PostgresStore(url, schema=schemas[0]) as pg:
            report("PostgreSQL", "ingest (import_record, 1 txn/doc)",
                   timed(lambda: [pg.import_record(r) for r in records]))
        with PostgresStore(url, schema=schemas[1]) as pg:
            report("PostgreSQL", "load from Parquet (COPY)", timed(lambda: load(out, pg)))
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            for schema in schemas:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


if __name__ == "__main__":
    main()
