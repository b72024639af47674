"""API latency on a large generated store: p50/p95 of search, actor page, 2-hop graph and path.

    .venv/bin/python bench/api_latency.py [--db FILE] [--docs 5000] [--events-per-doc 20]
                                          [--actors 22000] [--n 200] [--out docs/performance.md]

Generates (or reuses, when ``--db`` exists) a store of hand-shaped records, no spaCy: each document
has ``--events-per-doc`` one-sentence events between actors drawn with a Zipf-like skew (a few hubs
in many documents, most actors in a handful, as in news), at places with coordinates. Queries go
through the HTTP API in process (FastAPI TestClient: routing, SQL and JSON encoding included, no
network). Writes the table into the "API latency" section of ``--out``.

Records are written with the store's own ``insert_record`` (the rows ``add_record`` writes) in
transactions of 250 documents, without ``add_record``'s per-document cross-document pass (event
de-duplication, contradictions): no query measured here reads its tables, and on this skewed data
it makes loading 100,000 events take hours instead of minutes.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sitroom.ids import content_hash
from sitroom.records import Document, DocumentRecord, Entity, Event, Mention, Sentence, Span
from sitroom.store.sqlite import SQLiteStore
from sitroom.store.sqlite_write import insert_record

SYLLABLES = ["ka", "ro", "vel", "mar", "dun", "ti", "bra", "sk", "an", "ol", "zer", "qu", "len", "po",
             "ris", "ta", "gor", "mi", "ha", "sel", "vor", "ne", "bu", "li"]
ORG_WORDS = ["Brigade", "Front", "Battalion", "Movement", "Council", "Company", "Legion", "Alliance"]
VERBS = [("attacked", "ASSAULT"), ("met", "CONSULT"), ("accused", "ACCUSE"), ("supplied arms to", "AID"),
         ("threatened", "THREATEN"), ("signed a pact with", "AGREE"), ("deployed troops against", "MOBILIZE"),
         ("arrested members of", "COERCE"), ("sanctioned", "SANCTION"), ("praised", "SUPPORT")]
SEED = 20260501


def word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def actor_names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """Unique (name, kind) pairs: half people ("Anda Korvel"), half organisations ("Korvel Front")."""
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    while len(out) < count:
        if len(out) % 2:
            name, kind = f"{word(rng, 2)} {word(rng, 3)}", "person"
        else:
            name, kind = f"{word(rng, 3)} {rng.choice(ORG_WORDS)}", "organization"
        if name.lower() not in seen:
            seen.add(name.lower())
            out.append((name, kind))
    return out


def zipf_index(rng: random.Random, n: int) -> int:
    # Pareto-shaped ranks: rank 0 is drawn thousands of times, the tail a few times each.
    return min(int(rng.paretovariate(1.1)) - 1, n - 1) if rng.random() < 0.5 else rng.randrange(n)


def make_record(i: int, rng: random.Random, actors: list[tuple[str, str]], places: list[str],
                events_per_doc: int) -> DocumentRecord:
    sentences: list[str] = []
    plan = []
    for _ in range(events_per_doc):
        a, b = zipf_index(rng, len(actors)), zipf_index(rng, len(actors))
        if a == b:
            b = (b + 1) % len(actors)
        verb, type_ = rng.choice(VERBS)
        place = rng.randrange(len(places))
        sentences.append(f"{actors[a][0]} {verb} {actors[b][0]} near {places[place]}.")
        plan.append((a, b, place, type_))
    text = " ".join(sentences)
    record = DocumentRecord(Document(id=f"gen{i:06d}", text=text, title=f"Generated report {i}",
                                     published=f"20{20 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                                     language="en", content_hash=content_hash(text)), model="generated")
    ents: dict[tuple[str, int], Entity] = {}
    pos = 0
    for n, (sentence, (a, b, place, type_)) in enumerate(zip(sentences, plan, strict=True)):
        record.sentences.append(Sentence(n, pos, pos + len(sentence), sentence))
        ids = []
        for key, name, kind in (("a", *actors[a]), ("a", *actors[b]), ("p", places[place], "place")):
            index = a if name == actors[a][0] else b if key == "a" else place
            ent = ents.get((key, index))
            if ent is None:
                ent = ents[(key, index)] = Entity(
                    id=f"e{len(ents) + 1}", name=name, kind=kind,
                    geo={"lat": 5 + place % 20, "lon": -10 + place // 20} if kind == "place" else None)
            start = text.index(name, pos)
            ent.mentions.append(Mention(start, start + len(name), name, kind, entity=ent.id))
            ids.append(ent.id)
        evidence = Span(pos, pos + len(sentence), sentence)
        record.events.append(Event(id=f"v{n + 1}", type=type_, evidence=evidence, trigger=evidence,
                                   source=[ids[0]], target=[ids[1]], place=ids[2]))
        pos += len(sentence) + 1
    record.entities = list(ents.values())
    return record


def generate(path: Path, docs: int, events_per_doc: int, actor_count: int) -> None:
    rng = random.Random(SEED)
    actors = actor_names(rng, actor_count)
    places = [f"{word(rng, 2)}ville" for _ in range(400)]
    started = time.perf_counter()
    with SQLiteStore(path) as store:
        conn = store._conn  # bench only: bulk load in large transactions, see the module docstring
        for first in range(0, docs, 250):
            conn.execute("BEGIN IMMEDIATE")
            for i in range(first, min(first + 250, docs)):
                record = make_record(i, rng, actors, places, events_per_doc)
                insert_record(conn, record, record.document.content_hash, json.dumps(record.to_json()))
            conn.execute("COMMIT")
            print(f"  {min(first + 250, docs)} documents, {time.perf_counter() - started:.0f} s", file=sys.stderr)
        print(f"generated {store.stats()} in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(call: Callable[[], object], n: int) -> tuple[float, float, float]:
    call()  # warm caches once, as a running server would be
    times = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return percentile(times, 0.5), percentile(times, 0.95), statistics.fmean(times)


def run(db: Path, n: int) -> tuple[dict[str, int], list[tuple[str, float, float, float]]]:
    from fastapi.testclient import TestClient

    from sitroom.serve.app import create_app

    rng = random.Random(SEED + 1)
    with TestClient(create_app(str(db))) as client:
        stats = client.get("/api/stats").json()
        ranked = [a["id"] for a in client.get("/api/entities", params={"limit": 500}).json()["items"]]
        active = [a["id"] for a in client.get("/api/entities", params={"limit": 500, "offset": min(5000, stats["actors"] // 4)}).json()["items"]]
        words = [w for w in re.findall(r"[A-Z][a-z]+", client.get("/api/documents/gen000001").json()["document"]["text"])]

        def pick_actor() -> int:
            # half hubs (the 500 most mentioned), half ordinary actors: what analysts open
            return rng.choice(ranked) if rng.random() < 0.5 else rng.choice(active)

        def ok(url: str, **params: object) -> object:
            r = client.get(url, params=params)
            assert r.status_code == 200, (url, params, r.text[:200])
            return r

        rows = [
            ("search (one word, 20 hits)", *measure(lambda: ok("/api/search", q=rng.choice(words)), n)),
            ("search (two words)", *measure(lambda: ok("/api/search", q=f"{rng.choice(words)} {rng.choice(words)}"), n)),
            ("actor page (profile JSON)", *measure(lambda: ok(f"/api/entities/{pick_actor()}"), n)),
            ("2-hop neighbourhood (100 nodes)", *measure(lambda: ok(f"/api/graph/{pick_actor()}", hops=2, max_nodes=100), n)),
            ("shortest path (<= 4 hops)", *measure(lambda: ok("/api/path", source=pick_actor(), target=pick_actor()), n)),
        ]
    return stats, rows


def report(stats: dict[str, int], rows: list[tuple[str, float, float, float]], n: int) -> str:
    lines = ["## API latency", "",
             f"Generated store: {stats['documents']:,} documents, {stats['events']:,} events, "
             f"{stats['actors']:,} actors, {stats['mentions']:,} mentions (SQLite, one file). "
             f"{n} requests per query after one warm-up, in process through the HTTP API "
             "(`bench/api_latency.py`; half the actors drawn from the 500 most mentioned hubs).", "",
             "| query | p50 ms | p95 ms | mean ms |", "|---|---:|---:|---:|"]
    lines += [f"| {name} | {p50:.1f} | {p95:.1f} | {mean:.1f} |" for name, p50, p95, mean in rows]
    lines += ["", "Target: p95 < 100 ms on SQLite.", ""]
    return "\n".join(lines)


def write_section(out: Path, section: str) -> None:
    text = out.read_text(encoding="utf-8") if out.exists() else "# Performance\n\n"
    pattern = re.compile(r"## API latency\n.*?(?=\n## |\Z)", re.S)
    text = pattern.sub(section.rstrip() + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
    out.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/sitroom-bench.db"))
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--events-per-doc", type=int, default=20)
    parser.add_argument("--actors", type=int, default=22000)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "docs" / "performance.md")
    args = parser.parse_args()
    if not args.db.exists():
        generate(args.db, args.docs, args.events_per_doc, args.actors)
    stats, rows = run(args.db, args.n)
    section = report(stats, rows, args.n)
    print(section)
    write_section(args.out, section)


if __name__ == "__main__":
    main()
