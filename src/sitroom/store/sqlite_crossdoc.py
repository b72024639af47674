"""The cross-document layer over SQLite: contradictions, event clusters, alias confidence.

:func:`after_insert` runs inside the transaction that stores a document, right after its rows are
written: it clusters the document's events with reports already stored, finds contradictions
within the document and against stored documents, and rates the confidence of new actor aliases.
The decisions are made by backend-neutral code (:mod:`sitroom.resolve.contradictions`,
:mod:`sitroom.resolve.event_dedup`, :mod:`sitroom.resolve.overrides`); this module only reads the
facts they need out of the tables and writes their answers back. A PostgreSQL backend needs the
same few reads (``load_facts``, ``candidate_docs``, ``cluster_candidates``) and writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sitroom.resolve import contradictions as cx
from sitroom.resolve import event_dedup
from sitroom.resolve.identity import actor_key, key_name, normalise_name
from sitroom.resolve.overrides import MANUAL, alias_confidence, parse_code
from sitroom.store import sqlite_read as read
from sitroom.store.base import ActorRef, ContradictionRow, ContradictionSide

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


def _actors_of(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> dict[Key, cx.ItemActor]:
    found: dict[Key, cx.ItemActor] = {}
    for chunk in _chunks(doc_ids):
        rows = conn.execute(
            "SELECT de.doc_id, de.entity_id, a.id, a.name, COALESCE(a.kind, de.kind),"
            " COALESCE(a.country, de.country), COALESCE(a.sector, de.sector)"
            f" FROM doc_entities de JOIN actors a ON a.id = de.actor_id WHERE de.doc_id IN ({_marks(len(chunk))})",
            list(chunk))
        for doc_id, entity_id, actor_id, name, kind, country, sector in rows:
            found[(doc_id, entity_id)] = cx.ItemActor(actor_id, name, kind, country, sector, entity_id)
    return found


def _published(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for chunk in _chunks(doc_ids):
        found.update(conn.execute(f"SELECT id, published FROM documents WHERE id IN ({_marks(len(chunk))})",
                                  list(chunk)).fetchall())
    return found


def _event_sides(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> dict[Key, dict[str, list[str]]]:
    sides: dict[Key, dict[str, list[str]]] = {}
    for chunk in _chunks(doc_ids):
        for doc_id, event_id, role, entity_id in conn.execute(
                "SELECT doc_id, event_id, role, entity_id FROM event_actors"
                f" WHERE doc_id IN ({_marks(len(chunk))}) ORDER BY rowid", list(chunk)):
            sides.setdefault((doc_id, event_id), {"source": [], "target": []})[role].append(entity_id)
    return sides


def load_events(conn: sqlite3.Connection, doc_ids: Sequence[str],
                only: set[Key] | None = None) -> list[cx.EventFacts]:
    """The events of ``doc_ids`` (just the ``only`` ones when given) as :class:`EventFacts`."""
    actors, published = _actors_of(conn, doc_ids), _published(conn, doc_ids)
    sides = _event_sides(conn, doc_ids)
    facts = []
    for chunk in _chunks(doc_ids):
        rows = conn.execute(
            "SELECT doc_id, id, type, modality, date_start, date_end, place, claim, evidence_start,"
            f" evidence_end, evidence_text FROM events WHERE doc_id IN ({_marks(len(chunk))}) ORDER BY rowid",
            list(chunk)).fetchall()
        for d, i, type_, modality, start, end, place, claim, es, ee, ev in rows:
            if only is not None and (d, i) not in only:
                continue
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


def _claims(conn: sqlite3.Connection, doc_ids: Sequence[str], actors: dict[Key, cx.ItemActor],
            published: dict[str, str | None]) -> list[cx.ClaimFacts]:
    about: dict[Key, list[cx.ItemActor]] = {}
    facts = []
    for chunk in _chunks(doc_ids):
        marks = _marks(len(chunk))
        for d, c, e in conn.execute(f"SELECT doc_id, claim_id, entity_id FROM claim_about WHERE doc_id IN ({marks})"
                                    " ORDER BY rowid", list(chunk)):
            if (d, e) in actors:
                about.setdefault((d, c), []).append(actors[(d, e)])
        rows = conn.execute(
            "SELECT doc_id, id, stance, text, speaker, via, evidence_start, evidence_end, evidence_text"
            f" FROM claims WHERE doc_id IN ({marks}) ORDER BY rowid", list(chunk)).fetchall()
        for d, i, stance, text, speaker, via, es, ee, ev in rows:
            facts.append(cx.ClaimFacts(
                doc_id=d, id=i, stance=stance, text=text, about=tuple(about.get((d, i), [])),
                evidence_start=es, evidence_end=ee, evidence_text=ev, published=published.get(d),
                speaker=actors.get((d, speaker)) if speaker else None, via=actors.get((d, via)) if via else None))
    return facts


def _relations(conn: sqlite3.Connection, doc_ids: Sequence[str], actors: dict[Key, cx.ItemActor],
               published: dict[str, str | None]) -> list[cx.RelationFacts]:
    facts = []
    for chunk in _chunks(doc_ids):
        rows = conn.execute(
            "SELECT doc_id, id, type, modality, source, target, evidence_start, evidence_end, evidence_text"
            f" FROM relations WHERE doc_id IN ({_marks(len(chunk))}) ORDER BY rowid", list(chunk)).fetchall()
        for d, i, type_, modality, source, target, es, ee, ev in rows:
            if (d, source) in actors and (d, target) in actors:
                facts.append(cx.RelationFacts(d, i, type_, modality, actors[(d, source)], actors[(d, target)],
                                              es, ee, ev, published.get(d)))
    return facts


def load_facts(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> DocFacts:
    """Everything contradiction finding reads about ``doc_ids``."""
    actors, published = _actors_of(conn, doc_ids), _published(conn, doc_ids)
    return DocFacts(load_events(conn, doc_ids), _claims(conn, doc_ids, actors, published),
                    _relations(conn, doc_ids, actors, published))


def items_of(facts: DocFacts) -> list[cx.Item]:
    by_doc: dict[str, DocFacts] = {}
    for v in facts.events:
        by_doc.setdefault(v.doc_id, DocFacts([], [], [])).events.append(v)
    for c in facts.claims:
        by_doc.setdefault(c.doc_id, DocFacts([], [], [])).claims.append(c)
    for r in facts.relations:
        by_doc.setdefault(r.doc_id, DocFacts([], [], [])).relations.append(r)
    return [item for f in by_doc.values() for item in cx.document_items(f.events, f.claims, f.relations)]


# --- contradictions ---------------------------------------------------------------------------------


def candidate_docs(conn: sqlite3.Connection, doc_id: str, items: Sequence[cx.Item]) -> list[str]:
    """Other documents that could hold the opposite side of ``items``: sharing an actor, or a state
    organ or proxy of a country the items name; only documents with a denial when ``items`` have none."""
    actors = {a for item in items for a in item.actors}
    ids = sorted({a.actor_id for a in actors})
    countries = sorted({a.country for a in actors if a.country and cx.is_state_or_proxy(a)})
    if not ids:
        return []
    sectors = sorted(cx.STATE_SECTORS | cx.PROXY_SECTORS)
    needs_denial = "" if any(i.polarity == "deny" for i in items) else (
        " AND de.doc_id IN (SELECT doc_id FROM claims WHERE stance = 'deny'"
        " UNION SELECT doc_id FROM events WHERE modality = 'denied')")
    rows = conn.execute(
        "SELECT DISTINCT de.doc_id FROM doc_entities de JOIN actors a ON a.id = de.actor_id"
        f" WHERE de.doc_id != ? AND (de.actor_id IN ({_marks(len(ids))}) OR"
        f" (COALESCE(a.country, de.country) IN ({_marks(len(countries)) or 'NULL'})"
        f"  AND (a.kind = 'country' OR COALESCE(a.sector, de.sector) IN ({_marks(len(sectors))}))))"
        f"{needs_denial}",
        [doc_id, *ids, *countries, *sectors]).fetchall()
    return [r[0] for r in rows]


def contradictions_for(conn: sqlite3.Connection, doc_id: str) -> list[cx.Contradiction]:
    """Contradictions within ``doc_id`` and between it and stored documents (both directions)."""
    own = items_of(load_facts(conn, [doc_id]))
    if not own:
        return []
    others = items_of(load_facts(conn, candidate_docs(conn, doc_id, own)))
    own_deny, own_assert = cx.split_sides(own)
    other_deny, other_assert = cx.split_sides(others)
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
        cur = conn.execute(
            "INSERT OR IGNORE INTO contradictions (deny_doc, deny_kind, deny_id, assert_doc, assert_kind,"
            " assert_id, topic, reason, deny_speaker, deny_via, deny_label, deny_text, deny_evidence_start,"
            " deny_evidence_end, deny_evidence_text, assert_speaker, assert_via, assert_label, assert_text,"
            " assert_evidence_start, assert_evidence_end, assert_evidence_text)"
            f" VALUES ({_marks(22)})",
            (*d.key, *a.key, c.topic, c.reason, *_side_values(d), *_side_values(a)))
        if not cur.rowcount:
            continue
        added += 1
        rows = {(d.doc_id, x.entity_id) for x, _ in c.matched} | {(a.doc_id, y.entity_id) for _, y in c.matched}
        conn.executemany("INSERT INTO contradiction_actors VALUES (?,?,?)",
                         [(cur.lastrowid, doc, ent) for doc, ent in sorted(rows) if ent])
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


def cluster_candidates(conn: sqlite3.Connection, doc_id: str,
                       events: Sequence[cx.EventFacts]) -> list[event_dedup.Cluster]:
    """Stored clusters (of other documents) with an event of a type and an actor the new events have."""
    types = sorted({v.type for v in events})
    ids = sorted({a.actor_id for v in events for a in (*v.source, *v.target)})
    if not types or not ids:
        return []
    rows = conn.execute(
        "SELECT DISTINCT m.cluster_id FROM event_cluster_members m"
        " JOIN events e ON e.doc_id = m.doc_id AND e.id = m.event_id"
        " JOIN event_actors ea ON ea.doc_id = e.doc_id AND ea.event_id = e.id"
        " JOIN doc_entities de ON de.doc_id = ea.doc_id AND de.entity_id = ea.entity_id"
        f" WHERE m.doc_id != ? AND e.type IN ({_marks(len(types))}) AND de.actor_id IN ({_marks(len(ids))})",
        [doc_id, *types, *ids]).fetchall()
    cluster_ids = [r[0] for r in rows]
    members: dict[int, set[Key]] = {}
    for chunk in _chunks(cluster_ids):
        for cid, d, e in conn.execute("SELECT cluster_id, doc_id, event_id FROM event_cluster_members"
                                      f" WHERE cluster_id IN ({_marks(len(chunk))})", list(chunk)):
            members.setdefault(cid, set()).add((d, e))
    wanted = set().union(*members.values()) if members else set()
    facts = {(v.doc_id, v.id): v for v in load_events(conn, sorted({d for d, _ in wanted}), wanted)}
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
            cur = conn.execute("INSERT INTO event_clusters (type) VALUES (?)", (cluster.members[0].type,))
            cluster_id = int(cur.lastrowid or 0)
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


# --- actor overrides ----------------------------------------------------------------------------------

_KIND_CLASS = {"organization": "org", "group": "org", "other": "org"}


def _kind_class(kind: str) -> str:
    return _KIND_CLASS.get(kind, kind)


def override_actor(conn: sqlite3.Connection, op: str, actor: str, value: str) -> list[int]:
    """Apply one override (see :mod:`sitroom.resolve.overrides`); the ids of the actors it changed."""
    found = read.match_actors(conn, actor)
    if not found:
        return []  # not (yet) in this store: applied again after later ingests
    target = found[0]
    if op == "merge":
        return merge_actors(conn, target.id, value)
    if op == "split":
        return split_actor(conn, target.id, value)
    if op == "rename":
        changed = conn.execute("UPDATE actors SET name = ? WHERE id = ? AND name != ?",
                               (value, target.id, value)).rowcount
        conn.execute("INSERT OR IGNORE INTO actor_aliases (actor_id, alias, count, name_count, confidence)"
                     " VALUES (?, ?, 0, 0, ?)", (target.id, value, MANUAL))
        return [target.id] if changed else []
    country, sector = parse_code(value)
    changed = conn.execute(
        "UPDATE actors SET code = ?1, country = ?2, sector = ?3 WHERE id = ?4"
        " AND (code IS NOT ?1 OR country IS NOT ?2 OR sector IS NOT ?3)",
        (value, country, sector, target.id)).rowcount
    return [target.id] if changed else []


def merge_actors(conn: sqlite3.Connection, target: int, other_name: str) -> list[int]:
    """Move the actors ``other_name`` matches (of the target's kind when it matches several) into ``target``."""
    kind = conn.execute("SELECT kind FROM actors WHERE id = ?", (target,)).fetchone()[0]
    others = [a for a in read.match_actors(conn, other_name) if a.id != target]
    same_kind = [a for a in others if _kind_class(a.kind) == _kind_class(kind)]
    chosen = same_kind or others[:1]
    for other in chosen:
        _move_actor(conn, other.id, target)
    if chosen:
        _recount(conn, target)
    return [target] if chosen else []


def _move_actor(conn: sqlite3.Connection, source: int, target: int) -> None:
    conn.execute("UPDATE doc_entities SET actor_id = ? WHERE actor_id = ?", (target, source))
    conn.execute(
        "INSERT INTO actor_aliases (actor_id, alias, count, name_count, confidence)"
        " SELECT ?, alias, count, name_count, ? FROM actor_aliases WHERE actor_id = ?"
        " ON CONFLICT (actor_id, alias) DO UPDATE SET count = count + excluded.count,"
        " name_count = name_count + excluded.name_count", (target, MANUAL, source))
    conn.execute(
        "INSERT INTO actor_attrs (actor_id, attr, value, count) SELECT ?, attr, value, count FROM actor_attrs"
        " WHERE actor_id = ? ON CONFLICT (actor_id, attr, value) DO UPDATE SET count = count + excluded.count",
        (target, source))
    conn.execute("DELETE FROM actors WHERE id = ?", (source,))


def _recount(conn: sqlite3.Connection, actor_id: int) -> None:
    """Counts and first/last seen from the actor's entities; the display name stays as it is."""
    conn.execute(
        "UPDATE actors SET"
        " mention_count = (SELECT COALESCE(sum(mention_count), 0) FROM doc_entities WHERE actor_id = ?1),"
        " doc_count = (SELECT count(DISTINCT doc_id) FROM doc_entities WHERE actor_id = ?1),"
        " first_seen = (SELECT min(d.published) FROM documents d JOIN doc_entities de ON de.doc_id = d.id"
        "   WHERE de.actor_id = ?1),"
        " last_seen = (SELECT max(d.published) FROM documents d JOIN doc_entities de ON de.doc_id = d.id"
        "   WHERE de.actor_id = ?1)"
        " WHERE id = ?1", (actor_id,))


def split_actor(conn: sqlite3.Connection, target: int, alias: str) -> list[int]:
    """Move ``target``'s entities named ``alias`` into an actor of their own; drop the alias from ``target``."""
    norm = normalise_name(alias)
    rows = conn.execute("SELECT doc_id, entity_id, name FROM doc_entities WHERE actor_id = ?", (target,)).fetchall()
    moving = [(d, e) for d, e, name in rows if normalise_name(name) == norm]
    dropped = conn.execute("SELECT alias FROM actor_aliases WHERE actor_id = ?", (target,)).fetchall()
    dropped_aliases = [a for (a,) in dropped if normalise_name(a) == norm]
    if not moving and not dropped_aliases:
        return []
    conn.executemany("DELETE FROM actor_aliases WHERE actor_id = ? AND alias = ?",
                     [(target, a) for a in dropped_aliases])
    if not moving:
        return [target]
    new = _split_actor_id(conn, target, alias)
    conn.executemany("UPDATE doc_entities SET actor_id = ? WHERE doc_id = ? AND entity_id = ?",
                     [(new, d, e) for d, e in moving])
    for actor_id in (target, new):
        _rebuild_aliases_and_attrs(conn, actor_id)
        _recount(conn, actor_id)
    conn.executemany(write_refresh_sql(), [(target,), (new,)])
    return [target, new]


def _split_actor_id(conn: sqlite3.Connection, target: int, alias: str) -> int:
    """The actor split-off entities named ``alias`` go to, created on the first split.

    Its key is the alias's own identity key when no other actor has it, so later documents naming
    it land there directly; else (the alias keys like the target: "Wagner" / "Wagner Group") a
    marked key, and the split is applied again after each ingest.
    """
    kind, country = conn.execute("SELECT kind, country FROM actors WHERE id = ?", (target,)).fetchone()
    own_key = actor_key(alias, kind, country)
    keys = [own_key, f"{own_key}#split"]
    for key in keys:
        row = conn.execute("SELECT id FROM actors WHERE key = ?", (key,)).fetchone()
        if row is not None and row[0] != target:
            return int(row[0])
    key = keys[0] if conn.execute("SELECT 1 FROM actors WHERE key = ?", (own_key,)).fetchone() is None else keys[1]
    cur = conn.execute("INSERT INTO actors (key, norm, name, kind) VALUES (?, ?, ?, ?)",
                       (key, key_name(own_key), alias, kind))
    return int(cur.lastrowid or 0)


def _rebuild_aliases_and_attrs(conn: sqlite3.Connection, actor_id: int) -> None:
    """Alias counts from the actor's mentions (known zero-count forms kept) and attribute votes from its entities."""
    conn.execute(
        "INSERT INTO actor_aliases (actor_id, alias, count, name_count, confidence)"
        " SELECT ?1, m.text, 0, 0, NULL FROM mentions m JOIN doc_entities de"
        " ON de.doc_id = m.doc_id AND de.entity_id = m.entity_id WHERE de.actor_id = ?1 GROUP BY m.text"
        " ON CONFLICT (actor_id, alias) DO NOTHING", (actor_id,))
    conn.execute(
        "UPDATE actor_aliases SET"
        " count = (SELECT count(*) FROM mentions m JOIN doc_entities de ON de.doc_id = m.doc_id"
        "   AND de.entity_id = m.entity_id WHERE de.actor_id = ?1 AND m.text = actor_aliases.alias),"
        " name_count = (SELECT count(*) FROM doc_entities WHERE actor_id = ?1 AND name = actor_aliases.alias)"
        " WHERE actor_id = ?1", (actor_id,))
    conn.execute("DELETE FROM actor_attrs WHERE actor_id = ?", (actor_id,))
    for attr in ("kind", "country", "sector", "code", "role"):
        conn.execute(
            f"INSERT INTO actor_attrs (actor_id, attr, value, count) SELECT ?1, '{attr}', {attr},"
            f" count(DISTINCT doc_id) FROM doc_entities WHERE actor_id = ?1 AND {attr} IS NOT NULL GROUP BY {attr}",
            (actor_id,))


def write_refresh_sql() -> str:
    """The statement that recomputes an actor's display name and majority attributes (sqlite_write)."""
    from sitroom.store import sqlite_write

    return sqlite_write._REFRESH_ACTOR


def docs_of_actors(conn: sqlite3.Connection, actor_ids: Sequence[int]) -> list[str]:
    if not actor_ids:
        return []
    rows = conn.execute(f"SELECT DISTINCT doc_id FROM doc_entities WHERE actor_id IN ({_marks(len(actor_ids))})"
                        " ORDER BY doc_id", list(actor_ids)).fetchall()
    return [r[0] for r in rows]
