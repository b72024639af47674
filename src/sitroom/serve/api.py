"""The JSON API under ``/api``: every list is paginated (``limit``, ``offset``, ``next_offset``) and
capped at :data:`MAX_LIMIT` rows; names given as filters match actors as the store matches them, or
are numeric actor ids.

Library errors become HTTP statuses in :mod:`sitroom.serve.app` (NotFound 404, other input errors 400).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import StreamingResponse

from sitroom.export import FORMATS, TABLES, export, media_type
from sitroom.query import as_dict, as_dicts
from sitroom.query import web as q
from sitroom.query.search import hit_dict
from sitroom.serve.db import Database, Handles
from sitroom.serve.docview import facts
from sitroom.store.sqlite_read import ClaimFilter, EventFilter, query_claims, query_events

MAX_LIMIT = 500
MAX_OFFSET = 100_000
"""Deep offsets make SQLite walk every skipped row; past this, narrow the filters instead."""

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"rows per page (at most {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
Text = Annotated[str | None, Query(max_length=200)]
ActorParam = Annotated[str | None, Query(max_length=200, description="actor name (any alias) or numeric id")]
DatePrefix = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="ISO date prefix")]
TypeList = Annotated[list[str] | None, Query(max_length=20)]


def handles(request: Request) -> Handles:
    db: Database = request.app.state.db
    return db.handles()


def page(items: list[Any], limit: int, offset: int, **extra: Any) -> dict[str, Any]:
    """A page of rows; ``next_offset`` is null on the last page."""
    return {**extra, "items": items, "limit": limit, "offset": offset,
            "next_offset": offset + limit if len(items) == limit else None}


def _ids(h: Handles, value: str | None) -> list[int] | None:
    return q.resolve_actors(h.conn, value) if value else None


@router.get("/stats", summary="Counts of everything in the store")
def stats(request: Request) -> dict[str, int]:
    return handles(request).store.stats()


@router.get("/search", summary="Full-text search over sentences, plus actors whose name starts so")
def search(request: Request, q_: Annotated[str, Query(alias="q", min_length=1, max_length=200)],
           limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    h = handles(request)
    hits = [hit_dict(hit) for hit in h.store.search(q_, limit=limit, offset=offset)]
    actors = q.find_actors(h.conn, q_, limit=10) if offset == 0 else []
    return page(hits, limit, offset, query=q_, actors=actors)


@router.get("/entities", summary="Actors, most mentioned first; filter by kind, sector, country")
def entities(request: Request, kind: Text = None, sector: Text = None, country: Text = None,
             limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    rows = handles(request).store.actors(kind=kind, country=country, sector=sector, top=limit, offset=offset)
    return page(as_dicts(rows), limit, offset)


@router.get("/entities/{ref}", summary="One actor: aliases, relations, events, claims, documents")
def entity(request: Request, ref: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    return as_dict(handles(request).store.actor(ref))


def _event_filter(h: Handles, type: str | None, actor: str | None, since: str | None, until: str | None,
                  place: str | None, modality: str | None) -> EventFilter:
    return EventFilter(type=type, actor_ids=_ids(h, actor), place_ids=_ids(h, place), since=since,
                       until=until, modality=modality)


@router.get("/events", summary="Events by type, actor, date range, place and modality")
def events(request: Request, type: Text = None, actor: ActorParam = None, since: DatePrefix = None,
           until: DatePrefix = None, place: ActorParam = None, modality: Text = None,
           limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    h = handles(request)
    rows = query_events(h.conn, _event_filter(h, type, actor, since, until, place, modality), limit, offset)
    return page(as_dicts(rows), limit, offset)


@router.get("/events.geojson", summary="Geocoded events as a GeoJSON FeatureCollection (for the map)")
def events_geojson(request: Request, type: Text = None, actor: ActorParam = None, since: DatePrefix = None,
                   until: DatePrefix = None, modality: Text = None,
                   limit: Annotated[int, Query(ge=1, le=5000)] = 2000) -> dict[str, Any]:
    h = handles(request)
    ids = _ids(h, actor)
    flt = q.MapFilter(type=type, modality=modality, since=since, until=until,
                      actor_ids=tuple(ids) if ids is not None else None)
    return {"type": "FeatureCollection", "features": q.event_features(h.conn, flt, limit)}


@router.get("/claims", summary="Claims by speaker, outlet (via), stance, topic actor and kind")
def claims(request: Request, speaker: ActorParam = None, via: ActorParam = None, stance: Text = None,
           about: ActorParam = None, kind: Text = None, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    h = handles(request)
    flt = ClaimFilter(speaker_ids=_ids(h, speaker), via_ids=_ids(h, via), about_ids=_ids(h, about),
                      stance=stance, kind=kind)
    return page(as_dicts(query_claims(h.conn, flt, limit, offset)), limit, offset)


@router.get("/contradictions", summary="Denials that meet assertions of the same thing by other sources")
def contradictions(request: Request, actor: ActorParam = None, limit: Limit = 50,
                   offset: Offset = 0) -> dict[str, Any]:
    return page(contradiction_rows(handles(request), actor, limit, offset), limit, offset)


def contradiction_rows(h: Handles, actor: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    """The store's own contradictions when it records them; else those computed here (query.web)."""
    stored = getattr(h.store, "contradictions", None)
    if callable(stored):
        return as_dicts(stored(actor=actor, limit=limit, offset=offset))
    rows = q.contradictions(h.conn, limit=q.CONTRADICTION_CANDIDATES if actor else limit,
                            offset=0 if actor else offset)
    if actor:
        ids = set(q.resolve_actors(h.conn, actor))
        rows = [r for r in rows if ids & {a["id"] for a in r["actors"]}][offset:offset + limit]
    return rows


@router.get("/documents", summary="Documents, newest first")
def documents(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return page(q.documents(handles(request).conn, limit, offset), limit, offset)


@router.get("/documents/{doc_id}", summary="One document: its text and every fact with its evidence span")
def document(request: Request, doc_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    h = handles(request)
    record = h.store.get_record(doc_id)
    text = record["document"]["text"]
    actors = q.entity_actors(h.conn, doc_id)
    ents = [{"id": e["id"], "name": e["name"], "kind": e["kind"], "actor": actors.get(e["id"]),
             "mentions": e.get("mentions", [])} for e in record.get("entities", [])]
    return {"document": record["document"], "entities": ents, "facts": [f.to_dict(text) for f in facts(record)]}


def _graph_filter(event_type: list[str] | None, relation_type: list[str] | None) -> q.GraphFilter:
    def norm(values: list[str] | None, upper: bool) -> tuple[str, ...] | None:
        if values is None:
            return None
        # "none" switches a category off; several values may also come comma-separated.
        parts = [p.strip() for v in values for p in v.split(",") if p.strip()]
        return tuple(p.upper() if upper else p.lower() for p in parts if p.lower() != "none")
    return q.GraphFilter(norm(event_type, True), norm(relation_type, False))


@router.get("/graph/{actor}", summary="An actor's neighbourhood: n hops of events and relations, capped")
def graph(request: Request, actor: Annotated[str, Path(max_length=200)],
          hops: Annotated[int, Query(ge=1, le=q.MAX_HOPS)] = 1, event_type: TypeList = None,
          relation_type: TypeList = None,
          max_nodes: Annotated[int, Query(ge=2, le=q.MAX_NODES)] = 100) -> dict[str, Any]:
    h = handles(request)
    actor_id = q.resolve_actors(h.conn, actor)[0]
    return q.neighbourhood(h.conn, actor_id, hops, _graph_filter(event_type, relation_type), max_nodes,
                           edges=request.app.state.db.graph())


@router.get("/path", summary="Shortest chain of ties between two actors")
def path(request: Request, source: Annotated[str, Query(max_length=200)],
         target: Annotated[str, Query(max_length=200)],
         max_hops: Annotated[int, Query(ge=1, le=q.PATH_MAX_HOPS)] = 4, event_type: TypeList = None,
         relation_type: TypeList = None) -> dict[str, Any]:
    h = handles(request)
    a, b = q.resolve_actors(h.conn, source)[0], q.resolve_actors(h.conn, target)[0]
    return q.shortest_path(h.conn, a, b, max_hops, _graph_filter(event_type, relation_type),
                           edges=request.app.state.db.graph())


@router.get("/timeline", summary="Events per actor pair per month with a cooperation-conflict score")
def timeline(request: Request, actor: ActorParam = None, other: ActorParam = None, since: DatePrefix = None,
             until: DatePrefix = None, limit: Annotated[int, Query(ge=1, le=5000)] = 1000) -> dict[str, Any]:
    h = handles(request)
    a = q.resolve_actors(h.conn, actor)[0] if actor else None
    b = q.resolve_actors(h.conn, other)[0] if other else None
    return {"scale": q.PLOVER_SCORE, "items": q.timeline(h.conn, a, b, since, until, limit)}


@router.get("/export/{fmt}", summary="The whole store in one export format")
def export_store(request: Request, fmt: Annotated[str, Path(pattern="^(" + "|".join(FORMATS) + ")$")],
                 table: Annotated[str, Query(pattern="^(" + "|".join(TABLES) + ")$")] = "events") -> StreamingResponse:
    h = handles(request)
    spool = tempfile.SpooledTemporaryFile(max_size=16_000_000)  # noqa: SIM115 - closed by the generator
    export(h.store, fmt, spool, table=table)
    spool.seek(0)
    name = f"sitroom-{table}.{fmt}" if fmt in ("csv", "parquet") else f"sitroom.{_suffix(fmt)}"

    def chunks() -> Iterator[bytes]:
        with spool:
            while block := spool.read(65536):
                yield block

    return StreamingResponse(chunks(), media_type=media_type(fmt),
                             headers={"content-disposition": f'attachment; filename="{name}"'})


def _suffix(fmt: str) -> str:
    return {"plover": "plover.jsonl", "jsonl": "jsonl"}.get(fmt, fmt)
