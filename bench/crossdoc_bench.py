"""Ingest rate through ``add_record`` (cross-document layer included) as a store grows.

    .venv/bin/python bench/crossdoc_bench.py [--docs 2100] [--events-per-doc 20] [--actors 22000]
                                             [--per-day 20] [--db FILE] [--pg URL]

Generates hand-shaped records (no spaCy) in publication order, ``--per-day`` documents a day, each
with ``--events-per-doc`` events between Zipf-skewed actors (a few hubs in nearly every document,
as bench/api_latency.py), one in ten with a denial claim about two actors and one in eight with a
tie relation (``finances``), so every part of the cross-document pass (event clusters, both sides
of contradictions, ties) has work. Every document goes in with ``add_record`` (one transaction,
then the cross-document pass) and the rate of documents 1-100 is compared with that of documents
2,000-2,100: a bounded per-document cost keeps the later rate within 2x of the early one.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_latency import SEED, actor_names, make_record, word  # noqa: E402

from sitroom.ids import content_hash  # noqa: E402
from sitroom.records import Claim, DocumentRecord, Relation, Sentence, Span  # noqa: E402
from sitroom.store.base import Store  # noqa: E402

WINDOWS = ((0, 100), (1000, 1100), (2000, 2100))


def with_extras(record: DocumentRecord, i: int, rng: random.Random, published: str) -> DocumentRecord:
    """The generated record re-dated, with a denial (1 in 10) and a tie relation (1 in 8) appended."""
    text = record.document.text
    people = [e for e in record.entities if e.kind != "place"]
    extra: list[str] = []
    if i % 10 == 0 and len(people) >= 3:
        extra.append(f"{people[2].name} denied that {people[0].name} supplied troops to {people[1].name}.")
    if i % 8 == 0 and len(people) >= 2:
        extra.append(f"{people[0].name} finances {people[1].name}.")
    claims, relations, sentences = [], [], list(record.sentences)
    for n, sentence in enumerate(extra):
        start = len(text) + 1
        text = f"{text} {sentence}"
        sentences.append(Sentence(len(sentences), start, start + len(sentence), sentence))
        evidence = Span(start, start + len(sentence), sentence)
        if "denied" in sentence:
            content_start = start + sentence.index("that ") + 5
            content = Span(content_start, start + len(sentence) - 1, text[content_start:start + len(sentence) - 1])
            claims.append(Claim(id=f"c{n + 1}", speaker=people[2].id, via=None, stance="deny", kind="reported",
                                cue="denied", content=content, evidence=evidence,
                                about=[people[0].id, people[1].id]))
        else:
            relations.append(Relation(id=f"r{n + 1}", type="finances", source=people[0].id,
                                      target=people[1].id, evidence=evidence))
    document = replace(record.document, text=text, published=published, content_hash=content_hash(text))
    return replace(record, document=document, sentences=sentences, claims=claims, relations=relations)


def records(count: int, events_per_doc: int, actor_count: int, per_day: int):  # type: ignore[no-untyped-def]
    rng = random.Random(SEED)
    actors = actor_names(rng, actor_count)
    places = [f"{word(rng, 2)}ville" for _ in range(400)]
    first = date(2021, 1, 1)
    for i in range(count):
        published = (first + timedelta(days=i // per_day)).isoformat()
        yield with_extras(make_record(i, rng, actors, places, events_per_doc), i, rng, published)


@dataclass
class Window:
    """The rate of one window of documents: by the clock, and by this process's CPU time (which other
    jobs on a shared machine do not inflate; for SQLite it is all the work, for PostgreSQL the client's)."""

    first: int
    last: int
    wall: float
    cpu: float


def run(store: Store, args: argparse.Namespace) -> list[Window]:
    rates = []
    started = time.perf_counter()
    marks = (0.0, 0.0)
    for i, record in enumerate(records(args.docs, args.events_per_doc, args.actors, args.per_day)):
        if any(i == lo for lo, _ in WINDOWS):
            marks = (time.perf_counter(), time.process_time())
        store.add_record(record)
        for lo, hi in WINDOWS:
            if i == hi - 1:
                rates.append(Window(lo + 1, hi, (hi - lo) / (time.perf_counter() - marks[0]),
                                    (hi - lo) / (time.process_time() - marks[1])))
        if (i + 1) % 250 == 0:
            print(f"  {i + 1} documents, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return rates


def report(name: str, store: Store, rates: list[Window]) -> None:
    stats = store.stats()
    print(f"\n{name}: {stats['documents']:,} documents, {stats['events']:,} events, {stats['actors']:,} actors,"
          f" {len(store.contradictions(limit=1_000_000)):,} contradictions")
    print("\n| documents | documents/s (wall) | documents/s (process CPU) |\n|---|---:|---:|")
    for w in rates:
        print(f"| {w.first:,}-{w.last:,} | {w.wall:.1f} | {w.cpu:.1f} |")
    if len(rates) >= 2:
        print(f"\nlast / first rate: {rates[-1].wall / rates[0].wall:.2f} (wall), {rates[-1].cpu / rates[0].cpu:.2f} (CPU)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2100)
    parser.add_argument("--events-per-doc", type=int, default=20)
    parser.add_argument("--actors", type=int, default=22000)
    parser.add_argument("--per-day", type=int, default=20)
    parser.add_argument("--db", type=Path, default=None, help="SQLite file (default: a temporary one)")
    parser.add_argument("--pg", default=os.environ.get("SITROOM_TEST_PG_URL"),
                        help="also run on PostgreSQL (a fresh schema, dropped afterwards)")
    args = parser.parse_args()
    from sitroom.store.sqlite import SQLiteStore

    with tempfile.TemporaryDirectory() as tmp:
        with SQLiteStore(args.db or Path(tmp) / "crossdoc.db") as store:
            report("SQLite", store, run(store, args))
    if args.pg:
        run_pg(args)


def run_pg(args: argparse.Namespace) -> None:
    import uuid

    import psycopg

    from sitroom.store.postgres import PostgresStore

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    try:
        with PostgresStore(args.pg, schema=schema) as store:
            report("PostgreSQL", store, run(store, args))
    finally:
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


if __name__ == "__main__":
    main()
