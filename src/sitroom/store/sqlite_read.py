"""Queries over the SQLite schema: search, actors, profiles, events, claims, stats.

Every function takes an open connection and returns the row dataclasses of
:mod:`sitroom.store.base`. Actor names are resolved once (:func:`match_actors`) and the queries
then filter on actor ids through ``doc_entities``.
"""

from __future__ import annotations

import difflib
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sitroom.errors import NotFound
from sitroom.resolve.identity import actor_key, country_code, normalise_name
from sitroom.store.base import (
    ELLIPSIS,
    MARK_END,
    MARK_START,
    ActorProfile,
    ActorRef,
    ActorSummary,
    ClaimRow,
    DocRef,
    EventReport,
    EventRow,
    RelationRow,
    SearchHit,
)
from sitroom.store.fts import fts_query

PROFILE_LIMIT = 200
"""Rows per list in a profile; enough for a page, the full lists are one events()/claims() call away."""

_ACTOR_COLUMNS = ("id, name, kind, country, sector, code, role, mention_count, doc_count, first_seen,"
                  " last_seen")
Pair = tuple[str, str]
NO_LIMIT = 2**62
"""LIMIT for "every row": SQLite also takes -1, PostgreSQL (which runs these queries too) does not."""


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    tables = {"documents": "documents", "sentences": "sentences", "actors": "actors",
              "entities": "doc_entities", "mentions": "mentions", "events": "events", "claims": "claims",
              "relations": "relations", "quantities": "quantities", "dates": "dates"}
    return {name: int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for name, table in tables.items()}


RANK_CAP = 2000
"""Matches ranked per search: the newest this many (by sentence rowid, i.e. the most recently
stored). bm25 must score every match before the first hit can be returned, which for a word in
100,000 sentences costs 70-100 ms; 2,000 cost a few ms and are more than anyone pages through.
Among that many matches of short sentences bm25 differs little, so preferring recent reports is
the sensible tie-break for news; a query matching fewer sentences is ranked in full."""


def search(conn: sqlite3.Connection, text: str, limit: int, offset: int) -> list[SearchHit]:
    query = fts_query(text)
    if query is None:
        return []
    # The rowid of the cap-th newest match (walking the doclist backwards, no scoring); when there
    # are fewer matches there is no floor.
    floor = conn.execute(
        "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        (query, max(RANK_CAP, offset + limit) - 1)).fetchone()
    rows = conn.execute(
        "SELECT s.doc_id, d.title, d.published, s.idx, s.start, s.\"end\","
        " snippet(sentences_fts, 0, ?, ?, ?, 24), bm25(sentences_fts) AS rank"
        " FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid"
        " JOIN documents d ON d.id = s.doc_id"
        " WHERE sentences_fts MATCH ? AND sentences_fts.rowid >= ? ORDER BY rank, s.rowid LIMIT ? OFFSET ?",
        (MARK_START, MARK_END, ELLIPSIS, query, floor[0] if floor else 0, limit, offset),
    ).fetchall()
    return [SearchHit(*row) for row in rows]


# --- actors -----------------------------------------------------------------------------------


def _summary(row: Iterable[Any]) -> ActorSummary:
    return ActorSummary(*row)


def list_actors(conn: sqlite3.Connection, kind: str | None, country: str | None, sector: str | None,
                top: int | None, offset: int) -> list[ActorSummary]:
    where, params = _where({"kind = ?": kind, "country = ?": country and country.upper(),
                            "sector = ?": sector and sector.upper()})
    params += [top if top is not None else NO_LIMIT, offset]
    rows = conn.execute(f"SELECT {_ACTOR_COLUMNS} FROM actors {where}"
                        " ORDER BY mention_count DESC, doc_count DESC, name LIMIT ? OFFSET ?", params)
    return [_summary(r) for r in rows]


def match_actors(conn: sqlite3.Connection, name: str) -> list[ActorSummary]:
    """Actors known by ``name``: any alias (case-insensitive), the display name or the identity key.

    Most mentioned first. Empty when nothing matches.
    """
    norm = normalise_name(name)
    keys = {actor_key(name, kind) for kind in ("organization", "person", "place", "country")}
    code = country_code(name)
    if code:
        keys.add(f"country:{code}")
    marks = ",".join("?" * len(keys))
    rows = conn.execute(
        f"SELECT {_ACTOR_COLUMNS} FROM actors WHERE id IN ("
        " SELECT actor_id FROM actor_aliases WHERE lower(alias) = lower(?)"
        " UNION SELECT id FROM actors WHERE lower(name) = lower(?) OR norm = ?"
        f" UNION SELECT id FROM actors WHERE key IN ({marks}))"
        " ORDER BY mention_count DESC, doc_count DESC, id",
        [name.strip(), name.strip(), norm, *sorted(keys)],
    )
    return [_summary(r) for r in rows]


def actor_ids(conn: sqlite3.Connection, name: str) -> list[int]:
    """Ids of the actors ``name`` matches; raises NotFound (with suggestions) when there are none."""
    found = match_actors(conn, name)
    if not found:
        raise NotFound(_not_found_message(conn, name))
    return [a.id for a in found]


def _not_found_message(conn: sqlite3.Connection, name: str) -> str:
    # Candidates are every alias and every key name ("volkov" for "the Volkov Group", so a typo of
    # the short form still finds the long one); the most used come first and the cap keeps difflib
    # fast on big stores.
    candidates: dict[str, str] = {}
    for alias, display in conn.execute(
            "SELECT lower(alias), min(alias) FROM actor_aliases GROUP BY lower(alias) ORDER BY sum(count) DESC"
            " LIMIT 20000"):
        candidates.setdefault(alias, display)
    for norm, display in conn.execute("SELECT norm, name FROM actors ORDER BY mention_count DESC LIMIT 20000"):
        candidates.setdefault(norm, display)
    close = difflib.get_close_matches(name.lower().strip(), list(candidates), n=8, cutoff=0.6)
    suggestions = list(dict.fromkeys(candidates[c] for c in close))[:5]
    if suggestions:
        return f"no actor named {name!r}; did you mean: {', '.join(suggestions)}?"
    return f"no actor named {name!r} ({len(candidates)} names known; list them with `sitroom actors`)"


def actor_profile(conn: sqlite3.Connection, name_or_id: str | int) -> ActorProfile:
    matches = _by_id(conn, name_or_id) or match_actors(conn, str(name_or_id))
    if not matches:
        raise NotFound(_not_found_message(conn, str(name_or_id)))
    actor, others = matches[0], matches[1:]
    ids = [actor.id]
    return ActorProfile(
        actor=actor,
        aliases=_pairs(conn, "SELECT alias, count FROM actor_aliases WHERE actor_id = ?"
                             " ORDER BY count DESC, name_count DESC, alias", actor.id),
        kinds=_pairs(conn, "SELECT value, count FROM actor_attrs WHERE actor_id = ? AND attr = 'kind'"
                           " ORDER BY count DESC, value", actor.id),
        codes=_pairs(conn, "SELECT value, count FROM actor_attrs WHERE actor_id = ? AND attr = 'code'"
                           " ORDER BY count DESC, value", actor.id),
        documents=_documents_of(conn, actor.id),
        events_as_source=query_events(conn, EventFilter(actor_ids=ids, role="source"), PROFILE_LIMIT, 0),
        events_as_target=query_events(conn, EventFilter(actor_ids=ids, role="target"), PROFILE_LIMIT, 0),
        claims_by=query_claims(conn, ClaimFilter(speaker_ids=ids), PROFILE_LIMIT, 0),
        claims_about=query_claims(conn, ClaimFilter(about_ids=ids), PROFILE_LIMIT, 0),
        relations=relations_of(conn, actor.id),
        also_matches=others,
    )


def _by_id(conn: sqlite3.Connection, name_or_id: str | int) -> list[ActorSummary]:
    if isinstance(name_or_id, str) and not name_or_id.strip().isdigit():
        return []
    row = conn.execute(f"SELECT {_ACTOR_COLUMNS} FROM actors WHERE id = ?", (int(name_or_id),)).fetchone()
    return [_summary(row)] if row else []


def _pairs(conn: sqlite3.Connection, sql: str, actor_id: int) -> list[tuple[str, int]]:
    return [(str(a), int(b)) for a, b in conn.execute(sql, (actor_id,))]


def _documents_of(conn: sqlite3.Connection, actor_id: int) -> list[DocRef]:
    # The page is chosen from the covering indexes (doc_entities_actor_docs, documents_id_published)
    # before any wide documents row is read: a hub actor is in thousands of documents.
    rows = conn.execute(
        "SELECT d.id, d.title, d.published, p.n FROM (SELECT de.doc_id, sum(de.mention_count) AS n,"
        " min(x.published) AS pub, min(x.rowid) AS r FROM doc_entities de CROSS JOIN documents x"
        " WHERE de.actor_id = ? AND x.id = de.doc_id GROUP BY de.doc_id ORDER BY pub, r LIMIT ?) AS p"
        " JOIN documents d ON d.id = p.doc_id ORDER BY p.pub, p.r", (actor_id, PROFILE_LIMIT))
    return [DocRef(*r) for r in rows]


def _values(chunk: list[Pair]) -> str:
    """``WITH w(d, e) AS (VALUES (?,?), ...)``: the pairs as a table to join (module docstring of
    :func:`entity_refs`: SQLite answers ``(a, b) IN (VALUES ...)`` with a full scan)."""
    return "WITH w(d, e) AS (VALUES " + ",".join("(?,?)" for _ in chunk) + ")"


def entity_refs(conn: sqlite3.Connection, pairs: Iterable[Pair]) -> dict[Pair, ActorRef]:
    """The actor behind each (doc_id, entity_id).

    The pairs are a ``WITH ... VALUES`` table joined to ``doc_entities`` by its primary key: the
    ``(doc_id, entity_id) IN (VALUES ...)`` form it replaces was answered by a full scan of
    ``doc_entities`` once the store had statistics (1.2 s against 10 ms for 300 pairs, 100,000 events).
    ``CROSS JOIN`` keeps SQLite's join order (pairs first); PostgreSQL reads it as a plain join.
    """
    wanted = sorted(set(pairs))
    found: dict[Pair, ActorRef] = {}
    for chunk in _chunks(wanted, 400):
        rows = conn.execute(
            f"{_values(chunk)} SELECT de.doc_id, de.entity_id, a.id, a.name FROM w CROSS JOIN doc_entities de"
            " CROSS JOIN actors a WHERE de.doc_id = w.d AND de.entity_id = w.e AND a.id = de.actor_id",
            [x for pair in chunk for x in pair])
        found.update({(d, e): ActorRef(a, n) for d, e, a, n in rows})
    return found


def _chunks(items: list[Pair], size: int) -> Iterable[list[Pair]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def relations_of(conn: sqlite3.Connection, actor_id: int) -> list[RelationRow]:
    rows = conn.execute(
        "SELECT r.doc_id, r.id, r.type, r.source, r.target, r.modality, r.confidence, r.evidence_text"
        " FROM relations r JOIN doc_entities s ON s.doc_id = r.doc_id AND s.entity_id = r.source"
        " JOIN doc_entities t ON t.doc_id = r.doc_id AND t.entity_id = r.target"
        " WHERE s.actor_id = ?1 OR t.actor_id = ?1 ORDER BY r.doc_id, r.rowid LIMIT ?2",
        (actor_id, PROFILE_LIMIT)).fetchall()
    refs = entity_refs(conn, [(r[0], r[3]) for r in rows] + [(r[0], r[4]) for r in rows])
    return [RelationRow(d, i, t, refs[(d, s)], refs[(d, g)], m, c, ev) for d, i, t, s, g, m, c, ev in rows]


# --- events and claims --------------------------------------------------------------------------


@dataclass
class EventFilter:
    """Resolved filters for :func:`query_events` (names already turned into actor ids)."""

    type: str | None = None
    actor_ids: list[int] | None = None
    role: str | None = None
    """``source`` or ``target`` to restrict ``actor_ids`` to one side; None for either."""
    place_ids: list[int] | None = None
    since: str | None = None
    until: str | None = None
    modality: str | None = None


def _where(conditions: dict[str, Any]) -> tuple[str, list[Any]]:
    """``WHERE a AND b`` over the conditions whose parameter is not None."""
    used = {sql: value for sql, value in conditions.items() if value is not None}
    params: list[Any] = []
    for value in used.values():
        params.extend(value if isinstance(value, tuple) else (value,))
    return ("WHERE " + " AND ".join(used)) if used else "", params


def _in(ids: list[int] | None) -> str:
    return ",".join(str(int(i)) for i in ids or [])


def _event_source(f: EventFilter) -> tuple[str, list[Any]]:
    """The FROM clause: every event, or (actor filter) only the actor's, driven from the actor.

    An event naming the actor twice comes twice; the cluster ranking keeps one row.
    """
    if f.actor_ids is None:
        return "events e", []
    role = " AND ea.role = ?" if f.role else ""
    return ("(SELECT ea.doc_id, ea.event_id FROM doc_entities de CROSS JOIN event_actors ea"
            f" WHERE de.actor_id IN ({_in(f.actor_ids)}) AND ea.doc_id = de.doc_id AND ea.entity_id = de.entity_id"
            f"{role}) AS w CROSS JOIN events e", [f.role] if f.role else [])


def query_events(conn: sqlite3.Connection, f: EventFilter, limit: int, offset: int) -> list[EventRow]:
    """One row per event cluster passing the filters, by date; see :func:`_event_page`."""
    page = _event_page(conn, f, limit, offset)
    return _event_rows(conn, _event_details(conn, page))


def _event_page(conn: sqlite3.Connection, f: EventFilter, limit: int, offset: int) -> list[int]:
    """The rowids of the events on the page, in order.

    One row per event cluster (reports of one happening, sitroom.resolve.event_dedup): the first
    stored report that passes the filters stands for it. Only narrow columns (all in covering
    indexes of migration 0003) are ranked and sorted here; the wide rows of the page alone are read
    afterwards, so a hub actor's 20,000 events cost a sort of keys, not of evidence sentences.
    """
    source, source_params = _event_source(f)
    joined = " AND e.doc_id = w.doc_id AND e.id = w.event_id" if f.actor_ids is not None else ""
    # Open-ended ISO prefixes compare by overlap: '~' sorts after every digit and '-'.
    where, params = _where({
        "d.id = e.doc_id": (),
        "e.type = ?": f.type and f.type.upper(),
        "e.modality = ?": f.modality and f.modality.lower(),
        "COALESCE(e.date_end, e.date_start, d.published) || '~' >= ?": f.since,
        "COALESCE(e.date_start, d.published) <= ? || '~'": f.until,
        ("(e.doc_id, e.place) IN (SELECT pe.doc_id, pe.entity_id FROM doc_entities pe"
         f" WHERE pe.actor_id IN ({_in(f.place_ids)}))"): () if f.place_ids is not None else None,
    })
    rows = conn.execute(
        "SELECT event_rowid FROM (SELECT e.rowid AS event_rowid, e.doc_id,"
        " COALESCE(e.date_start, d.published) AS sort_date,"
        " row_number() OVER (PARTITION BY COALESCE(m.cluster_id, -e.rowid) ORDER BY d.rowid, e.rowid) AS nth"
        f" FROM {source} CROSS JOIN documents d"
        " LEFT JOIN event_cluster_members m ON m.doc_id = e.doc_id AND m.event_id = e.id"
        f" {where}{joined}) AS ranked WHERE nth = 1"  # PostgreSQL (< 16) needs the alias
        " ORDER BY sort_date, doc_id, event_rowid LIMIT ? OFFSET ?",
        [*source_params, *params, limit, offset]).fetchall()
    return [int(r[0]) for r in rows]


def _event_details(conn: sqlite3.Connection, rowids: list[int]) -> list[Any]:
    """The full rows of the events ``rowids``, in that order."""
    if not rowids:
        return []
    rows = conn.execute(
        "SELECT e.rowid, e.doc_id, e.id, e.type, e.mode, e.modality, e.date_text, e.date_start, e.date_end,"
        " d.published, e.place, e.confidence, e.evidence_text, e.evidence_start, e.evidence_end, m.cluster_id"
        " FROM events e JOIN documents d ON d.id = e.doc_id"
        " LEFT JOIN event_cluster_members m ON m.doc_id = e.doc_id AND m.event_id = e.id"
        f" WHERE e.rowid IN ({_in(rowids)})").fetchall()
    by_rowid = {r[0]: r[1:] for r in rows}
    return [by_rowid[i] for i in rowids if i in by_rowid]


def _event_rows(conn: sqlite3.Connection, rows: list[Any]) -> list[EventRow]:
    links: dict[Pair, list[tuple[str, str]]] = {}
    for chunk in _chunks(sorted({(r[0], r[1]) for r in rows}), 400):
        for doc_id, event_id, role, entity_id in conn.execute(
                f"{_values(chunk)} SELECT ea.doc_id, ea.event_id, ea.role, ea.entity_id FROM w"
                " CROSS JOIN event_actors ea WHERE ea.doc_id = w.d AND ea.event_id = w.e ORDER BY ea.rowid",
                [x for pair in chunk for x in pair]):
            links.setdefault((doc_id, event_id), []).append((role, entity_id))
    wanted = [(d, e) for (d, _), pairs in links.items() for _, e in pairs]
    refs = entity_refs(conn, wanted + [(r[0], r[9]) for r in rows if r[9]])
    reports = event_reports(conn, [r[14] for r in rows if r[14] is not None])
    result = []
    for (doc_id, event_id, type_, mode, modality, dtext, dstart, dend, pub, place, conf, ev, es, ee,
         cluster_id) in rows:
        sides = links.get((doc_id, event_id), [])
        cluster = reports.get(cluster_id, []) if cluster_id is not None else []
        result.append(EventRow(
            doc_id=doc_id, id=event_id, type=type_, mode=mode, modality=modality, date_text=dtext,
            date_start=dstart, date_end=dend, published=pub,
            source=[refs[(doc_id, e)] for r, e in sides if r == "source"],
            target=[refs[(doc_id, e)] for r, e in sides if r == "target"],
            place=refs.get((doc_id, place)) if place else None, confidence=conf, evidence=ev,
            evidence_start=es, evidence_end=ee, cluster_id=cluster_id,
            source_count=len({r.doc_id for r in cluster}) or 1,
            reports=_own_first(cluster, doc_id, event_id)))
    return result


def event_reports(conn: sqlite3.Connection, cluster_ids: Iterable[int]) -> dict[int, list[EventReport]]:
    """Every report of each cluster, oldest document first."""
    ids = sorted(set(cluster_ids))
    found: dict[int, list[EventReport]] = {}
    for lo in range(0, len(ids), 400):
        chunk = ids[lo:lo + 400]
        rows = conn.execute(
            "SELECT m.cluster_id, e.doc_id, e.id, e.modality, d.published, e.evidence_text, e.evidence_start,"
            " e.evidence_end FROM event_cluster_members m JOIN events e ON e.doc_id = m.doc_id AND e.id = m.event_id"
            f" JOIN documents d ON d.id = e.doc_id WHERE m.cluster_id IN ({','.join('?' * len(chunk))})"
            " ORDER BY d.rowid, e.rowid", list(chunk))
        for cid, *rest in rows:
            found.setdefault(cid, []).append(EventReport(*rest))
    return found


def _own_first(reports: list[EventReport], doc_id: str, event_id: str) -> list[EventReport]:
    return sorted(reports, key=lambda r: (r.doc_id, r.id) != (doc_id, event_id))


@dataclass
class ClaimFilter:
    """Resolved filters for :func:`query_claims`."""

    speaker_ids: list[int] | None = None
    via_ids: list[int] | None = None
    about_ids: list[int] | None = None
    stance: str | None = None
    kind: str | None = None


def _entity_is(column: str, ids: list[int] | None) -> tuple[str, tuple[()] | None]:
    sql = (f"(c.doc_id, {column}) IN (SELECT x.doc_id, x.entity_id FROM doc_entities x"
           f" WHERE x.actor_id IN ({_in(ids)}))")
    return sql, (() if ids is not None else None)


def query_claims(conn: sqlite3.Connection, f: ClaimFilter, limit: int, offset: int) -> list[ClaimRow]:
    speaker, via = _entity_is("c.speaker", f.speaker_ids), _entity_is("c.via", f.via_ids)
    about = ("(c.doc_id, c.id) IN (SELECT ca.doc_id, ca.claim_id FROM doc_entities x JOIN claim_about ca"
             " ON ca.doc_id = x.doc_id AND ca.entity_id = x.entity_id"
             f" WHERE x.actor_id IN ({_in(f.about_ids)}))")
    where, params = _where({
        "c.stance = ?": f.stance and f.stance.lower(), "c.kind = ?": f.kind and f.kind.lower(),
        speaker[0]: speaker[1], via[0]: via[1], about: () if f.about_ids is not None else None,
    })
    rows = conn.execute(
        "SELECT c.doc_id, c.id, c.speaker, c.via, c.stance, c.kind, c.cue, c.text, d.published,"
        " c.evidence_text, c.evidence_start, c.evidence_end"
        f" FROM claims c JOIN documents d ON d.id = c.doc_id {where}"
        " ORDER BY d.published, c.doc_id, c.rowid LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return _claim_rows(conn, rows)


def _claim_rows(conn: sqlite3.Connection, rows: list[Any]) -> list[ClaimRow]:
    about: dict[Pair, list[str]] = {}
    for chunk in _chunks(sorted({(r[0], r[1]) for r in rows}), 400):
        for doc_id, claim_id, entity_id in conn.execute(
                f"{_values(chunk)} SELECT ca.doc_id, ca.claim_id, ca.entity_id FROM w CROSS JOIN claim_about ca"
                " WHERE ca.doc_id = w.d AND ca.claim_id = w.e ORDER BY ca.rowid",
                [x for pair in chunk for x in pair]):
            about.setdefault((doc_id, claim_id), []).append(entity_id)
    wanted = [(d, e) for (d, _), ents in about.items() for e in ents]
    wanted += [(r[0], e) for r in rows for e in (r[2], r[3]) if e]
    refs = entity_refs(conn, wanted)
    return [
        ClaimRow(doc_id=d, id=i, speaker=refs.get((d, sp)) if sp else None,
                 via=refs.get((d, via)) if via else None, stance=st, kind=k, cue=cue, text=text,
                 about=[refs[(d, e)] for e in about.get((d, i), [])], published=pub, evidence=ev,
                 evidence_start=es, evidence_end=ee)
        for d, i, sp, via, st, k, cue, text, pub, ev, es, ee in rows
    ]
