"""HTML pages: search, actors, actor profile, events and map, claims, contradictions, documents.

Pages are server-rendered Jinja2 with autoescaping on, so every piece of article text reaches the
browser as text; the only markup built in Python is the search snippet's ``<mark>``, added after
escaping (:func:`sitroom.query.search.html_snippet`). Graphs, maps and timelines are drawn by
``static/app.js`` from the JSON API (no inline script: the Content-Security-Policy forbids it).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from sitroom.query import as_dict, as_dicts
from sitroom.query import web as q
from sitroom.query.search import html_snippet
from sitroom.serve.api import ActorParam, DatePrefix, Text, contradiction_rows, handles
from sitroom.serve.docview import Fact, facts, segments
from sitroom.store.sqlite_read import ClaimFilter, EventFilter, query_claims, query_events

PAGE_SIZE = 50
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MODALITIES = ("asserted", "planned", "hypothetical", "negated", "denied", "alleged", "reported")
Offset = Annotated[int, Query(ge=0, le=100_000)]

_env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates"),
                          autoescape=True, undefined=jinja2.StrictUndefined)
_env.globals.update(event_types=EVENT_TYPES, modalities=MODALITIES, score=q.PLOVER_SCORE)
templates = Jinja2Templates(env=_env)
router = APIRouter(include_in_schema=False)


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("title", "sitroom")
    context["tiles_url"] = request.app.state.tiles_url
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", status, title=f"Error {status}", message=message)


def _next(request: Request, offset: int, rows: int, size: int = PAGE_SIZE) -> str | None:
    """The URL of the next page, or None on the last one."""
    if rows < size:
        return None
    params = dict(request.query_params)
    params["offset"] = str(offset + size)
    return f"{request.url.path}?{urlencode(params)}"


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    h = handles(request)
    return render(request, "index.html", stats=h.store.stats(), actors=as_dicts(h.store.actors(top=15)),
                  documents=q.documents(h.conn, 10, 0))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q_: Annotated[str, Query(alias="q", max_length=200)] = "",
           offset: Offset = 0) -> Response:
    h = handles(request)
    hits = h.store.search(q_, limit=PAGE_SIZE, offset=offset) if q_.strip() else []
    rows = [{**as_dict(hit), "snippet_html": Markup(html_snippet(hit.snippet))} for hit in hits]
    actors = q.find_actors(h.conn, q_, limit=12) if q_.strip() and offset == 0 else []
    return render(request, "search.html", title=f"Search: {q_}", query=q_, hits=rows, actors=actors,
                  next_url=_next(request, offset, len(hits)))


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, kind: Text = None, sector: Text = None, country: Text = None,
           offset: Offset = 0) -> Response:
    rows = handles(request).store.actors(kind=kind or None, sector=sector or None, country=country or None,
                                         top=PAGE_SIZE, offset=offset)
    return render(request, "actors.html", title="Actors", actors=as_dicts(rows),
                  filters={"kind": kind or "", "sector": sector or "", "country": country or ""},
                  next_url=_next(request, offset, len(rows)))


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: int) -> Response:
    h = handles(request)
    profile = h.store.actor(actor_id)
    data = as_dict(profile)
    events = sorted(data["events_as_source"] + data["events_as_target"],
                    key=lambda e: (e["date_start"] or e["published"] or "", e["doc_id"], e["id"]))
    months = Counter((e["date_start"] or e["published"] or "undated")[:7] for e in events)
    pairs = q.timeline(h.conn, actor_id, limit=300)
    return render(request, "actor.html", title=profile.actor.name, p=data, events=events,
                  months=sorted(months.items()), peak=max(months.values(), default=1), pairs=pairs)


def _event_query(h: Any, type: str | None, actor: str | None, since: str | None, until: str | None,
                 place: str | None, modality: str | None) -> EventFilter:
    return EventFilter(type=type or None, modality=modality or None, since=since or None, until=until or None,
                       actor_ids=q.resolve_actors(h.conn, actor) if actor else None,
                       place_ids=q.resolve_actors(h.conn, place) if place else None)


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, type: Text = None, actor: ActorParam = None, since: DatePrefix = None,
           until: DatePrefix = None, place: ActorParam = None, modality: Text = None,
           offset: Offset = 0) -> Response:
    h = handles(request)
    rows = query_events(h.conn, _event_query(h, type, actor, since, until, place, modality), PAGE_SIZE, offset)
    filters = {"type": type or "", "actor": actor or "", "since": since or "", "until": until or "",
               "place": place or "", "modality": modality or ""}
    map_query = urlencode({k: v for k, v in filters.items() if v and k != "place"})
    return render(request, "events.html", title="Events", events=as_dicts(rows), filters=filters,
                  map_query=map_query, next_url=_next(request, offset, len(rows)))


@router.get("/claims", response_class=HTMLResponse)
def claims(request: Request, speaker: ActorParam = None, about: ActorParam = None, stance: Text = None,
           offset: Offset = 0) -> Response:
    h = handles(request)
    flt = ClaimFilter(speaker_ids=q.resolve_actors(h.conn, speaker) if speaker else None,
                      about_ids=q.resolve_actors(h.conn, about) if about else None, stance=stance or None)
    rows = query_claims(h.conn, flt, PAGE_SIZE, offset)
    return render(request, "claims.html", title="Claims", claims=as_dicts(rows),
                  filters={"speaker": speaker or "", "about": about or "", "stance": stance or ""},
                  next_url=_next(request, offset, len(rows)))


@router.get("/contradictions", response_class=HTMLResponse)
def contradictions(request: Request, actor: ActorParam = None, offset: Offset = 0) -> Response:
    rows = contradiction_rows(handles(request), actor or None, PAGE_SIZE, offset)
    return render(request, "contradictions.html", title="Contradictions", rows=rows, actor=actor or "",
                  next_url=_next(request, offset, len(rows)))


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, offset: Offset = 0) -> Response:
    rows = q.documents(handles(request).conn, PAGE_SIZE, offset)
    return render(request, "documents.html", title="Documents", documents=rows,
                  next_url=_next(request, offset, len(rows)))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str, fact: Annotated[str | None, Query(max_length=50)] = None,
             span: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$")] = None) -> Response:
    h = handles(request)
    record = h.store.get_record(doc_id)
    fact_list = facts(record)
    if span and not fact:
        hit = _search_hit(span, record["document"]["text"])
        if hit is not None:
            fact_list.append(hit)
            fact = hit.id
    entity_actor = q.entity_actors(h.conn, doc_id)
    pieces = segments(record, fact_list, entity_actor, highlight=fact)
    doc = record["document"]
    return render(request, "document.html", title=doc.get("title") or doc["id"], doc=doc, segments=pieces,
                  facts=fact_list, selected=fact, entities=record.get("entities", []), entity_actor=entity_actor)


def _search_hit(span: str, text: str) -> Fact | None:
    """The sentence a search result pointed at, highlighted like a fact."""
    start, end = (int(x) for x in span.split("-"))
    if not 0 <= start < end <= len(text):
        return None
    return Fact("hit", "search", "search result", start, end)


@router.get("/path", response_class=HTMLResponse)
def path(request: Request, source: ActorParam = None, target: ActorParam = None) -> Response:
    h = handles(request)
    result = None
    if source and target:
        a, b = q.resolve_actors(h.conn, source)[0], q.resolve_actors(h.conn, target)[0]
        result = q.shortest_path(h.conn, a, b, edges=request.app.state.db.graph())
        for step in result["steps"]:
            step["events"] = q.tie_events(h.conn, step["source"], step["target"], limit=5)
    return render(request, "path.html", title="Path", source=source or "", target=target or "", result=result)
