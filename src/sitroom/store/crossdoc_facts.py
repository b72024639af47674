"""Reading the facts the cross-document layer decides on, out of either backend's tables.

The events, claims and relations of some documents, their entity ids resolved to cross-document
actors, as the flat records of :mod:`sitroom.resolve.contradictions` (which the decisions in
:mod:`sitroom.resolve.event_dedup` read too). The SQL is plain enough for SQLite and PostgreSQL
alike: a PostgreSQL store passes its connection wrapped in
:class:`~sitroom.store.pg_compat.QmarkConnection`, typed as ``sqlite3.Connection`` as in
:mod:`sitroom.store.sqlite_read`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sitroom.resolve import contradictions as cx

CHUNK = 400
"""Values per IN (...) list: well under SQLite's variable limit."""

Key = tuple[str, str]


@dataclass
class DocFacts:
    """The events, claims and relations of some documents, entities resolved to actors."""

    events: list[cx.EventFacts]
    claims: list[cx.ClaimFacts]
    relations: list[cx.RelationFacts]


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


# --- reading facts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FactFilter:
    """Which facts of the documents to read (None: all). The far side of a contradiction needs only
    one polarity, and of events only the types the new document's items speak about."""

    event_modalities: frozenset[str] | None = None
    event_types: frozenset[str] | None = None
    """Events of these types, and any event inside a claim (it decides how the claim is read)."""
    claim_stances: frozenset[str] | None = None
    relations: bool = True


EVERYTHING = FactFilter()
DENY_SIDE = FactFilter(event_modalities=cx.DENY_MODALITIES, claim_stances=frozenset({"deny"}), relations=False)


def assert_side(types: frozenset[str]) -> FactFilter:
    """What can be asserted about ``types`` (event and relation types; claims are read by their words)."""
    return FactFilter(event_modalities=cx.ASSERT_MODALITIES, event_types=types,
                      claim_stances=frozenset({"assert"}), relations=True)


def _values(pairs: Sequence[Key]) -> str:
    """The pairs as a joinable table ``w(d, e)`` (sqlite_read.entity_refs says why not ``IN (VALUES ...)``)."""
    return "WITH w(d, e) AS (VALUES " + ",".join("(?,?)" for _ in pairs) + ")"


def _flat(pairs: Sequence[Key]) -> list[str]:
    return [x for pair in pairs for x in pair]


def actors_of(conn: sqlite3.Connection, pairs: Iterable[Key]) -> dict[Key, cx.ItemActor]:
    """The actor (with what the state-organ rule needs) behind each (doc_id, entity_id)."""
    found: dict[Key, cx.ItemActor] = {}
    for chunk in _chunks(sorted(set(pairs)), CHUNK // 2):
        rows = conn.execute(
            f"{_values(chunk)} SELECT de.doc_id, de.entity_id, a.id, a.name, COALESCE(a.kind, de.kind),"
            " COALESCE(a.country, de.country), COALESCE(a.sector, de.sector) FROM w CROSS JOIN doc_entities de"
            " CROSS JOIN actors a WHERE de.doc_id = w.d AND de.entity_id = w.e AND a.id = de.actor_id",
            _flat(chunk))
        for doc_id, entity_id, actor_id, name, kind, country, sector in rows:
            found[(doc_id, entity_id)] = cx.ItemActor(actor_id, name, kind, country, sector, entity_id)
    return found


def _published(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for chunk in _chunks(sorted(set(doc_ids))):
        found.update(conn.execute(f"SELECT id, published FROM documents WHERE id IN ({_marks(len(chunk))})",
                                  list(chunk)).fetchall())
    return found


def _links(conn: sqlite3.Connection, table: str, key: str, columns: str,
           items: Sequence[Key]) -> list[tuple[Any, ...]]:
    """Rows of a link table (event_actors, claim_about) for the (doc_id, item id) pairs, in stored order."""
    rows: list[tuple[Any, ...]] = []
    for chunk in _chunks(sorted(set(items)), CHUNK // 2):
        rows += conn.execute(f"{_values(chunk)} SELECT x.rowid, {columns} FROM w CROSS JOIN {table} x"
                             f" WHERE x.doc_id = w.d AND x.{key} = w.e", _flat(chunk)).fetchall()
    return [r[1:] for r in sorted(rows)]


def _condition(column: str, values: frozenset[str] | None) -> tuple[str, list[str]]:
    if values is None:
        return "", []
    return f" AND {column} IN ({_marks(len(values)) or 'NULL'})", sorted(values)


_EVENT_COLUMNS = ("doc_id, id, type, modality, date_start, date_end, place, claim, evidence_start, evidence_end,"
                  " evidence_text")


def _event_rows(conn: sqlite3.Connection, doc_ids: Sequence[str], only: FactFilter) -> list[tuple[Any, ...]]:
    modality, modality_params = _condition("modality", only.event_modalities)
    types, type_params = _condition("type", only.event_types)
    if types:
        types = f" AND ({types[5:]} OR claim IS NOT NULL)"
    rows: list[tuple[Any, ...]] = []
    for chunk in _chunks(doc_ids):
        rows += conn.execute(f"SELECT rowid, {_EVENT_COLUMNS} FROM events WHERE doc_id IN ({_marks(len(chunk))})"
                             f"{modality}{types}", [*chunk, *modality_params, *type_params]).fetchall()
    return [r[1:] for r in sorted(rows)]


def _events_by_key(conn: sqlite3.Connection, keys: Sequence[Key]) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for chunk in _chunks(sorted(set(keys)), CHUNK // 2):
        rows += conn.execute(f"{_values(chunk)} SELECT x.rowid, {', '.join('x.' + c for c in _EVENT_COLUMNS.split(', '))}"
                             " FROM w CROSS JOIN events x WHERE x.doc_id = w.d AND x.id = w.e", _flat(chunk)).fetchall()
    return [r[1:] for r in sorted(rows)]


def _event_facts(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> list[cx.EventFacts]:
    sides: dict[Key, dict[str, list[str]]] = {}
    for d, v, role, e in _links(conn, "event_actors", "event_id", "x.doc_id, x.event_id, x.role, x.entity_id",
                                [(r[0], r[1]) for r in rows]):
        sides.setdefault((d, v), {"source": [], "target": []})[role].append(e)
    wanted = [(d, e) for (d, _), side in sides.items() for ids in side.values() for e in ids]
    actors = actors_of(conn, wanted + [(r[0], r[6]) for r in rows if r[6]])
    published = _published(conn, {r[0] for r in rows})
    facts = []
    for d, i, type_, modality, start, end, place, claim, es, ee, ev in rows:
        side = sides.get((d, i), {"source": [], "target": []})
        place_actor = actors.get((d, place)) if place else None
        facts.append(cx.EventFacts(
            doc_id=d, id=i, type=type_, modality=modality,
            source=tuple(actors[(d, e)] for e in side["source"] if (d, e) in actors),
            target=tuple(actors[(d, e)] for e in side["target"] if (d, e) in actors),
            evidence_start=es, evidence_end=ee, evidence_text=ev, published=published.get(d),
            date_start=start, date_end=end, place=place_actor.actor_id if place_actor else None,
            claim_id=claim))
    return facts


def load_events(conn: sqlite3.Connection, doc_ids: Sequence[str], only: FactFilter = EVERYTHING) -> list[cx.EventFacts]:
    """The events of ``doc_ids`` (those ``only`` lets through) as :class:`EventFacts`, in stored order."""
    return _event_facts(conn, _event_rows(conn, doc_ids, only))


def load_events_by_key(conn: sqlite3.Connection, keys: Sequence[Key]) -> list[cx.EventFacts]:
    """The events with these (doc_id, event_id) keys, in stored order."""
    return _event_facts(conn, _events_by_key(conn, keys))


def _claims(conn: sqlite3.Connection, doc_ids: Sequence[str], only: FactFilter) -> list[cx.ClaimFacts]:
    stance, params = _condition("stance", only.claim_stances)
    rows: list[tuple[Any, ...]] = []
    for chunk in _chunks(doc_ids):
        rows += conn.execute(
            "SELECT rowid, doc_id, id, stance, text, speaker, via, evidence_start, evidence_end, evidence_text"
            f" FROM claims WHERE doc_id IN ({_marks(len(chunk))}){stance}", [*chunk, *params]).fetchall()
    rows = [r[1:] for r in sorted(rows)]
    about: dict[Key, list[str]] = {}
    for d, c, e in _links(conn, "claim_about", "claim_id", "x.doc_id, x.claim_id, x.entity_id",
                          [(r[0], r[1]) for r in rows]):
        about.setdefault((d, c), []).append(e)
    wanted = [(d, e) for (d, _), ents in about.items() for e in ents]
    actors = actors_of(conn, wanted + [(r[0], e) for r in rows for e in (r[4], r[5]) if e])
    published = _published(conn, {r[0] for r in rows})
    return [cx.ClaimFacts(
        doc_id=d, id=i, stance=stance_, text=text,
        about=tuple(actors[(d, e)] for e in about.get((d, i), []) if (d, e) in actors),
        evidence_start=es, evidence_end=ee, evidence_text=ev, published=published.get(d),
        speaker=actors.get((d, speaker)) if speaker else None, via=actors.get((d, via)) if via else None)
        for d, i, stance_, text, speaker, via, es, ee, ev in rows]


def _relations(conn: sqlite3.Connection, doc_ids: Sequence[str], only: FactFilter) -> list[cx.RelationFacts]:
    if not only.relations:
        return []
    types, params = _condition("type", only.event_types)
    rows: list[tuple[Any, ...]] = []
    for chunk in _chunks(doc_ids):
        rows += conn.execute(
            "SELECT rowid, doc_id, id, type, modality, source, target, evidence_start, evidence_end, evidence_text"
            f" FROM relations WHERE doc_id IN ({_marks(len(chunk))}){types}", [*chunk, *params]).fetchall()
    rows = [r[1:] for r in sorted(rows)]
    actors = actors_of(conn, [(r[0], e) for r in rows for e in (r[4], r[5])])
    published = _published(conn, {r[0] for r in rows})
    return [cx.RelationFacts(d, i, type_, modality, actors[(d, source)], actors[(d, target)], es, ee, ev,
                             published.get(d))
            for d, i, type_, modality, source, target, es, ee, ev in rows
            if (d, source) in actors and (d, target) in actors]


def load_facts(conn: sqlite3.Connection, doc_ids: Sequence[str], only: FactFilter = EVERYTHING) -> DocFacts:
    """What contradiction finding reads about ``doc_ids`` (the part ``only`` asks for)."""
    if not doc_ids:
        return DocFacts([], [], [])
    return DocFacts(load_events(conn, doc_ids, only), _claims(conn, doc_ids, only),
                    _relations(conn, doc_ids, only))


def items_of(facts: DocFacts) -> list[cx.Item]:
    by_doc: dict[str, DocFacts] = {}
    for v in facts.events:
        by_doc.setdefault(v.doc_id, DocFacts([], [], [])).events.append(v)
    for c in facts.claims:
        by_doc.setdefault(c.doc_id, DocFacts([], [], [])).claims.append(c)
    for r in facts.relations:
        by_doc.setdefault(r.doc_id, DocFacts([], [], [])).relations.append(r)
    return [item for f in by_doc.values() for item in cx.document_items(f.events, f.claims, f.relations)]
