"""Writing one document record into the SQLite schema (called inside the store's transaction).

Rows go in with ``executemany`` per table; entities are mapped to cross-document actors (created on
first sight) and each touched actor's counts, aliases and majority attributes are updated. Links to
entity ids that the record does not define (an upstream bug) are dropped rather than failing the
whole document on a foreign key.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sitroom.records import DocumentRecord, Entity
from sitroom.resolve.event_dedup import stored_days
from sitroom.resolve.identity import actor_key, key_name
from sitroom.store.actor_sql import entity_attrs, entity_forms, refresh_actors_sql

EVENT_COLUMNS = ("doc_id, id, type, mode, modality, date_text, date_start, date_end, place, claim, confidence,"
                 " trigger_start, trigger_end, evidence_start, evidence_end, evidence_text, day_first, day_last")


@dataclass
class _ActorTally:
    """What one document contributes to one actor."""

    mentions: int = 0
    aliases: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    attrs: set[tuple[str, str]] = field(default_factory=set)


def is_stored(conn: sqlite3.Connection, doc_id: str, content_hash: str) -> bool:
    row = conn.execute("SELECT 1 FROM documents WHERE id = ? OR content_hash = ? LIMIT 1",
                       (doc_id, content_hash)).fetchone()
    return row is not None


def insert_record(conn: sqlite3.Connection, record: DocumentRecord, content_hash: str, raw_json: str) -> None:
    """Insert every part of ``record``; the caller owns the transaction."""
    doc_id = record.document.id
    insert_document(conn, record, content_hash, raw_json)
    insert_sentences(conn, record)
    insert_entities(conn, record)
    known = {e.id for e in record.entities}
    insert_events(conn, doc_id, record, known)
    insert_claims(conn, doc_id, record, known)
    insert_relations(conn, doc_id, record, known)
    insert_quantities(conn, doc_id, record)
    insert_dates(conn, doc_id, record)


def insert_document(conn: sqlite3.Connection, record: DocumentRecord, content_hash: str, raw_json: str) -> None:
    d = record.document
    conn.execute(
        "INSERT INTO documents (id, content_hash, title, published, published_inferred, source, url, author,"
        " language, origin, model, text, record_json, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (d.id, content_hash, d.title, d.published, int(d.published_inferred), d.source, d.url, d.author,
         d.language, d.origin, record.model, d.text, raw_json, datetime.now(UTC).isoformat(timespec="seconds")),
    )


def insert_sentences(conn: sqlite3.Connection, record: DocumentRecord) -> None:
    text = record.document.text
    conn.executemany(
        'INSERT INTO sentences (doc_id, idx, start, "end", text) VALUES (?,?,?,?,?)',
        [(record.document.id, i, s.start, s.end, text[s.start:s.end]) for i, s in enumerate(record.sentences)],
    )


def insert_entities(conn: sqlite3.Connection, record: DocumentRecord) -> None:
    """doc_entities + mentions, mapping each entity to an actor and updating the actor table."""
    doc_id = record.document.id
    tallies: dict[int, _ActorTally] = {}
    rows: list[tuple[object, ...]] = []
    mentions: list[tuple[object, ...]] = []
    for ent in record.entities:
        actor_id = _actor_id(conn, ent)
        rows.append((doc_id, ent.id, actor_id, ent.name, ent.kind, ent.country, ent.sector, ent.code,
                     ent.role, len(ent.mentions)))
        mentions.extend((doc_id, ent.id, m.start, m.end, m.text) for m in ent.mentions)
        _tally(tallies.setdefault(actor_id, _ActorTally()), ent)
    conn.executemany("INSERT INTO doc_entities VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    conn.executemany('INSERT INTO mentions (doc_id, entity_id, start, "end", text) VALUES (?,?,?,?,?)', mentions)
    _update_actors(conn, tallies, record.document.published)


def _actor_id(conn: sqlite3.Connection, ent: Entity) -> int:
    """The id of the actor ``ent`` belongs to, creating the actor on first sight."""
    key = actor_key(ent.name, ent.kind, ent.country)
    row = conn.execute("SELECT id FROM actors WHERE key = ?", (key,)).fetchone()
    if row is not None:
        return int(row[0])
    cur = conn.execute(
        "INSERT INTO actors (key, norm, name, kind, country, sector, code, role) VALUES (?,?,?,?,?,?,?,?)",
        (key, key_name(key), ent.name, ent.kind, ent.country, ent.sector, ent.code, ent.role),
    )
    return int(cur.lastrowid or 0)


def _tally(tally: _ActorTally, ent: Entity) -> None:
    tally.mentions += len(ent.mentions)
    tally.names[ent.name] += 1
    tally.aliases.update(entity_forms(ent))
    tally.attrs.update(entity_attrs(ent))


def _update_actors(conn: sqlite3.Connection, tallies: dict[int, _ActorTally], published: str | None) -> None:
    conn.executemany(
        "UPDATE actors SET mention_count = mention_count + :n, doc_count = doc_count + 1,"
        " first_seen = CASE WHEN :pub IS NULL THEN first_seen"
        "   WHEN first_seen IS NULL OR :pub < first_seen THEN :pub ELSE first_seen END,"
        " last_seen = CASE WHEN :pub IS NULL THEN last_seen"
        "   WHEN last_seen IS NULL OR :pub > last_seen THEN :pub ELSE last_seen END"
        " WHERE id = :id",
        [{"n": t.mentions, "pub": published, "id": actor_id} for actor_id, t in tallies.items()],
    )
    conn.executemany(
        "INSERT INTO actor_aliases (actor_id, alias, count, name_count) VALUES (?,?,?,?)"
        " ON CONFLICT (actor_id, alias) DO UPDATE SET count = count + excluded.count,"
        " name_count = name_count + excluded.name_count",
        [(actor_id, alias, n, t.names[alias]) for actor_id, t in tallies.items() for alias, n in t.aliases.items()],
    )
    conn.executemany(
        "INSERT INTO actor_attrs (actor_id, attr, value, count) VALUES (?,?,?,1)"
        " ON CONFLICT (actor_id, attr, value) DO UPDATE SET count = count + 1",
        [(actor_id, attr, value) for actor_id, t in tallies.items() for attr, value in t.attrs],
    )
    conn.executemany(_REFRESH_ACTOR, [(actor_id,) for actor_id in tallies])


_REFRESH_ACTOR = refresh_actors_sql("id = ?")


def insert_events(conn: sqlite3.Connection, doc_id: str, record: DocumentRecord, known: set[str]) -> None:
    rows: list[tuple[object, ...]] = []
    links: list[tuple[object, ...]] = []
    for v in record.events:
        date = v.date
        start, end = (date.start, date.end) if date else (None, None)
        rows.append((doc_id, v.id, v.type, v.mode, v.modality, date.text if date else None, start, end,
                     v.place if v.place in known else None, v.claim, v.confidence, v.trigger.start,
                     v.trigger.end, v.evidence.start, v.evidence.end, v.evidence.text,
                     *stored_days(start, end, record.document.published)))
        links.extend((doc_id, v.id, "source", e) for e in dict.fromkeys(v.source) if e in known)
        links.extend((doc_id, v.id, "target", e) for e in dict.fromkeys(v.target) if e in known)
    marks = ",".join("?" * len(EVENT_COLUMNS.split(",")))
    conn.executemany(f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({marks})", rows)
    conn.executemany("INSERT INTO event_actors VALUES (?,?,?,?)", links)


def insert_claims(conn: sqlite3.Connection, doc_id: str, record: DocumentRecord, known: set[str]) -> None:
    rows: list[tuple[object, ...]] = []
    links: list[tuple[object, ...]] = []
    for c in record.claims:
        rows.append((doc_id, c.id, c.speaker if c.speaker in known else None, c.via if c.via in known else None,
                     c.stance, c.kind, c.cue, c.content.text, c.content.start, c.content.end,
                     c.evidence.start, c.evidence.end, c.evidence.text))
        links.extend((doc_id, c.id, e) for e in dict.fromkeys(c.about) if e in known)
    conn.executemany(f"INSERT INTO claims VALUES ({','.join('?' * 13)})", rows)
    conn.executemany("INSERT INTO claim_about VALUES (?,?,?)", links)


def insert_relations(conn: sqlite3.Connection, doc_id: str, record: DocumentRecord, known: set[str]) -> None:
    conn.executemany(
        f"INSERT INTO relations VALUES ({','.join('?' * 10)})",
        [(doc_id, r.id, r.type, r.source, r.target, r.modality, r.confidence, r.evidence.start,
          r.evidence.end, r.evidence.text)
         for r in record.relations if r.source in known and r.target in known],
    )


def insert_quantities(conn: sqlite3.Connection, doc_id: str, record: DocumentRecord) -> None:
    conn.executemany(
        f"INSERT INTO quantities VALUES ({','.join('?' * 14)})",
        [(doc_id, q.id, q.value, q.lower, q.upper, int(q.approximate), q.unit, q.currency, q.about, q.text,
          q.span.start, q.span.end, q.evidence.start, q.evidence.end) for q in record.quantities],
    )


def insert_dates(conn: sqlite3.Connection, doc_id: str, record: DocumentRecord) -> None:
    conn.executemany(
        f"INSERT INTO dates VALUES ({','.join('?' * 9)})",
        [(doc_id, i, d.text, d.start, d.end, d.granularity, int(d.relative), d.evidence.start, d.evidence.end)
         for i, d in enumerate(record.dates)],
    )
