"""Actor corrections (merge, split, rename, set-code) applied to either backend's tables.

The operations of :mod:`sitroom.resolve.overrides`, in SQL that SQLite and PostgreSQL both run
(a PostgreSQL store passes a :class:`~sitroom.store.pg_compat.QmarkConnection`). Each returns the
ids of the actors it changed, so the store can redo their contradictions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from sitroom.resolve.identity import actor_key, key_name, normalise_name
from sitroom.resolve.overrides import MANUAL, parse_code
from sitroom.store import sqlite_read as read
from sitroom.store.actor_sql import refresh_actors_sql
from sitroom.store.crossdoc_facts import _marks

# --- actor overrides ----------------------------------------------------------------------------------

_KIND_CLASS = {"organization": "org", "group": "org", "other": "org"}


_REFRESH_ACTOR = refresh_actors_sql("id = ?")
"""Both backends accept ``?`` here: PostgreSQL runs this module through QmarkConnection."""


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
        conn.execute("INSERT INTO actor_aliases (actor_id, alias, count, name_count, confidence)"
                     " VALUES (?, ?, 0, 0, ?) ON CONFLICT DO NOTHING", (target.id, value, MANUAL))
        return [target.id] if changed else []
    country, sector = parse_code(value)
    changed = conn.execute(
        "UPDATE actors SET code = ?1, country = ?2, sector = ?3 WHERE id = ?4"
        " AND (code IS NULL OR code <> ?1 OR country IS NULL OR country <> ?2 OR sector IS NULL OR sector <> ?3)",
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
        "INSERT INTO actor_aliases AS x (actor_id, alias, count, name_count, confidence)"
        " SELECT ?, alias, count, name_count, ? FROM actor_aliases WHERE actor_id = ?"
        " ON CONFLICT (actor_id, alias) DO UPDATE SET count = x.count + excluded.count,"
        " name_count = x.name_count + excluded.name_count", (target, MANUAL, source))
    conn.execute(
        "INSERT INTO actor_attrs AS x (actor_id, attr, value, count) SELECT ?, attr, value, count FROM actor_attrs"
        " WHERE actor_id = ? ON CONFLICT (actor_id, attr, value) DO UPDATE SET count = x.count + excluded.count",
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
    conn.executemany(_REFRESH_ACTOR, [(target,), (new,)])
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
    return int(conn.execute("INSERT INTO actors (key, norm, name, kind) VALUES (?, ?, ?, ?) RETURNING id",
                            (key, key_name(own_key), alias, kind)).fetchone()[0])


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


def docs_of_actors(conn: sqlite3.Connection, actor_ids: Sequence[int]) -> list[str]:
    if not actor_ids:
        return []
    rows = conn.execute(f"SELECT DISTINCT doc_id FROM doc_entities WHERE actor_id IN ({_marks(len(actor_ids))})"
                        " ORDER BY doc_id", list(actor_ids)).fetchall()
    return [r[0] for r in rows]
