"""The cross-document layer: event clusters, contradictions and alias confidence, on either backend.

:func:`after_insert` runs inside the transaction that stores a document, right after its rows are
written (for a bulk load, after the batch's rows, once per document in input order): it clusters
the document's events with reports already stored, finds contradictions within the document and
against stored documents, and rates the confidence of new actor aliases. The decisions are made by
backend-neutral code (:mod:`sitroom.resolve.contradictions`, :mod:`sitroom.resolve.event_dedup`,
:mod:`sitroom.resolve.overrides`); this module finds the candidates, reads their facts
(:mod:`sitroom.store.crossdoc_facts`) and writes the answers back.

**Bounded work per document.** Every candidate query is driven by an index restricted by more than
the actor, so its cost follows the store's density (documents per week, denials per store) rather
than its size, and each is capped (the ``*_CAP`` constants say why each cap is safe):

* event clusters: events of the same type within the dedup date slack (``events_type_day``),
  naming one of the event's actors;
* the far side of a new document's assertions: documents with a denial (``claims_stance_doc``,
  ``events_modality_doc``) sharing an actor;
* the far side of its denials: documents published within the denials' time reach sharing an
  actor (``documents_published``), and documents with a tie relation of a denied tie type.

**One SQL for both backends.** SQLite (3.35 and later) and PostgreSQL share ``ON CONFLICT DO
NOTHING`` and ``RETURNING``, so the writes are the same statements; PostgreSQL runs them through
:class:`~sitroom.store.pg_compat.QmarkConnection`. Actor corrections live in
:mod:`sitroom.store.crossdoc_actors`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import Any

from sitroom.resolve import contradictions as cx
from sitroom.resolve import event_dedup
from sitroom.resolve.overrides import alias_confidence
from sitroom.store import sqlite_read as read
from sitroom.store.base import ActorRef, ContradictionRow, ContradictionSide
from sitroom.store.crossdoc_facts import (
    DENY_SIDE,
    Key,
    _chunks,
    _marks,
    assert_side,
    items_of,
    load_events,
    load_events_by_key,
    load_facts,
)

# --- contradictions ---------------------------------------------------------------------------------


DENIAL_DOCS_CAP = 50
"""Stored documents with a denial that a new document's assertions are checked against, per kind
(dated assertions: published within their news window, latest first; stable ties: any time, most
recently stored first), sharing an actor. Fifty denials naming one of an article's actors within
two months is already a propaganda campaign (on a generated store where every denial names a hub
it is what makes a document's cost independent of the store's size); the assertion still meets
the fifty nearest."""
ASSERT_DOCS_CAP = 100
"""Stored documents a new denial is checked against, latest published first within the denials'
time reach. A hub actor (a government) can be in thousands of articles within the news window; a
denial answers particular reports, and a hundred articles around it hold them."""
TIE_DOCS_CAP = 100
"""Stored documents with a tie relation (finances, member_of ...) a denial of ties is checked
against, most recently stored first: ties are stable, so these are not bounded by time."""


def _is_stable(item: cx.Item) -> bool:
    """Ties (relations, the ties topic) compare without time (resolve/contradictions.py, rule 3)."""
    return item.kind == "relation" or bool(item.topics & (cx.TIE_TYPES | {"ties"}))


def _actor_condition(items: Sequence[cx.Item]) -> tuple[str, list[Any]] | None:
    """SQL over ``de`` (doc_entities) and ``a`` (actors): an entity standing for one of the items'
    actors, by id or under the state-organ rule; None when the items name no actor."""
    actors = {a for item in items for a in item.actors}
    ids = sorted({a.actor_id for a in actors})
    if not ids:
        return None
    countries = sorted({a.country for a in actors if a.country and cx.is_state_or_proxy(a)})
    sectors = sorted(cx.STATE_SECTORS | cx.PROXY_SECTORS)
    sql = (f"(de.actor_id IN ({_marks(len(ids))}) OR (COALESCE(a.country, de.country) IN"
           f" ({_marks(len(countries)) or 'NULL'}) AND (a.kind = 'country' OR COALESCE(a.sector, de.sector)"
           f" IN ({_marks(len(sectors))}))))")
    return sql, [*ids, *countries, *sectors]


def _shares_actor(alias: str, condition: tuple[str, list[Any]]) -> tuple[str, list[Any]]:
    """``EXISTS`` an entity of document ``alias.doc_id`` meeting ``condition`` (index doc_entities_doc_actor)."""
    return (f"EXISTS (SELECT 1 FROM doc_entities de JOIN actors a ON a.id = de.actor_id"
            f" WHERE de.doc_id = {alias}.doc_id AND {condition[0]})", condition[1])


_DENIALS = ("(SELECT doc_id FROM claims WHERE stance = 'deny' UNION SELECT doc_id FROM events"
            " WHERE modality = 'denied') AS x JOIN documents d ON d.id = x.doc_id")


def _denial_docs(conn: sqlite3.Connection, doc_id: str, assertions: Sequence[cx.Item],
                 condition: tuple[str, list[Any]]) -> list[str]:
    """Documents holding a denial and an actor of the new assertions (driven by the denial indexes):
    published within the dated assertions' reach, and (for stable ties) at any time."""
    exists, params = _shares_actor("x", condition)
    found: list[str] = []
    dated = [a for a in assertions if not _is_stable(a)]
    span = _news_window(dated) if dated else None
    if span is not None:
        found += [r[0] for r in conn.execute(
            f"SELECT x.doc_id FROM {_DENIALS} WHERE x.doc_id != ? AND d.published >= ? AND d.published <= ? || '~'"
            f" AND {exists} ORDER BY d.published DESC, d.rowid DESC LIMIT ?",
            [doc_id, *span, *params, DENIAL_DOCS_CAP]).fetchall()]
    if len(dated) < len(assertions):
        found += [r[0] for r in conn.execute(
            f"SELECT x.doc_id FROM {_DENIALS} WHERE x.doc_id != ? AND {exists} ORDER BY d.rowid DESC LIMIT ?",
            [doc_id, *params, DENIAL_DOCS_CAP]).fetchall()]
    return list(dict.fromkeys(found))


def _news_window(items: Sequence[cx.Item]) -> tuple[str, str] | None:
    """Publication dates an assertion must have to meet one of the denials in time: the denials'
    windows widened by the news window (an undated assertion reaches that far around its document)."""
    windows = [w for w in (cx.window(i) for i in items) if w is not None]
    if not windows:
        return None
    reach = timedelta(days=cx.NEWS_WINDOW_DAYS)
    return (min(w[0] for w in windows) - reach).isoformat(), (max(w[1] for w in windows) + reach).isoformat()


def _asserting_docs(conn: sqlite3.Connection, doc_id: str, denials: Sequence[cx.Item],
                    condition: tuple[str, list[Any]]) -> list[str]:
    """Documents published in the denials' time reach that share an actor; driven by publication date.

    An assertion carrying its own date far from its document's publication (a 2023 article about
    2019) is found from the other side: when that article is stored, its items' own windows are
    searched. Only two such retrospective reports of the same time can miss each other.
    """
    span = _news_window(denials)
    if span is None:
        return []
    exists, params = _shares_actor("d", condition)
    rows = conn.execute(
        "SELECT d.id FROM (SELECT id AS doc_id, id, published, rowid FROM documents"
        " WHERE published >= ? AND published <= ? || '~' AND id != ?) AS d"
        f" WHERE {exists} ORDER BY d.published DESC, d.rowid DESC LIMIT ?",
        [span[0], span[1], doc_id, *params, ASSERT_DOCS_CAP]).fetchall()
    return [r[0] for r in rows]


def _tie_docs(conn: sqlite3.Connection, doc_id: str, denials: Sequence[cx.Item],
              condition: tuple[str, list[Any]]) -> list[str]:
    """Documents with a tie relation of a type the denials speak of, between their actors (any time)."""
    types = sorted({t for item in denials for t in item.topics} & cx.TIE_TYPES)
    if not types:
        return []
    rows = conn.execute(
        "SELECT DISTINCT r.doc_id, r.rowid FROM relations r JOIN doc_entities de ON de.doc_id = r.doc_id"
        " AND de.entity_id IN (r.source, r.target) JOIN actors a ON a.id = de.actor_id"
        f" WHERE r.type IN ({_marks(len(types))}) AND r.doc_id != ? AND {condition[0]}"
        " ORDER BY r.rowid DESC LIMIT ?", [*types, doc_id, *condition[1], TIE_DOCS_CAP]).fetchall()
    return list(dict.fromkeys(r[0] for r in rows))


def contradictions_for(conn: sqlite3.Connection, doc_id: str) -> list[cx.Contradiction]:
    """Contradictions within ``doc_id`` and between it and stored documents (both directions).

    Of each candidate document only the side that can meet the new one is read: its denials for
    the new assertions, its assertions of the denied topics for the new denials.
    """
    own = items_of(load_facts(conn, [doc_id]))
    if not own:
        return []
    own_deny, own_assert = cx.split_sides(own)
    other_deny: list[cx.Item] = []
    other_assert: list[cx.Item] = []
    if own_assert and (condition := _actor_condition(own_assert)) is not None:
        denials = _denial_docs(conn, doc_id, own_assert, condition)
        other_deny = cx.split_sides(items_of(load_facts(conn, denials, DENY_SIDE)))[0]
    if own_deny and (condition := _actor_condition(own_deny)) is not None:
        docs = list(dict.fromkeys(_asserting_docs(conn, doc_id, own_deny, condition)
                                  + _tie_docs(conn, doc_id, own_deny, condition)))
        topics = cx.assert_topics_for(frozenset(t for item in own_deny for t in item.topics))
        other_assert = cx.split_sides(items_of(load_facts(conn, docs, assert_side(topics))))[1]
    return (cx.find_contradictions(own_deny, own_assert + other_assert)
            + cx.find_contradictions(other_deny, own_assert))


def _side_values(item: cx.Item) -> tuple[Any, ...]:
    return (item.speaker.entity_id if item.speaker else None, item.via.entity_id if item.via else None,
            item.label, item.text, item.evidence_start, item.evidence_end, item.evidence_text)


def save_contradictions(conn: sqlite3.Connection, found: Iterable[cx.Contradiction]) -> int:
    """Insert new contradictions (already stored pairs are kept as they are); returns how many are new."""
    added = 0
    for c in found:
        d, a = c.deny, c.asserted
        row = conn.execute(
            "INSERT INTO contradictions (deny_doc, deny_kind, deny_id, assert_doc, assert_kind,"
            " assert_id, topic, reason, deny_speaker, deny_via, deny_label, deny_text, deny_evidence_start,"
            " deny_evidence_end, deny_evidence_text, assert_speaker, assert_via, assert_label, assert_text,"
            " assert_evidence_start, assert_evidence_end, assert_evidence_text)"
            f" VALUES ({_marks(22)}) ON CONFLICT DO NOTHING RETURNING id",
            (*d.key, *a.key, c.topic, c.reason, *_side_values(d), *_side_values(a))).fetchone()
        if row is None:
            continue
        added += 1
        rows = {(d.doc_id, x.entity_id) for x, _ in c.matched} | {(a.doc_id, y.entity_id) for _, y in c.matched}
        conn.executemany("INSERT INTO contradiction_actors (contradiction_id, doc_id, entity_id) VALUES (?,?,?)",
                         [(row[0], doc, ent) for doc, ent in sorted(rows) if ent])
    return added


def refresh_contradictions(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> None:
    """Forget and recompute the contradictions touching ``doc_ids`` (after an actor correction)."""
    for chunk in _chunks(doc_ids):
        marks = _marks(len(chunk))
        conn.execute(f"DELETE FROM contradictions WHERE deny_doc IN ({marks}) OR assert_doc IN ({marks})",
                     [*chunk, *chunk])
    for doc_id in doc_ids:
        save_contradictions(conn, contradictions_for(conn, doc_id))


# --- event clusters ---------------------------------------------------------------------------------


CLUSTER_CANDIDATES_CAP = 50
"""Stored clusters a new event is compared with. Candidates already share its type, an actor and
its week; more than fifty such clusters would mean fifty distinct same-day happenings between the
same actors, which reporting does not produce (a guard for generated or broken input)."""


def _days_window(v: cx.EventFacts) -> tuple[str, str, str] | None:
    """(earliest start, latest start, earliest end) of a stored event close enough to ``v`` in time."""
    days = event_dedup.event_days(v)
    if days is None or (days[1] - days[0]).days >= event_dedup.MAX_SPAN_DAYS:
        return None
    slack = timedelta(days=event_dedup.DATE_SLACK_DAYS)
    reach = timedelta(days=event_dedup.MAX_SPAN_DAYS)
    return ((days[0] - slack - reach).isoformat(), (days[1] + slack).isoformat(), (days[0] - slack).isoformat())


# Events starting within the slack of the new one (events_type_day: a week of one type), and the
# few spanning several days that started up to a month earlier and reach into it (events_type_long).
_NEAR_EVENTS = (
    "(SELECT doc_id, id FROM events WHERE type = ? AND day_first >= ? AND day_first <= ?"
    " UNION ALL SELECT doc_id, id FROM events WHERE type = ? AND day_first < day_last AND day_first >= ?"
    " AND day_first < ? AND day_last >= ?) AS e"
)


def _side_join(role: str, actor_id: int | None) -> tuple[str, list[Any]]:
    """Joins requiring an actor on one side of ``e`` (nothing when the new event has no one there)."""
    if actor_id is None:
        return "", []
    a, d = f"{role[0]}a", f"{role[0]}d"
    return (f" CROSS JOIN event_actors {a} CROSS JOIN doc_entities {d}",
            [f"{a}.doc_id = e.doc_id AND {a}.event_id = e.id AND {a}.role = '{role}' AND {d}.doc_id = {a}.doc_id"
             f" AND {d}.entity_id = {a}.entity_id AND {d}.actor_id = ?", actor_id])


def _close_clusters(conn: sqlite3.Connection, doc_id: str, v: cx.EventFacts) -> list[int]:
    """Clusters with an event of ``v``'s type, near it in time, with one of its sources as source and
    one of its targets as target.

    Driven by events_type_day (type, then a range of days), so the cost follows how many events of
    a type a store holds per week, not how many it holds; requiring an actor on each side (a cluster
    must share all of them, event_dedup.signature, checked afterwards) keeps two hubs' many other
    events of the week out.
    """
    window = _days_window(v)
    if window is None or not (v.source or v.target):
        return []
    joins, conditions, params = "", [], []
    for role, side in (("source", v.source), ("target", v.target)):
        sql, extra = _side_join(role, min(a.actor_id for a in side) if side else None)
        joins += sql
        if extra:
            conditions.append(str(extra[0]))
            params.append(extra[1])
    earliest, latest, ending = window
    rows = conn.execute(
        f"SELECT DISTINCT m.cluster_id FROM {_NEAR_EVENTS}{joins} CROSS JOIN event_cluster_members m"
        f" WHERE e.doc_id != ? AND {' AND '.join(conditions)} AND m.doc_id = e.doc_id AND m.event_id = e.id LIMIT ?",
        [v.type, ending, latest, v.type, earliest, ending, ending, doc_id, *params, CLUSTER_CANDIDATES_CAP]).fetchall()
    return [int(r[0]) for r in rows]


def cluster_candidates(conn: sqlite3.Connection, doc_id: str,
                       events: Sequence[cx.EventFacts]) -> list[event_dedup.Cluster]:
    """Stored clusters (of other documents) that one of the new events could join (see :func:`_close_clusters`)."""
    cluster_ids = sorted({cid for v in events for cid in _close_clusters(conn, doc_id, v)})
    members: dict[int, set[Key]] = {}
    for chunk in _chunks(cluster_ids):
        for cid, d, e in conn.execute("SELECT cluster_id, doc_id, event_id FROM event_cluster_members"
                                      f" WHERE cluster_id IN ({_marks(len(chunk))})", list(chunk)):
            members.setdefault(cid, set()).add((d, e))
    wanted = set().union(*members.values()) if members else set()
    facts = {(v.doc_id, v.id): v for v in load_events_by_key(conn, sorted(wanted))}
    return [event_dedup.Cluster(cid, [facts[k] for k in sorted(keys) if k in facts])
            for cid, keys in sorted(members.items())]


def cluster_events(conn: sqlite3.Connection, doc_id: str) -> None:
    """Put every event of ``doc_id`` into a cluster: an existing one it reports, else a new one."""
    events = load_events(conn, [doc_id])
    if not events:
        return
    new_keys = {(v.doc_id, v.id) for v in events}
    for cluster in event_dedup.assign_clusters(events, cluster_candidates(conn, doc_id, events)):
        cluster_id = cluster.id
        if cluster_id is None:
            cluster_id = int(conn.execute("INSERT INTO event_clusters (type) VALUES (?) RETURNING id",
                                          (cluster.members[0].type,)).fetchone()[0])
        conn.executemany("INSERT INTO event_cluster_members (cluster_id, doc_id, event_id) VALUES (?,?,?)",
                         [(cluster_id, m.doc_id, m.id) for m in cluster.members if (m.doc_id, m.id) in new_keys])


# --- aliases ------------------------------------------------------------------------------------------


def rate_aliases(conn: sqlite3.Connection, doc_id: str) -> None:
    """Give each not yet rated alias of the document's actors its merge confidence."""
    rows = conn.execute(
        "SELECT aa.actor_id, aa.alias, a.key, a.name, a.kind, a.country FROM actor_aliases aa"
        " JOIN actors a ON a.id = aa.actor_id WHERE aa.confidence IS NULL AND aa.actor_id IN"
        " (SELECT actor_id FROM doc_entities WHERE doc_id = ?)", (doc_id,)).fetchall()
    conn.executemany("UPDATE actor_aliases SET confidence = ? WHERE actor_id = ? AND alias = ?",
                     [(alias_confidence(alias, key, name, kind, country), actor_id, alias)
                      for actor_id, alias, key, name, kind, country in rows])


# --- the hook ---------------------------------------------------------------------------------------


def after_insert(conn: sqlite3.Connection, doc_id: str) -> None:
    """Everything cross-document a newly written document triggers (inside its transaction)."""
    cluster_events(conn, doc_id)
    save_contradictions(conn, contradictions_for(conn, doc_id))
    rate_aliases(conn, doc_id)


# --- the contradictions query -------------------------------------------------------------------------


_SIDE = ("doc", "kind", "id", "label", "text", "speaker", "via", "evidence_text", "evidence_start",
         "evidence_end")


def query_contradictions(conn: sqlite3.Connection, actor_ids: list[int] | None, limit: int,
                         offset: int) -> list[ContradictionRow]:
    where = ""
    if actor_ids is not None:
        where = ("WHERE c.id IN (SELECT ca.contradiction_id FROM contradiction_actors ca JOIN doc_entities de"
                 " ON de.doc_id = ca.doc_id AND de.entity_id = ca.entity_id"
                 f" WHERE de.actor_id IN ({','.join(str(int(i)) for i in actor_ids) or 'NULL'}))")
    columns = ", ".join(f"c.{p}_{f}" for p in ("deny", "assert") for f in _SIDE)
    rows = conn.execute(f"SELECT c.id, c.topic, c.reason, {columns} FROM contradictions c {where}"
                        " ORDER BY c.id LIMIT ? OFFSET ?", (limit, offset)).fetchall()
    n = len(_SIDE)
    sides = [(r[3:3 + n], r[3 + n:3 + 2 * n]) for r in rows]
    docs = _doc_info(conn, {s[0] for pair in sides for s in pair})
    refs = read.entity_refs(conn, [(s[0], e) for pair in sides for s in pair for e in (s[5], s[6]) if e])
    actors = _row_actors(conn, [r[0] for r in rows])
    return [ContradictionRow(id=r[0], topic=r[1], reason=r[2], deny=_side(deny, docs, refs),
                             asserted=_side(asserted, docs, refs), actors=actors.get(r[0], []))
            for r, (deny, asserted) in zip(rows, sides, strict=True)]


def _doc_info(conn: sqlite3.Connection, doc_ids: set[str]) -> dict[str, tuple[str | None, str | None]]:
    found: dict[str, tuple[str | None, str | None]] = {}
    for chunk in _chunks(sorted(doc_ids)):
        for d, title, published in conn.execute(
                f"SELECT id, title, published FROM documents WHERE id IN ({_marks(len(chunk))})", list(chunk)):
            found[d] = (title, published)
    return found


def _side(values: Sequence[Any], docs: dict[str, tuple[str | None, str | None]],
          refs: dict[Key, ActorRef]) -> ContradictionSide:
    doc, kind, id_, label, text, speaker, via, ev, es, ee = values
    title, published = docs.get(doc, (None, None))
    return ContradictionSide(doc_id=doc, kind=kind, id=id_, label=label, text=text,
                             speaker=refs.get((doc, speaker)) if speaker else None,
                             via=refs.get((doc, via)) if via else None, title=title, published=published,
                             evidence=ev, evidence_start=es, evidence_end=ee)


def _row_actors(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[ActorRef]]:
    found: dict[int, list[ActorRef]] = {}
    for chunk in _chunks(ids):
        for cid, actor_id, name in conn.execute(
                "SELECT DISTINCT ca.contradiction_id, a.id, a.name FROM contradiction_actors ca"
                " JOIN doc_entities de ON de.doc_id = ca.doc_id AND de.entity_id = ca.entity_id"
                f" JOIN actors a ON a.id = de.actor_id WHERE ca.contradiction_id IN ({_marks(len(chunk))})"
                " ORDER BY ca.contradiction_id, a.name", list(chunk)):
            found.setdefault(cid, []).append(ActorRef(actor_id, name))
    return found
