"""Flat rows read from stored document records: the tables every tabular export writes.

Works from :meth:`Store.iter_records` alone (any backend), streaming one record at a time. Entities
are mapped to cross-document actors with the store's own identity key
(:func:`sitroom.resolve.identity.actor_key`), so an actor has one ``actor`` id in every table and
export.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sitroom.resolve.identity import actor_key

TABLES = ("events", "claims", "relations", "actors", "documents", "quantities")
SEP = "; "
"""Joins several actors in one cell (a CSV cell holds one string)."""


@dataclass
class ActorTotals:
    """An actor as seen across the exported records."""

    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    code: str | None
    mentions: int = 0
    documents: int = 0
    aliases: set[str] = field(default_factory=set)


class RecordReader:
    """Walks records once, keeping the actor of each entity and the actor totals."""

    def __init__(self, records: Iterable[dict[str, Any]]) -> None:
        self.records = records
        self.actors: dict[str, ActorTotals] = {}

    def __iter__(self) -> Iterator[tuple[dict[str, Any], dict[str, dict[str, Any]]]]:
        """Each record with its entities by id, each entity carrying its ``actor`` key."""
        for record in self.records:
            entities = {e["id"]: {**e, "actor": self._note(e)} for e in record.get("entities", [])}
            yield record, entities

    def _note(self, ent: dict[str, Any]) -> str:
        key = actor_key(ent["name"], ent["kind"], ent.get("country"))
        found = self.actors.get(key)
        if found is None:
            found = self.actors[key] = ActorTotals(key, ent["name"], ent["kind"], ent.get("country"),
                                                    ent.get("sector"), ent.get("code"))
        found.mentions += len(ent.get("mentions", []))
        found.documents += 1
        found.aliases.update([ent["name"], *ent.get("aliases", [])])
        return key


def _names(ids: list[str] | None, entities: dict[str, dict[str, Any]], attr: str = "name") -> str:
    return SEP.join(str(entities[i][attr] or "") for i in ids or [] if i in entities)


def _one(ref: str | None, entities: dict[str, dict[str, Any]], attr: str) -> Any:
    ent = entities.get(ref or "")
    return ent.get(attr) if ent else None


def geo_of(ref: str | None, entities: dict[str, dict[str, Any]]) -> tuple[float, float] | None:
    """(lat, lon) of a place entity: its geocode, or a country's centre when it is a country."""
    from sitroom.query.web import country_centre

    ent = entities.get(ref or "")
    if not ent:
        return None
    geo = ent.get("geo") or {}
    if geo.get("lat") is not None and geo.get("lon") is not None:
        return float(geo["lat"]), float(geo["lon"])
    return country_centre(ent.get("country")) if ent.get("kind") == "country" else None


def event_rows(record: dict[str, Any], entities: dict[str, dict[str, Any]]) -> Iterator[dict[str, Any]]:
    doc = record["document"]
    for v in record.get("events", []):
        date = v.get("date") or {}
        casualties = v.get("casualties") or {}
        point = geo_of(v.get("place"), entities)
        yield {
            "doc_id": doc["id"], "event_id": v["id"], "type": v["type"], "mode": v.get("mode"),
            "modality": v.get("modality"), "date_text": date.get("text"), "date_start": date.get("start"),
            "date_end": date.get("end"), "date_fallback": bool(date.get("fallback", False)),
            "published": doc.get("published"),
            "source": _names(v.get("source"), entities), "source_actor": _names(v.get("source"), entities, "actor"),
            "source_code": _names(v.get("source"), entities, "code"),
            "target": _names(v.get("target"), entities), "target_actor": _names(v.get("target"), entities, "actor"),
            "target_code": _names(v.get("target"), entities, "code"),
            "place": _one(v.get("place"), entities, "name"),
            "lat": point[0] if point else None, "lon": point[1] if point else None,
            "killed": casualties.get("killed"), "injured": casualties.get("injured"),
            "arrested": casualties.get("arrested"), "confidence": v.get("confidence"),
            "evidence_start": (v.get("evidence") or {}).get("start"),
            "evidence_end": (v.get("evidence") or {}).get("end"),
            "evidence": (v.get("evidence") or {}).get("text"),
        }


def claim_rows(record: dict[str, Any], entities: dict[str, dict[str, Any]]) -> Iterator[dict[str, Any]]:
    doc = record["document"]
    for c in record.get("claims", []):
        yield {
            "doc_id": doc["id"], "claim_id": c["id"], "speaker": _one(c.get("speaker"), entities, "name"),
            "speaker_actor": _one(c.get("speaker"), entities, "actor"), "via": _one(c.get("via"), entities, "name"),
            "stance": c.get("stance"), "kind": c.get("kind"), "cue": c.get("cue"), "text": c.get("text"),
            "about": _names(c.get("about"), entities), "published": doc.get("published"),
            "evidence": (c.get("evidence") or {}).get("text"),
        }


def relation_rows(record: dict[str, Any], entities: dict[str, dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for r in record.get("relations", []):
        yield {
            "doc_id": record["document"]["id"], "relation_id": r["id"], "type": r["type"],
            "source": _one(r.get("source"), entities, "name"), "source_actor": _one(r.get("source"), entities, "actor"),
            "target": _one(r.get("target"), entities, "name"), "target_actor": _one(r.get("target"), entities, "actor"),
            "modality": r.get("modality"), "confidence": r.get("confidence"),
            "evidence": (r.get("evidence") or {}).get("text"),
        }


def quantity_rows(record: dict[str, Any], entities: dict[str, dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for x in record.get("quantities", []):
        yield {
            "doc_id": record["document"]["id"], "quantity_id": x["id"], "text": x.get("text"),
            "value": _float(x.get("value")), "lower": _float(x.get("lower")), "upper": _float(x.get("upper")),
            "approximate": bool(x.get("approximate")), "unit": x.get("unit"), "currency": x.get("currency"),
            "about": _one(x.get("about"), entities, "name"), "evidence": (x.get("evidence") or {}).get("text"),
        }


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def document_row(record: dict[str, Any]) -> dict[str, Any]:
    doc = record["document"]
    return {"doc_id": doc["id"], "title": doc.get("title"), "published": doc.get("published"),
            "source": doc.get("source"), "url": doc.get("url"), "author": doc.get("author"),
            "language": doc.get("language"), "events": len(record.get("events", [])),
            "claims": len(record.get("claims", [])), "text": doc.get("text")}


def actor_row(a: ActorTotals) -> dict[str, Any]:
    return {"actor": a.key, "name": a.name, "kind": a.kind, "country": a.country, "sector": a.sector,
            "code": a.code, "mentions": a.mentions, "documents": a.documents,
            "aliases": SEP.join(sorted(a.aliases))}


_PER_RECORD = {"events": event_rows, "claims": claim_rows, "relations": relation_rows,
               "quantities": quantity_rows}


def table_rows(records: Iterable[dict[str, Any]], table: str) -> Iterator[dict[str, Any]]:
    """The rows of one table; ``actors`` comes after a full pass (its totals need every record)."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose from {', '.join(TABLES)}")
    reader = RecordReader(records)
    for record, entities in reader:
        if table == "documents":
            yield document_row(record)
        elif table in _PER_RECORD:
            yield from _PER_RECORD[table](record, entities)
    if table == "actors":
        yield from (actor_row(a) for a in reader.actors.values())


COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("doc_id", "event_id", "type", "mode", "modality", "date_text", "date_start", "date_end",
               "date_fallback", "published", "source", "source_actor", "source_code", "target", "target_actor", "target_code",
               "place", "lat", "lon", "killed", "injured", "arrested", "confidence", "evidence_start",
               "evidence_end", "evidence"),
    "claims": ("doc_id", "claim_id", "speaker", "speaker_actor", "via", "stance", "kind", "cue", "text",
               "about", "published", "evidence"),
    "relations": ("doc_id", "relation_id", "type", "source", "source_actor", "target", "target_actor",
                  "modality", "confidence", "evidence"),
    "actors": ("actor", "name", "kind", "country", "sector", "code", "mentions", "documents", "aliases"),
    "documents": ("doc_id", "title", "published", "source", "url", "author", "language", "events", "claims",
                  "text"),
    "quantities": ("doc_id", "quantity_id", "text", "value", "lower", "upper", "approximate", "unit",
                   "currency", "about", "evidence"),
}
"""Column order of each table: fixed, so an empty export still has its header and schema."""
