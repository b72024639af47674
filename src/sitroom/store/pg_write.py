"""Writing document records into the PostgreSQL schema, one record or a whole batch at a time.

Every table is filled with ``COPY ... FROM STDIN`` (psycopg's ``cursor.copy``): one round trip per
table for the batch, which is what makes ``sitroom load`` fast. Entities are mapped to
cross-document actors (created with ``ON CONFLICT DO NOTHING``, so concurrent writers agree on one
id per key) and each touched actor's counts, aliases and majority attributes are updated once per
batch. The result is the same rows the SQLite writer (:mod:`sitroom.store.sqlite_write`) produces.
The caller owns the transaction; links to entity ids a record does not define are dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import psycopg

from sitroom.records import DocumentRecord, Entity
from sitroom.resolve.event_dedup import stored_days
from sitroom.resolve.identity import actor_key, key_name
from sitroom.store.actor_sql import entity_attrs, entity_forms, refresh_actors_sql


@dataclass(frozen=True)
class Pending:
    """A record on its way in: the record, its content hash and the JSON to keep verbatim."""

    record: DocumentRecord
    content_hash: str
    raw_json: str


@dataclass
class _ActorTally:
    """What the records of a batch contribute to one actor."""

    mentions: int = 0
    docs: int = 0
    published: list[str] = field(default_factory=list)
    aliases: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    attrs: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(attr, value) -> documents that gave it (one vote per document, as in SQLite)."""


Row = Sequence[Any]


def copy_rows(conn: psycopg.Connection[Any], table: str, columns: str, rows: Iterable[Row]) -> None:
    """``COPY table (columns) FROM STDIN`` with ``rows``; table and columns are fixed strings of ours."""
    with conn.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def stored_keys(conn: psycopg.Connection[Any], ids: list[str], hashes: list[str]) -> tuple[set[str], set[str]]:
    """Which of ``ids`` and ``hashes`` are stored already."""
    rows = conn.execute("SELECT id, content_hash FROM documents WHERE id = ANY(%s) OR content_hash = ANY(%s)",
                        [ids, hashes]).fetchall()
    return {r[0] for r in rows}, {r[1] for r in rows}


def write_batch(conn: psycopg.Connection[Any], batch: list[Pending]) -> None:
    """Insert every part of each record (none stored yet, no two alike); the caller owns the transaction."""
    if not batch:
        return
    records = [p.record for p in batch]
    insert_documents(conn, batch)
    insert_sentences(conn, records)
    known = insert_entities(conn, records)
    insert_events(conn, records, known)
    insert_claims(conn, records, known)
    insert_relations(conn, records, known)
    insert_quantities(conn, records)
    insert_dates(conn, records)


def insert_documents(conn: psycopg.Connection[Any], batch: list[Pending]) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    copy_rows(conn, "documents", "id, content_hash, title, published, published_inferred, source, url, author,"
              " language, origin, model, text, record_json, added_at",
              ((p.record.document.id, p.content_hash, p.record.document.title, p.record.document.published,
                int(p.record.document.published_inferred), p.record.document.source, p.record.document.url,
                p.record.document.author, p.record.document.language, p.record.document.origin, p.record.model,
                p.record.document.text, p.raw_json, now) for p in batch))


def insert_sentences(conn: psycopg.Connection[Any], records: list[DocumentRecord]) -> None:
    copy_rows(conn, "sentences", 'doc_id, idx, start, "end", text',
              ((r.document.id, i, s.start, s.end, r.document.text[s.start:s.end])
               for r in records for i, s in enumerate(r.sentences)))


# --- entities and actors --------------------------------------------------------------------------


def insert_entities(conn: psycopg.Connection[Any], records: list[DocumentRecord]) -> dict[str, set[str]]:
    """doc_entities + mentions, mapping entities to actors; returns each document's entity ids."""
    ids = _actor_ids(conn, [e for r in records for e in r.entities])
    tallies: dict[int, _ActorTally] = {}
    entity_rows: list[Row] = []
    mention_rows: list[Row] = []
    for record in records:
        doc_id = record.document.id
        per_doc: dict[int, _ActorTally] = {}
        for ent in record.entities:
            actor_id = ids[actor_key(ent.name, ent.kind, ent.country)]
            entity_rows.append((doc_id, ent.id, actor_id, ent.name, ent.kind, ent.country, ent.sector, ent.code,
                                ent.role, len(ent.mentions)))
            mention_rows.extend((doc_id, ent.id, m.start, m.end, m.text) for m in ent.mentions)
            _tally(per_doc.setdefault(actor_id, _ActorTally()), ent)
        for actor_id, tally in per_doc.items():
            _merge(tallies.setdefault(actor_id, _ActorTally()), tally, record.document.published)
    copy_rows(conn, "doc_entities", "doc_id, entity_id, actor_id, name, kind, country, sector, code, role,"
              " mention_count", entity_rows)
    copy_rows(conn, "mentions", 'doc_id, entity_id, start, "end", text', mention_rows)
    update_actors(conn, tallies)
    return {r.document.id: {e.id for e in r.entities} for r in records}


def _actor_ids(conn: psycopg.Connection[Any], entities: list[Entity]) -> dict[str, int]:
    """Actor id per identity key, creating actors first seen here (in order of first sight)."""
    first: dict[str, Entity] = {}
    for ent in entities:
        first.setdefault(actor_key(ent.name, ent.kind, ent.country), ent)
    if not first:
        return {}
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO actors (key, norm, name, kind, country, sector, code, role)"
            " VALUES (%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT (key) DO NOTHING",
            [(key, key_name(key), e.name, e.kind, e.country, e.sector, e.code, e.role) for key, e in first.items()])
    rows = conn.execute("SELECT key, id FROM actors WHERE key = ANY(%s)", [list(first)]).fetchall()
    return {key: int(actor_id) for key, actor_id in rows}


def _tally(tally: _ActorTally, ent: Entity) -> None:
    tally.mentions += len(ent.mentions)
    tally.names[ent.name] += 1
    tally.aliases.update(entity_forms(ent))
    for pair in entity_attrs(ent):
        tally.attrs[pair] = 1


def _merge(total: _ActorTally, doc: _ActorTally, published: str | None) -> None:
    total.mentions += doc.mentions
    total.docs += 1
    if published:
        total.published.append(published)
    total.aliases.update(doc.aliases)
    for alias in doc.aliases:
        total.aliases[alias] += 0
    total.names.update(doc.names)
    total.attrs.update(doc.attrs)


def update_actors(conn: psycopg.Connection[Any], tallies: dict[int, _ActorTally]) -> None:
    # Sorted by id so that concurrent loaders lock actor rows in the same order (no deadlock).
    order = sorted(tallies)
    with conn.cursor() as cur:
        cur.executemany(
            "UPDATE actors SET mention_count = mention_count + %s, doc_count = doc_count + %s,"
            " first_seen = LEAST(first_seen, %s), last_seen = GREATEST(last_seen, %s) WHERE id = %s",
            [(tallies[a].mentions, tallies[a].docs, min(tallies[a].published, default=None),
              max(tallies[a].published, default=None), a) for a in order])
        cur.executemany(
            "INSERT INTO actor_aliases AS x (actor_id, alias, count, name_count) VALUES (%s,%s,%s,%s)"
            " ON CONFLICT (actor_id, alias) DO UPDATE SET count = x.count + excluded.count,"
            " name_count = x.name_count + excluded.name_count",
            [(a, alias, n, tallies[a].names[alias]) for a in order for alias, n in sorted(tallies[a].aliases.items())])
        cur.executemany(
            "INSERT INTO actor_attrs AS x (actor_id, attr, value, count) VALUES (%s,%s,%s,%s)"
            " ON CONFLICT (actor_id, attr, value) DO UPDATE SET count = x.count + excluded.count",
            [(a, attr, value, n) for a in order for (attr, value), n in sorted(tallies[a].attrs.items())])
    conn.execute(_REFRESH_ACTORS, [order])


_REFRESH_ACTORS = refresh_actors_sql("id = ANY(%s)")


# --- facts --------------------------------------------------------------------------------------


def insert_events(conn: psycopg.Connection[Any], records: list[DocumentRecord], known: dict[str, set[str]]) -> None:
    rows: list[Row] = []
    links: list[Row] = []
    for r in records:
        doc_id, ids = r.document.id, known[r.document.id]
        for v in r.events:
            date = v.date
            start, end = (date.start, date.end) if date else (None, None)
            rows.append((doc_id, v.id, v.type, v.mode, v.modality, date.text if date else None, start, end,
                         v.place if v.place in ids else None, v.claim, v.confidence, v.trigger.start,
                         v.trigger.end, v.evidence.start, v.evidence.end, v.evidence.text,
                         *stored_days(start, end, r.document.published)))
            links.extend((doc_id, v.id, "source", e) for e in dict.fromkeys(v.source) if e in ids)
            links.extend((doc_id, v.id, "target", e) for e in dict.fromkeys(v.target) if e in ids)
    copy_rows(conn, "events", "doc_id, id, type, mode, modality, date_text, date_start, date_end, place, claim,"
              " confidence, trigger_start, trigger_end, evidence_start, evidence_end, evidence_text, day_first,"
              " day_last", rows)
    copy_rows(conn, "event_actors", "doc_id, event_id, role, entity_id", links)


def insert_claims(conn: psycopg.Connection[Any], records: list[DocumentRecord], known: dict[str, set[str]]) -> None:
    rows: list[Row] = []
    links: list[Row] = []
    for r in records:
        doc_id, ids = r.document.id, known[r.document.id]
        for c in r.claims:
            rows.append((doc_id, c.id, c.speaker if c.speaker in ids else None, c.via if c.via in ids else None,
                         c.stance, c.kind, c.cue, c.content.text, c.content.start, c.content.end,
                         c.evidence.start, c.evidence.end, c.evidence.text))
            links.extend((doc_id, c.id, e) for e in dict.fromkeys(c.about) if e in ids)
    copy_rows(conn, "claims", "doc_id, id, speaker, via, stance, kind, cue, text, content_start, content_end,"
              " evidence_start, evidence_end, evidence_text", rows)
    copy_rows(conn, "claim_about", "doc_id, claim_id, entity_id", links)


def insert_relations(conn: psycopg.Connection[Any], records: list[DocumentRecord],
                     known: dict[str, set[str]]) -> None:
    copy_rows(conn, "relations", "doc_id, id, type, source, target, modality, confidence, evidence_start,"
              " evidence_end, evidence_text",
              ((r.document.id, x.id, x.type, x.source, x.target, x.modality, x.confidence, x.evidence.start,
                x.evidence.end, x.evidence.text)
               for r in records for x in r.relations
               if x.source in known[r.document.id] and x.target in known[r.document.id]))


def insert_quantities(conn: psycopg.Connection[Any], records: list[DocumentRecord]) -> None:
    copy_rows(conn, "quantities", "doc_id, id, value, lower, upper, approximate, unit, currency, about, text,"
              ' start, "end", evidence_start, evidence_end',
              ((r.document.id, q.id, q.value, q.lower, q.upper, int(q.approximate), q.unit, q.currency, q.about,
                q.text, q.span.start, q.span.end, q.evidence.start, q.evidence.end)
               for r in records for q in r.quantities))


def insert_dates(conn: psycopg.Connection[Any], records: list[DocumentRecord]) -> None:
    copy_rows(conn, "dates", 'doc_id, idx, text, start, "end", granularity, relative, evidence_start,'
              " evidence_end",
              ((r.document.id, i, d.text, d.start, d.end, d.granularity, int(d.relative), d.evidence.start,
                d.evidence.end) for r in records for i, d in enumerate(r.dates)))
