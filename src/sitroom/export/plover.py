"""PLOVER event records: one JSON object per event, PLOVER's field names plus sitroom's extras.

PLOVER core fields: ``event_id``, ``event_date``, ``event_type``, ``event_mode``, ``source_actor``,
``source_agent`` (sector), ``source_country``, ``target_*``, ``location``, ``event_text`` (the
sentence), ``story_*`` (the document). Extras, kept under their own names so PLOVER readers ignore
them: ``modality``, ``evidence`` (span and text), ``date_text``/``date_end``/``date_fallback``, ``casualties``,
``confidence``, ``sitroom_doc_id``/``sitroom_event_id``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sitroom.export.rows import SEP, RecordReader, geo_of


def _side(ids: list[str], entities: dict[str, dict[str, Any]]) -> dict[str, Any]:
    found = [entities[i] for i in ids if i in entities]
    return {
        "actor": SEP.join(e["name"] for e in found) or None,
        "agent": SEP.join(dict.fromkeys(e.get("sector") or "" for e in found)).strip("; ") or None,
        "country": SEP.join(dict.fromkeys(e.get("country") or "" for e in found)).strip("; ") or None,
        "code": SEP.join(e.get("code") or "" for e in found).strip("; ") or None,
        "actor_id": SEP.join(e["actor"] for e in found) or None,
    }


def plover_events(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for record, entities in RecordReader(records):
        doc = record["document"]
        for v in record.get("events", []):
            yield plover_event(doc, v, entities)


def plover_event(doc: dict[str, Any], v: dict[str, Any], entities: dict[str, dict[str, Any]]) -> dict[str, Any]:
    date = v.get("date") or {}
    src, tgt = _side(v.get("source", []), entities), _side(v.get("target", []), entities)
    place = entities.get(v.get("place") or "")
    point = geo_of(v.get("place"), entities)
    location = None
    if place:
        geo = place.get("geo") or {}
        location = {"name": place["name"], "lat": point[0] if point else None, "lon": point[1] if point else None,
                    "country": geo.get("country") or place.get("country"), "geonameid": geo.get("geonameid"),
                    "feature": geo.get("feature") or (place["kind"] if place["kind"] == "country" else None)}
    return {
        "event_id": f"{doc['id']}:{v['id']}", "event_date": date.get("start") or doc.get("published"),
        "event_type": v["type"], "event_mode": v.get("mode"),
        "source_actor": src["actor"], "source_agent": src["agent"], "source_country": src["country"],
        "source_code": src["code"], "target_actor": tgt["actor"], "target_agent": tgt["agent"],
        "target_country": tgt["country"], "target_code": tgt["code"], "location": location,
        "event_text": (v.get("evidence") or {}).get("text"),
        "story_id": doc["id"], "story_date": doc.get("published"), "story_title": doc.get("title"),
        "story_source": doc.get("source"), "story_url": doc.get("url"), "language": doc.get("language"),
        # sitroom extras
        "modality": v.get("modality"), "date_text": date.get("text"), "date_end": date.get("end"),
        "date_fallback": bool(date.get("fallback", False)),
        "casualties": v.get("casualties"), "confidence": v.get("confidence"),
        "evidence": v.get("evidence"), "source_actor_id": src["actor_id"], "target_actor_id": tgt["actor_id"],
        "sitroom_doc_id": doc["id"], "sitroom_event_id": v["id"],
    }
