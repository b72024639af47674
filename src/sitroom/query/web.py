"""Read-only queries the web app needs beyond the :class:`~sitroom.store.base.Store` protocol.

Every function takes an open SQLite connection (see :func:`connect_readonly`) and answers with
JSON-ready dicts:

- :func:`neighbourhood`: an actor's ties, ``hops`` deep, as nodes and edges (events and relations
  aggregated per actor pair and type), capped at ``max_nodes``;
- :func:`shortest_path`: the fewest ties between two actors (bidirectional breadth-first search);
- :func:`timeline`: event counts per actor pair per month, with a cooperation-conflict score;
- :func:`contradictions`: a denial and an assertion by different speakers about the same actor
  and the same thing, and denied events that another document asserts;
- :func:`event_features`: geocoded events as GeoJSON features for the map;
- :func:`find_actors`, :func:`documents`, :func:`entity_actors`: look-ups for pages.

Actors are the store's cross-document actors; the graph joins ``doc_entities`` (actor of each
record entity) with ``event_actors`` and ``relations``, always driven from the ``doc_entities_actor``
index so a query touches only the events of the actors it expands.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from sitroom.errors import NotFound, StoreError

# Cooperation-conflict score of each PLOVER type, on Goldstein's -10..+10 scale: the mean of the
# Goldstein weights of the CAMEO root codes the PLOVER category groups (CONSULT ~ CAMEO 04, AID ~ 07,
# ASSAULT ~ 18-20 ...). REQUEST mixes appeals (+3) and demands (-5), hence 0.
PLOVER_SCORE: dict[str, float] = {
    "AGREE": 4.0, "CONSULT": 1.0, "SUPPORT": 3.5, "CONCEDE": 5.0, "COOPERATE": 6.0, "AID": 7.0,
    "RETREAT": 5.0, "REQUEST": 0.0, "ACCUSE": -2.0, "REJECT": -4.0, "THREATEN": -6.0, "PROTEST": -6.5,
    "SANCTION": -5.0, "MOBILIZE": -7.0, "COERCE": -7.0, "ASSAULT": -9.5,
}

MAX_HOPS = 3
MAX_NODES = 500
"""Largest graph a page is sent: cytoscape lays out 500 nodes in about a second."""
PATH_MAX_HOPS = 6
PATH_FRONTIER_CAP = 5_000
"""Actors one search step may expand; past it the search stops and reports no path (bounded cost)."""
CONTRADICTION_CANDIDATES = 5_000
MIN_SHARED_WORDS = 2
"""Content words two claims must share to be taken as saying (or denying) the same thing; one shared
word ("troops") pairs unrelated claims about the same actor."""

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_STOP = frozenset(
    "the and that this with from have has had was were are been being not nor but for any its their"
    " they them there than then into onto over under about also would could should will shall may might"
    " did does doing done said says say who whom which what when where why how all some such only very"
    " his her him she our ours your you yes just more most other any each few both own same".split())


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to a store file, usable from any thread (the caller serialises use)."""
    target = Path(path)
    if not target.exists():
        raise StoreError(f"{path}: no store here; create one with `sitroom ingest` or `sitroom import`")
    try:
        conn = sqlite3.connect(target.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.Error as err:
        raise StoreError(f"{path}: cannot open the store: {err}") from err
    return conn


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


# --- actors and documents ---------------------------------------------------------------------

_ACTOR_FIELDS = ("id", "name", "kind", "country", "sector", "code", "role", "mention_count", "doc_count")


def actor_rows(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Summaries of the given actors, by id."""
    wanted = sorted(set(ids))
    out: dict[int, dict[str, Any]] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i:i + 500]
        for row in conn.execute(f"SELECT {', '.join(_ACTOR_FIELDS)} FROM actors WHERE id IN ({_marks(chunk)})",
                                chunk):
            out[int(row[0])] = dict(zip(_ACTOR_FIELDS, row, strict=True))
    return out


def find_actors(conn: sqlite3.Connection, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """Actors with an alias starting with ``text`` (case-insensitive), most mentioned first."""
    low = text.strip().lower()
    if not low:
        return []
    # A range on the lower(alias) index is a prefix search; LIKE would not use the index.
    rows = conn.execute(
        "SELECT DISTINCT actor_id FROM actor_aliases WHERE lower(alias) >= ? AND lower(alias) < ? LIMIT 500",
        (low, low + "\uffff")).fetchall()
    found = actor_rows(conn, [r[0] for r in rows])
    ranked = sorted(found.values(), key=lambda a: (-a["mention_count"], a["name"]))
    return ranked[:limit]


def documents(conn: sqlite3.Connection, limit: int, offset: int) -> list[dict[str, Any]]:
    """Documents newest first, with how many events and claims were read from each."""
    rows = conn.execute(
        "SELECT d.id, d.title, d.published, d.source, d.url, length(d.text),"
        " (SELECT count(*) FROM events e WHERE e.doc_id = d.id),"
        " (SELECT count(*) FROM claims c WHERE c.doc_id = d.id)"
        " FROM documents d ORDER BY d.published DESC, d.rowid DESC LIMIT ? OFFSET ?", (limit, offset))
    names = ("id", "title", "published", "source", "url", "chars", "events", "claims")
    return [dict(zip(names, r, strict=True)) for r in rows]


def entity_actors(conn: sqlite3.Connection, doc_id: str) -> dict[str, int]:
    """Entity id -> actor id for one document (so a page can link a mention to its actor)."""
    rows = conn.execute("SELECT entity_id, actor_id FROM doc_entities WHERE doc_id = ?", (doc_id,))
    return {str(e): int(a) for e, a in rows}


def require_actor(conn: sqlite3.Connection, actor_id: int) -> dict[str, Any]:
    found = actor_rows(conn, [actor_id])
    if actor_id not in found:
        raise NotFound(f"no actor with id {actor_id}")
    return found[actor_id]


# --- graph ---------------------------------------------------------------------------------------

def _event_edges_sql(side: str, id_list: str, types: str) -> str:
    """Event edges (source actor, target actor, type, count) with ``side`` (``s`` or ``t``) in the ids.

    Driven from that side's ``doc_entities_actor`` index, so a query reads only those actors' events.
    """
    mine, theirs = (("es", "et") if side == "s" else ("et", "es"))
    return (
        f"SELECT s.actor_id, t.actor_id, e.type, count(*) FROM doc_entities {side}"
        f" JOIN event_actors {mine} ON {mine}.doc_id = {side}.doc_id AND {mine}.entity_id = {side}.entity_id"
        f" AND {mine}.role = '{'source' if side == 's' else 'target'}'"
        f" JOIN event_actors {theirs} ON {theirs}.doc_id = {mine}.doc_id AND {theirs}.event_id = {mine}.event_id"
        f" AND {theirs}.role = '{'target' if side == 's' else 'source'}'"
        f" JOIN doc_entities {'t' if side == 's' else 's'} ON {'t' if side == 's' else 's'}.doc_id = {theirs}.doc_id"
        f" AND {'t' if side == 's' else 's'}.entity_id = {theirs}.entity_id"
        f" JOIN events e ON e.doc_id = es.doc_id AND e.id = es.event_id"
        f" WHERE {side}.actor_id IN ({id_list}){types} GROUP BY 1, 2, 3")


def _relation_edges_sql(side: str, id_list: str, types: str) -> str:
    return (
        "SELECT s.actor_id, t.actor_id, r.type, count(*) FROM relations r"
        " JOIN doc_entities s ON s.doc_id = r.doc_id AND s.entity_id = r.source"
        " JOIN doc_entities t ON t.doc_id = r.doc_id AND t.entity_id = r.target"
        f" WHERE {side}.actor_id IN ({id_list}){types} GROUP BY 1, 2, 3")


@dataclass(frozen=True)
class GraphFilter:
    """Which ties count as edges: event types and relation types (None: all; empty: none)."""

    event_types: tuple[str, ...] | None = None
    relation_types: tuple[str, ...] | None = None


@dataclass
class Edge:
    """Ties between two actors of one type, aggregated over documents."""

    source: int
    target: int
    type: str
    category: str
    """``event`` or ``relation``."""
    count: int

    def to_dict(self) -> dict[str, Any]:
        score = PLOVER_SCORE.get(self.type) if self.category == "event" else None
        return {"source": self.source, "target": self.target, "type": self.type, "category": self.category,
                "count": self.count, "score": score}


def _type_clause(column: str, types: tuple[str, ...] | None) -> tuple[str, list[str]]:
    if not types:
        return "", []
    return f" AND {column} IN ({_marks(types)})", list(types)


def edges_of(conn: sqlite3.Connection, ids: Sequence[int], flt: GraphFilter) -> list[Edge]:
    """Every edge with one end in ``ids`` (both directions), self-loops dropped."""
    if not ids:
        return []
    id_list = ",".join(str(int(i)) for i in ids)  # ints only: safe to inline, keeps the plan index-driven
    edges: dict[tuple[int, int, str, str], int] = {}
    for build, column, types, category in (
            (_event_edges_sql, "e.type", flt.event_types, "event"),
            (_relation_edges_sql, "r.type", flt.relation_types, "relation")):
        if types is not None and not types:
            continue
        clause, params = _type_clause(column, types)
        for side in ("s", "t"):
            for src, dst, type_, n in conn.execute(build(side, id_list, clause), params):
                if src != dst:
                    edges[(int(src), int(dst), str(type_), category)] = int(n)
    return [Edge(s, t, ty, cat, n) for (s, t, ty, cat), n in edges.items()]


class EdgeSource(Protocol):
    """Where graph queries read edges from: SQL each time (:class:`SqlEdges`) or a :class:`GraphIndex`."""

    def edges_of(self, ids: Sequence[int], flt: GraphFilter) -> list[Edge]: ...


class SqlEdges:
    """Edges read by SQL on every call: no set-up cost, fine for small stores and one-off queries."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def edges_of(self, ids: Sequence[int], flt: GraphFilter) -> list[Edge]:
        return edges_of(self.conn, ids, flt)


class GraphIndex:
    """Every actor-to-actor edge held in memory, for the web app's graph and path queries.

    Built with two aggregate queries (about a second for 100,000 events; a few tens of bytes per
    edge); :func:`store_version` tells when the store changed and the index must be rebuilt. A 2-hop
    neighbourhood of a hub touches tens of thousands of events: read from SQL each time that costs
    hundreds of milliseconds, from this index a few.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.version = store_version(conn)
        self._by_actor: dict[int, list[Edge]] = defaultdict(list)
        self._pairs: dict[tuple[int, int], list[Edge]] = defaultdict(list)
        self._ranked_cache: dict[int, list[tuple[int, int]]] = {}
        for build, category in ((_all_event_edges_sql, "event"), (_all_relation_edges_sql, "relation")):
            for src, dst, type_, n in conn.execute(build()):
                if src != dst:
                    edge = Edge(int(src), int(dst), str(type_), category, int(n))
                    self._by_actor[edge.source].append(edge)
                    self._by_actor[edge.target].append(edge)
                    self._pairs[(min(edge.source, edge.target), max(edge.source, edge.target))].append(edge)

    def expand(self, centre: int, hops: int, flt: GraphFilter, cap: int) -> Neighbourhood:
        """Like the SQL expansion, but each frontier actor offers only its ``room`` strongest ties
        (sorted once per actor) and the edges kept are looked up per pair of kept actors, so a hub
        with thousands of ties costs a slice, not a scan."""
        result = Neighbourhood(centre=centre, hops={centre: 0})
        frontier = [centre]
        for hop in range(1, hops + 1):
            room = cap - len(result.hops)
            weight: Counter[int] = Counter()
            for actor in frontier:
                for other, n in self._ranked(actor, flt)[:room + len(result.hops)]:
                    if other not in result.hops:
                        weight[other] += n
            ranked = sorted(weight.items(), key=lambda x: (-x[1], x[0]))
            result.truncated = result.truncated or len(ranked) > room
            frontier = [a for a, _ in ranked[:max(room, 0)]]
            result.hops.update({a: hop for a in frontier})
            if not frontier:
                break
        kept = sorted(result.hops)
        result.edges = [e for i, a in enumerate(kept) for b in kept[i + 1:]
                        for e in self._pairs.get((a, b), ()) if _passes(e, flt)]
        return result

    def _ranked(self, actor: int, flt: GraphFilter) -> list[tuple[int, int]]:
        """The actor's neighbours, strongest tie first (cached for the unfiltered graph)."""
        unfiltered = flt.event_types is None and flt.relation_types is None
        if unfiltered and actor in self._ranked_cache:
            return self._ranked_cache[actor]
        weight: Counter[int] = Counter()
        for e in self._by_actor.get(actor, ()):
            if _passes(e, flt):
                weight[e.target if e.source == actor else e.source] += e.count
        ranked = sorted(weight.items(), key=lambda x: (-x[1], x[0]))
        if unfiltered:
            self._ranked_cache[actor] = ranked
        return ranked

    def edges_of(self, ids: Sequence[int], flt: GraphFilter) -> list[Edge]:
        seen: dict[int, Edge] = {}
        for actor in ids:
            for edge in self._by_actor.get(actor, ()):
                if _passes(edge, flt):
                    seen[id(edge)] = edge
        return list(seen.values())


def _passes(edge: Edge, flt: GraphFilter) -> bool:
    types = flt.event_types if edge.category == "event" else flt.relation_types
    return types is None or edge.type in types


def store_version(conn: sqlite3.Connection) -> tuple[int, int]:
    """Changes whenever a document is added or removed (what the graph is built from)."""
    row = conn.execute("SELECT coalesce(max(rowid), 0), count(*) FROM documents").fetchone()
    return int(row[0]), int(row[1])


def _all_event_edges_sql() -> str:
    return ("SELECT s.actor_id, t.actor_id, e.type, count(*) FROM events e"
            " JOIN event_actors es ON es.doc_id = e.doc_id AND es.event_id = e.id AND es.role = 'source'"
            " JOIN event_actors et ON et.doc_id = e.doc_id AND et.event_id = e.id AND et.role = 'target'"
            " JOIN doc_entities s ON s.doc_id = es.doc_id AND s.entity_id = es.entity_id"
            " JOIN doc_entities t ON t.doc_id = et.doc_id AND t.entity_id = et.entity_id GROUP BY 1, 2, 3")


def _all_relation_edges_sql() -> str:
    return ("SELECT s.actor_id, t.actor_id, r.type, count(*) FROM relations r"
            " JOIN doc_entities s ON s.doc_id = r.doc_id AND s.entity_id = r.source"
            " JOIN doc_entities t ON t.doc_id = r.doc_id AND t.entity_id = r.target GROUP BY 1, 2, 3")


@dataclass
class Neighbourhood:
    """Nodes (with their hop distance) and the edges among them."""

    centre: int
    hops: dict[int, int] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    truncated: bool = False


def neighbourhood(conn: sqlite3.Connection, actor_id: int, hops: int = 1, flt: GraphFilter | None = None,
                  max_nodes: int = 100, edges: EdgeSource | None = None) -> dict[str, Any]:
    """The actor, the actors ``hops`` ties away (strongest ties first) and the edges among them."""
    require_actor(conn, actor_id)
    hops = max(1, min(hops, MAX_HOPS))
    max_nodes = max(2, min(max_nodes, MAX_NODES))
    flt = flt or GraphFilter()
    if isinstance(edges, GraphIndex):
        result = edges.expand(actor_id, hops, flt, max_nodes)
    else:
        result = _expand(edges or SqlEdges(conn), actor_id, hops, flt, max_nodes)
    actors = actor_rows(conn, result.hops)
    nodes = [{**actors[i], "hop": h} for i, h in sorted(result.hops.items(), key=lambda x: (x[1], x[0]))
             if i in actors]
    return {"centre": actor_id, "nodes": nodes, "edges": [e.to_dict() for e in result.edges],
            "truncated": result.truncated}


def _expand(source: EdgeSource, centre: int, hops: int, flt: GraphFilter, cap: int) -> Neighbourhood:
    result = Neighbourhood(centre=centre, hops={centre: 0})
    frontier = [centre]
    seen_edges: list[Edge] = []
    for hop in range(1, hops + 1):
        edges = source.edges_of(frontier, flt)
        seen_edges.extend(edges)
        weight: Counter[int] = Counter()
        for e in edges:
            for other in (e.source, e.target):
                if other not in result.hops:
                    weight[other] += e.count
        room = cap - len(result.hops)
        if len(weight) > room:
            result.truncated = True
        frontier = [a for a, _ in sorted(weight.items(), key=lambda x: (-x[1], x[0]))[:max(room, 0)]]
        result.hops.update({a: hop for a in frontier})
        if not frontier:
            break
    kept = result.hops
    unique = {(e.source, e.target, e.type, e.category): e for e in seen_edges
              if e.source in kept and e.target in kept}
    result.edges = list(unique.values())
    return result


def _neighbours(source: EdgeSource, ids: Sequence[int], flt: GraphFilter) -> dict[int, set[int]]:
    adjacency: dict[int, set[int]] = defaultdict(set)
    for e in source.edges_of(ids, flt):
        adjacency[e.source].add(e.target)
        adjacency[e.target].add(e.source)
    return adjacency


def shortest_path(conn: sqlite3.Connection, source: int, target: int, max_hops: int = 4,
                  flt: GraphFilter | None = None, edges: EdgeSource | None = None) -> dict[str, Any]:
    """The shortest chain of ties from ``source`` to ``target`` with the ties on each step.

    ``found`` is False when no chain of at most ``max_hops`` ties exists (or the search grew past
    :data:`PATH_FRONTIER_CAP` actors on one side, which is then reported as ``truncated``).
    """
    require_actor(conn, source)
    require_actor(conn, target)
    flt = flt or GraphFilter()
    max_hops = max(1, min(max_hops, PATH_MAX_HOPS))
    reader = edges or SqlEdges(conn)
    chain, truncated = _bidirectional(reader, source, target, max_hops, flt)
    if chain is None:
        return {"found": False, "truncated": truncated, "nodes": [], "steps": []}
    actors = actor_rows(conn, chain)
    steps = [{"source": a, "target": b, "edges": [e.to_dict() for e in _edges_between(reader, a, b, flt)]}
             for a, b in zip(chain, chain[1:], strict=False)]
    return {"found": True, "truncated": False, "nodes": [actors[i] for i in chain], "steps": steps}


def _bidirectional(reader: EdgeSource, source: int, target: int, max_hops: int,
                   flt: GraphFilter) -> tuple[list[int] | None, bool]:
    if source == target:
        return [source], False
    parents: list[dict[int, int | None]] = [{source: None}, {target: None}]
    frontiers: list[list[int]] = [[source], [target]]
    for _ in range(max_hops):
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        if len(frontiers[side]) > PATH_FRONTIER_CAP:
            return None, True
        adjacency = _neighbours(reader, frontiers[side], flt)
        nxt: list[int] = []
        for node in frontiers[side]:
            for other in sorted(adjacency.get(node, ())):
                if other in parents[side]:
                    continue
                parents[side][other] = node
                nxt.append(other)
                if other in parents[1 - side]:
                    return _join(parents, other), False
        frontiers[side] = nxt
        if not nxt:
            return None, False
    return None, False


def _join(parents: list[dict[int, int | None]], meet: int) -> list[int]:
    left: list[int] = []
    node: int | None = meet
    while node is not None:
        left.append(node)
        node = parents[0][node]
    right: list[int] = []
    node = parents[1][meet]
    while node is not None:
        right.append(node)
        node = parents[1][node]
    return left[::-1] + right


def _edges_between(reader: EdgeSource, a: int, b: int, flt: GraphFilter) -> list[Edge]:
    return [e for e in reader.edges_of([a], flt) if {e.source, e.target} == {a, b}]


# --- evidence for a tie -------------------------------------------------------------------------


def tie_events(conn: sqlite3.Connection, a: int, b: int, limit: int = 20) -> list[dict[str, Any]]:
    """Events between two actors (either direction) with their evidence, for a path or edge view."""
    rows = conn.execute(
        "SELECT e.doc_id, e.id, e.type, e.modality, COALESCE(e.date_start, d.published), e.evidence_text"
        " FROM doc_entities s"
        " JOIN event_actors es ON es.doc_id = s.doc_id AND es.entity_id = s.entity_id"
        " JOIN event_actors et ON et.doc_id = es.doc_id AND et.event_id = es.event_id AND et.role != es.role"
        " JOIN doc_entities t ON t.doc_id = et.doc_id AND t.entity_id = et.entity_id AND t.actor_id = ?"
        " JOIN events e ON e.doc_id = es.doc_id AND e.id = es.event_id"
        " JOIN documents d ON d.id = e.doc_id"
        " WHERE s.actor_id = ? GROUP BY e.doc_id, e.id ORDER BY 5 LIMIT ?", (b, a, limit))
    names = ("doc_id", "id", "type", "modality", "date", "evidence")
    return [dict(zip(names, r, strict=True)) for r in rows]


# --- timeline ------------------------------------------------------------------------------------


def timeline(conn: sqlite3.Connection, actor_id: int | None = None, other_id: int | None = None,
             since: str | None = None, until: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    """Event counts per month per (source, target) actor pair, each with a cooperation-conflict score.

    With no actor: counts per month over the whole store (``source``/``target`` are None). The score
    is the count-weighted mean of :data:`PLOVER_SCORE` (-10 conflict .. +10 cooperation).
    """
    if actor_id is None:
        rows = _store_months(conn, since, until)
    else:
        rows = _pair_months(conn, actor_id, other_id, since, until)
    cells: dict[tuple[str, int | None, int | None], Counter[str]] = defaultdict(Counter)
    for month, src, dst, type_, n in rows:
        cells[(month or "undated", src, dst)][type_] += n
    names = actor_rows(conn, [x for (_, s, t) in cells for x in (s, t) if x is not None])
    out = [_timeline_cell(month, src, dst, counts, names) for (month, src, dst), counts in cells.items()]
    out.sort(key=lambda c: (c["month"], -c["total"]))
    return out[:limit]


def _timeline_cell(month: str, src: int | None, dst: int | None, counts: Counter[str],
                   names: dict[int, dict[str, Any]]) -> dict[str, Any]:
    total = sum(counts.values())
    score = sum(PLOVER_SCORE.get(t, 0.0) * n for t, n in counts.items()) / total if total else 0.0
    return {"month": month, "source": _ref(src, names), "target": _ref(dst, names), "counts": dict(counts),
            "total": total, "score": round(score, 2)}


def _ref(actor_id: int | None, names: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    if actor_id is None:
        return None
    return {"id": actor_id, "name": names.get(actor_id, {}).get("name", f"#{actor_id}")}


def _date_clause(since: str | None, until: str | None) -> tuple[str, list[str]]:
    # Same overlap rule as the store's events(): '~' sorts after every digit and '-'.
    sql, params = "", []
    if since:
        sql += " AND COALESCE(e.date_end, e.date_start, d.published) || '~' >= ?"
        params.append(since)
    if until:
        sql += " AND COALESCE(e.date_start, d.published) <= ? || '~'"
        params.append(until)
    return sql, params


def _store_months(conn: sqlite3.Connection, since: str | None, until: str | None) -> list[Any]:
    clause, params = _date_clause(since, until)
    return conn.execute(
        "SELECT substr(COALESCE(e.date_start, d.published), 1, 7), NULL, NULL, e.type, count(*)"
        f" FROM events e JOIN documents d ON d.id = e.doc_id WHERE 1{clause} GROUP BY 1, 4", params).fetchall()


def _pair_months(conn: sqlite3.Connection, actor_id: int, other_id: int | None, since: str | None,
                 until: str | None) -> list[Any]:
    clause, params = _date_clause(since, until)
    rows: list[Any] = []
    for mine, theirs in (("s", "t"), ("t", "s")):
        other = f" AND {theirs}.actor_id = {int(other_id)}" if other_id is not None else ""
        # Driven from the actor's side; the second pass skips self-pairs the first already counted.
        skip_self = f" AND s.actor_id != {int(actor_id)}" if mine == "t" else ""
        rows += conn.execute(
            "SELECT substr(COALESCE(e.date_start, d.published), 1, 7), s.actor_id, t.actor_id, e.type, count(*)"
            f" FROM doc_entities {mine}"
            f" JOIN event_actors e{mine} ON e{mine}.doc_id = {mine}.doc_id AND e{mine}.entity_id = {mine}.entity_id"
            f" AND e{mine}.role = '{'source' if mine == 's' else 'target'}'"
            f" JOIN event_actors e{theirs} ON e{theirs}.doc_id = e{mine}.doc_id"
            f" AND e{theirs}.event_id = e{mine}.event_id AND e{theirs}.role != e{mine}.role"
            f" JOIN doc_entities {theirs} ON {theirs}.doc_id = e{theirs}.doc_id"
            f" AND {theirs}.entity_id = e{theirs}.entity_id"
            f" JOIN events e ON e.doc_id = e{mine}.doc_id AND e.id = e{mine}.event_id"
            " JOIN documents d ON d.id = e.doc_id"
            f" WHERE {mine}.actor_id = {int(actor_id)}{other}{skip_self}{clause} GROUP BY 1, 2, 3, 4",
            params).fetchall()
    return rows


# --- contradictions ------------------------------------------------------------------------------


def content_words(text: str) -> frozenset[str]:
    """Lowercased words of three letters or more, stop words removed: what two claims can share."""
    return frozenset(w for w in (m.group(0).lower() for m in _WORD.finditer(text)) if w not in _STOP)


def contradictions(conn: sqlite3.Connection, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Claims that deny what another speaker asserts (same actor, shared content words), then events
    one document denies or negates while another asserts them (same type, same source actor).

    The shape matches :class:`~sitroom.store.base.ContradictionRow` as a dict (``deny``/``asserted``
    sides), so pages show stored and computed contradictions alike.
    """
    found = _claim_conflicts(conn) + _event_conflicts(conn)
    return found[offset:offset + limit]


def _claim_conflicts(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT DISTINCT dc.doc_id, dc.id, ac.doc_id, ac.id, x.actor_id FROM claims dc"
        " JOIN claim_about da ON da.doc_id = dc.doc_id AND da.claim_id = dc.id"
        " JOIN doc_entities x ON x.doc_id = da.doc_id AND x.entity_id = da.entity_id"
        " JOIN doc_entities y ON y.actor_id = x.actor_id"
        " JOIN claim_about aa ON aa.doc_id = y.doc_id AND aa.entity_id = y.entity_id"
        " JOIN claims ac ON ac.doc_id = aa.doc_id AND ac.id = aa.claim_id AND ac.stance = 'assert'"
        " WHERE dc.stance = 'deny' LIMIT ?", (CONTRADICTION_CANDIDATES,)).fetchall()
    claims = _claims_by_key(conn, {(r[0], r[1]) for r in rows} | {(r[2], r[3]) for r in rows})
    pairs: dict[tuple[tuple[str, str], tuple[str, str]], set[int]] = defaultdict(set)
    for d_doc, d_id, a_doc, a_id, actor in rows:
        pairs[((d_doc, d_id), (a_doc, a_id))].add(int(actor))
    out: list[dict[str, Any]] = []
    for (deny_key, assert_key), actors in pairs.items():
        deny, assertion = claims[deny_key], claims[assert_key]
        speaker = deny["speaker"] and deny["speaker"]["id"]
        if speaker is not None and assertion["speaker"] and speaker == assertion["speaker"]["id"]:
            continue  # one speaker correcting itself is not two sources disagreeing
        shared = content_words(deny["text"]) & content_words(assertion["text"])
        if len(shared) >= MIN_SHARED_WORDS:
            out.append({"topic": "claim", "reason": "shared words: " + ", ".join(sorted(shared)),
                        "actors": sorted(actors), "deny": deny, "asserted": assertion, "_rank": len(shared)})
    names = actor_rows(conn, [a for c in out for a in c["actors"]])
    for c in out:
        c["actors"] = [_ref(a, names) for a in c["actors"]]
    out.sort(key=lambda c: (-c.pop("_rank"), c["deny"]["doc_id"], c["deny"]["id"]))
    return out


def _claims_by_key(conn: sqlite3.Connection, keys: set[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    wanted = sorted(keys)
    for i in range(0, len(wanted), 400):
        chunk = wanted[i:i + 400]
        values = ",".join("(?,?)" for _ in chunk)
        for row in conn.execute(
                # A join with the keys (not "IN (VALUES ...)", which SQLite may answer with a scan).
                f"WITH k(d, i) AS (VALUES {values})"
                " SELECT c.doc_id, c.id, c.stance, c.text, c.evidence_text, c.evidence_start, c.evidence_end,"
                " d.published, d.title, sp.actor_id, a.name FROM k JOIN claims c ON c.doc_id = k.d AND c.id = k.i"
                " JOIN documents d ON d.id = c.doc_id"
                " LEFT JOIN doc_entities sp ON sp.doc_id = c.doc_id AND sp.entity_id = c.speaker"
                " LEFT JOIN actors a ON a.id = sp.actor_id", [x for k in chunk for x in k]):
            doc_id, claim_id, stance, text, evidence, start, end, published, title, actor, name = row
            speaker = {"id": actor, "name": name} if actor is not None else None
            verb = "denies" if stance == "deny" else "says"
            out[(doc_id, claim_id)] = {
                "doc_id": doc_id, "kind": "claim", "id": claim_id,
                "label": f"{name or '(unattributed)'} {verb}: {text}", "text": text, "speaker": speaker,
                "via": None, "title": title, "published": published, "evidence": evidence,
                "evidence_start": start, "evidence_end": end}
    return out


def _event_conflicts(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows: list[Any] = conn.execute(
        "SELECT DISTINCT n.doc_id, n.id, p.doc_id, p.id, n.type, x.actor_id FROM events n"
        " JOIN event_actors nx ON nx.doc_id = n.doc_id AND nx.event_id = n.id AND nx.role = 'source'"
        " JOIN doc_entities x ON x.doc_id = nx.doc_id AND x.entity_id = nx.entity_id"
        " JOIN doc_entities y ON y.actor_id = x.actor_id AND y.doc_id != x.doc_id"
        " JOIN event_actors py ON py.doc_id = y.doc_id AND py.entity_id = y.entity_id AND py.role = 'source'"
        " JOIN events p ON p.doc_id = py.doc_id AND p.id = py.event_id AND p.type = n.type"
        "  AND p.modality = 'asserted'"
        " WHERE n.modality IN ('denied', 'negated') LIMIT ?", (CONTRADICTION_CANDIDATES,)).fetchall()
    sides = _event_sides(conn, {(r[0], r[1]) for r in rows} | {(r[2], r[3]) for r in rows})
    names = actor_rows(conn, [r[5] for r in rows])
    return [{"topic": type_, "reason": f"{sides[(nd, ni)]['modality']} in one source, asserted in another",
             "actors": [_ref(actor, names)], "deny": sides[(nd, ni)], "asserted": sides[(pd, pi)]}
            for nd, ni, pd, pi, type_, actor in rows]


def _event_sides(conn: sqlite3.Connection, keys: set[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    wanted = sorted(keys)
    for i in range(0, len(wanted), 400):
        chunk = wanted[i:i + 400]
        values = ",".join("(?,?)" for _ in chunk)
        for doc_id, event_id, type_, modality, text, start, end, pub, title in conn.execute(
                f"WITH k(d, i) AS (VALUES {values})"
                " SELECT e.doc_id, e.id, e.type, e.modality, e.evidence_text, e.evidence_start, e.evidence_end,"
                " d.published, d.title FROM k JOIN events e ON e.doc_id = k.d AND e.id = k.i"
                " JOIN documents d ON d.id = e.doc_id", [x for k in chunk for x in k]):
            label = type_ if modality == "asserted" else f"{type_} ({modality})"
            out[(doc_id, event_id)] = {
                "doc_id": doc_id, "kind": "event", "id": event_id, "label": label, "text": text,
                "speaker": None, "via": None, "title": title, "published": pub, "evidence": text,
                "evidence_start": start, "evidence_end": end, "modality": modality}
    return out


# --- map -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapFilter:
    """Filters of the event map (the same meaning as the store's ``events()`` filters)."""

    type: str | None = None
    modality: str | None = None
    since: str | None = None
    until: str | None = None
    actor_ids: tuple[int, ...] | None = None


def event_features(conn: sqlite3.Connection, flt: MapFilter, limit: int) -> list[dict[str, Any]]:
    """GeoJSON point features for events whose place is geocoded (or is a country: its centre)."""
    where, params = _map_where(flt)
    rows = conn.execute(
        "SELECT e.doc_id, e.id, e.type, e.mode, e.modality, COALESCE(e.date_start, d.published), e.place,"
        " e.evidence_text, pe.name, pe.kind, pe.country, pe.actor_id FROM events e"
        " JOIN documents d ON d.id = e.doc_id"
        " JOIN doc_entities pe ON pe.doc_id = e.doc_id AND pe.entity_id = e.place"
        f" WHERE e.place IS NOT NULL{where}"
        " ORDER BY COALESCE(e.date_start, d.published), e.doc_id, e.rowid LIMIT ?", [*params, limit * 2]).fetchall()
    geo = _entity_geo(conn, {(r[0], r[6]) for r in rows})
    features = []
    for doc_id, ev_id, type_, mode, modality, date, place, evidence, pname, pkind, pcountry, pactor in rows:
        point = geo.get((doc_id, place)) or (country_centre(pcountry) if pkind == "country" else None)
        if point is None:
            continue
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [point[1], point[0]]},
                         "properties": {"doc_id": doc_id, "id": ev_id, "type": type_, "mode": mode,
                                        "modality": modality, "date": date, "place": pname,
                                        "place_actor": pactor, "evidence": evidence}})
        if len(features) >= limit:
            break
    return features


def _map_where(flt: MapFilter) -> tuple[str, list[Any]]:
    sql, params = _date_clause(flt.since, flt.until)
    if flt.type:
        sql += " AND e.type = ?"
        params.append(flt.type.upper())
    if flt.modality:
        sql += " AND e.modality = ?"
        params.append(flt.modality.lower())
    if flt.actor_ids is not None:
        ids = ",".join(str(int(i)) for i in flt.actor_ids) or "NULL"
        sql += (" AND (e.doc_id, e.id) IN (SELECT ea.doc_id, ea.event_id FROM doc_entities de"
                " JOIN event_actors ea ON ea.doc_id = de.doc_id AND ea.entity_id = de.entity_id"
                f" WHERE de.actor_id IN ({ids}))")
    return sql, params


def _entity_geo(conn: sqlite3.Connection, keys: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[float, float]]:
    """(lat, lon) of place entities from the stored records' ``geo`` field (the store has no column)."""
    docs = sorted({d for d, _ in keys})
    out: dict[tuple[str, str], tuple[float, float]] = {}
    for i in range(0, len(docs), 200):
        chunk = docs[i:i + 200]
        for doc_id, ent_id, lat, lon in conn.execute(
                "SELECT d.id, json_extract(j.value, '$.id'), json_extract(j.value, '$.geo.lat'),"
                " json_extract(j.value, '$.geo.lon') FROM documents d, json_each(d.record_json, '$.entities') j"
                f" WHERE d.id IN ({_marks(chunk)}) AND json_extract(j.value, '$.geo.lat') IS NOT NULL", chunk):
            if (doc_id, ent_id) in keys:
                out[(doc_id, ent_id)] = (float(lat), float(lon))
    return out


@lru_cache(maxsize=1)
def _country_centres() -> dict[str, tuple[float, float]]:
    path = Path(__file__).resolve().parents[1] / "knowledge" / "geo" / "countries.tsv"
    centres: dict[str, tuple[float, float]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if len(cells) >= 6 and not line.startswith("#"):
                try:
                    centres[cells[0]] = (float(cells[4]), float(cells[5]))
                except ValueError:
                    continue
    return centres


def country_centre(alpha3: str | None) -> tuple[float, float] | None:
    """(lat, lon) of a country's representative point, from the offline geocoding tables."""
    return _country_centres().get(alpha3 or "")


def resolve_actors(conn: sqlite3.Connection, value: str) -> list[int]:
    """Actor ids for a filter value: a numeric id, or a name matched as the store matches names.

    Raises NotFound (with close names) when nothing matches.
    """
    from sitroom.store.sqlite_read import actor_ids

    text = value.strip()
    if text.isdigit():
        require_actor(conn, int(text))
        return [int(text)]
    return actor_ids(conn, text)
