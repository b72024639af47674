"""Rebuild a :class:`~sitroom.records.DocumentRecord` from its JSON form (``sitroom.document/1``).

``record_from_json(record.to_json()).to_json() == record.to_json()`` holds for every record: what
the JSON leaves out (a mention's kind, a sentence's text, an event date's evidence) is restored from
the text and the rest of the record, or filled with neutral values that ``to_json`` does not emit.
"""

from __future__ import annotations

from typing import Any

from sitroom.errors import InputError
from sitroom.ids import content_hash
from sitroom.records import (
    SCHEMA,
    Casualties,
    Claim,
    DateRef,
    Document,
    DocumentRecord,
    Entity,
    Event,
    Mention,
    Quantity,
    Relation,
    Sentence,
    Span,
)

_SCHEMA_FAMILY = SCHEMA.split("/")[0] + "/"


def record_from_json(d: dict[str, Any], where: str = "record") -> DocumentRecord:
    """The record a ``to_json`` dict describes; raises :class:`InputError` naming ``where`` if malformed."""
    schema = d.get("schema", SCHEMA)
    if not isinstance(schema, str) or not schema.startswith(_SCHEMA_FAMILY):
        raise InputError(where, f"not a sitroom document record (schema {schema!r}, expected {SCHEMA})")
    try:
        return _build(d)
    except (KeyError, TypeError, ValueError) as err:
        raise InputError(where, f"malformed document record: {type(err).__name__}: {err}") from err


def _build(d: dict[str, Any]) -> DocumentRecord:
    document = _document(d["document"])
    text = document.text
    entities = [_entity(e, text) for e in d.get("entities", [])]
    dates = [_date(x) for x in d.get("dates", [])]
    return DocumentRecord(
        document=document,
        sentences=[_sentence(i, s, text) for i, s in enumerate(d.get("sentences", []))],
        entities=entities,
        events=[_event(v, dates) for v in d.get("events", [])],
        claims=[_claim(c) for c in d.get("claims", [])],
        relations=[_relation(r) for r in d.get("relations", [])],
        quantities=[_quantity(q) for q in d.get("quantities", [])],
        dates=dates,
        model=d.get("model"),
        warnings=list(d.get("warnings", [])),
    )


def _span(d: dict[str, Any] | None) -> Span:
    if not d:
        return Span(0, 0, "")
    return Span(int(d.get("start", 0)), int(d.get("end", 0)), d.get("text", ""))


def _document(d: dict[str, Any]) -> Document:
    text = d["text"]
    if not isinstance(text, str):
        raise TypeError("document.text must be a string")
    return Document(
        id=str(d["id"]), text=text, title=d.get("title"), published=d.get("published"),
        published_inferred=bool(d.get("published_inferred", False)), source=d.get("source"),
        url=d.get("url"), author=d.get("author"), language=d.get("language"),
        content_hash=content_hash(text),
    )


def _sentence(index: int, d: dict[str, Any], text: str) -> Sentence:
    start, end = int(d["start"]), int(d["end"])
    return Sentence(index=index, start=start, end=end, text=text[start:end])


def _entity(d: dict[str, Any], text: str) -> Entity:
    ent = Entity(
        id=d["id"], name=d["name"], kind=d["kind"], sector=d.get("sector"), country=d.get("country"),
        code=d.get("code"), role=d.get("role"), aliases=list(d.get("aliases", [])), geo=d.get("geo"),
        affiliation=d.get("affiliation"), extractor=d.get("extractor", ""),
    )
    for m in d.get("mentions", []):
        start, end = int(m["start"]), int(m["end"])
        ent.mentions.append(Mention(
            start=start, end=end, text=m.get("text", text[start:end]), kind=ent.kind,
            country=ent.country, sector=ent.sector, entity=ent.id, label=str(m.get("label", "")),
            is_name=not m.get("label"),
        ))
    return ent


def _date(d: dict[str, Any]) -> DateRef:
    return DateRef(
        text=d["text"], start=d.get("start"), end=d.get("end"), granularity=d.get("granularity", "unknown"),
        evidence=_span(d.get("evidence")), relative=bool(d.get("relative", False)),
        extractor=d.get("extractor", ""),
    )


def _event_date(d: dict[str, Any] | None, dates: list[DateRef]) -> DateRef | None:
    """The record's own DateRef when one matches (it has the evidence span), else a bare one."""
    if not d:
        return None
    for ref in dates:
        if (ref.text, ref.start, ref.end) == (d.get("text"), d.get("start"), d.get("end")):
            return ref
    start = d.get("start")
    granularity = {4: "year", 7: "month", 10: "day"}.get(len(start or ""), "unknown")
    return DateRef(text=d.get("text", ""), start=start, end=d.get("end"), granularity=granularity,
                   evidence=Span(0, 0, ""))


def _event(d: dict[str, Any], dates: list[DateRef]) -> Event:
    date = d.get("date")
    casualties = d.get("casualties") or {}
    return Event(
        id=d["id"], type=d["type"], evidence=_span(d.get("evidence")), trigger=_span(d.get("trigger")),
        mode=d.get("mode"), modality=d.get("modality", "asserted"), source=list(d.get("source", [])),
        target=list(d.get("target", [])), date=_event_date(date, dates),
        date_fallback=bool(date.get("fallback", False)) if date else False, place=d.get("place"),
        quantities=list(d.get("quantities", [])),
        casualties=Casualties(**{k: casualties.get(k) for k in ("killed", "injured", "arrested", "abducted")}),
        claim=d.get("claim"), confidence=float(d.get("confidence", 0.6)), extractor=d.get("extractor", ""),
    )


def _claim(d: dict[str, Any]) -> Claim:
    content = d.get("content") or {}
    return Claim(
        id=d["id"], speaker=d.get("speaker"), via=d.get("via"), stance=d.get("stance", "assert"),
        kind=d.get("kind", "reported"), cue=d.get("cue"),
        content=Span(int(content.get("start", 0)), int(content.get("end", 0)), d.get("text", "")),
        evidence=_span(d.get("evidence")), about=list(d.get("about", [])), extractor=d.get("extractor", ""),
    )


def _relation(d: dict[str, Any]) -> Relation:
    return Relation(
        id=d["id"], type=d["type"], source=d["source"], target=d["target"], evidence=_span(d.get("evidence")),
        modality=d.get("modality", "asserted"), confidence=float(d.get("confidence", 0.7)),
        extractor=d.get("extractor", ""),
    )


def _quantity(d: dict[str, Any]) -> Quantity:
    return Quantity(
        id=d["id"], text=d["text"], value=d.get("value"), evidence=_span(d.get("evidence")),
        span=Span(int(d.get("start", 0)), int(d.get("end", 0)), d["text"]), lower=d.get("lower"),
        upper=d.get("upper"), approximate=bool(d.get("approximate", False)), unit=d.get("unit"),
        currency=d.get("currency"), change_from=d.get("change_from"), vague=bool(d.get("vague", False)),
        about=d.get("about"), extractor=d.get("extractor", ""),
    )
