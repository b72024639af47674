"""A stored document as facts with evidence spans, and its text cut into highlightable pieces.

Each fact (event, claim, relation, quantity, date) points at the sentence it was read from. The
page shows the text once; :func:`segments` cuts it at every evidence and mention boundary so each
piece knows which facts cover it (``data-facts``) and which actor it names, and the requested fact's
pieces are marked. Pieces are plain strings: the template escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Fact:
    """One extracted fact with the span of text it was read from."""

    id: str
    kind: str
    """``event``, ``claim``, ``relation``, ``quantity`` or ``date``."""
    label: str
    start: int
    end: int
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, text: str) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "label": self.label, "start": self.start, "end": self.end,
                "evidence": text[self.start:self.end], **self.detail}


@dataclass
class Segment:
    """A run of text covered by the same facts and the same mention."""

    text: str
    start: int
    facts: list[str]
    actor: int | None = None
    highlighted: bool = False
    anchor: bool = False
    """The first piece of the highlighted fact: the page scrolls to it."""


def _names(record: dict[str, Any]) -> dict[str, str]:
    return {e["id"]: e["name"] for e in record.get("entities", [])}


def _who(ids: list[str] | str | None, names: dict[str, str]) -> str:
    if not ids:
        return "?"
    if isinstance(ids, str):
        ids = [ids]
    return ", ".join(names.get(i, i) for i in ids)


def _span(d: dict[str, Any] | None, size: int) -> tuple[int, int] | None:
    if not d:
        return None
    start, end = int(d.get("start", 0)), int(d.get("end", 0))
    if not 0 <= start < end <= size:
        return None  # an empty or out-of-range span highlights nothing
    return start, end


def facts(record: dict[str, Any]) -> list[Fact]:
    """Every fact of the record that has an evidence span inside the text, in text order."""
    text = record["document"]["text"]
    names = _names(record)
    found: list[Fact] = []
    for v in record.get("events", []):
        span = _span(v.get("evidence"), len(text))
        modality = "" if v.get("modality") in (None, "asserted") else f" ({v['modality']})"
        mode = f"/{v['mode']}" if v.get("mode") else ""
        label = f"{v['type']}{mode}{modality}: {_who(v.get('source'), names)} \u2192 {_who(v.get('target'), names)}"
        if span:
            found.append(Fact(v["id"], "event", label, *span, {
                "type": v["type"], "modality": v.get("modality"), "date": (v.get("date") or {}).get("start"),
                "place": names.get(v.get("place") or "")}))
    for c in record.get("claims", []):
        span = _span(c.get("evidence"), len(text))
        verb = "denies" if c.get("stance") == "deny" else "says"
        if span:
            found.append(Fact(c["id"], "claim", f"{_who(c.get('speaker'), names)} {verb}: {c.get('text', '')}",
                              *span, {"stance": c.get("stance"), "claim_kind": c.get("kind")}))
    for r in record.get("relations", []):
        span = _span(r.get("evidence"), len(text))
        if span:
            found.append(Fact(r["id"], "relation",
                              f"{_who(r.get('source'), names)} {r['type']} {_who(r.get('target'), names)}", *span))
    for q in record.get("quantities", []):
        span = _span(q.get("evidence"), len(text))
        if span:
            found.append(Fact(q["id"], "quantity", f"{q.get('text')} ({q.get('unit') or 'count'})", *span))
    for i, d in enumerate(record.get("dates", [])):
        span = _span(d.get("evidence"), len(text))
        if span:
            found.append(Fact(f"d{i + 1}", "date", f"{d.get('text')} = {d.get('start') or '?'}", *span))
    found.sort(key=lambda f: (f.start, f.kind, f.id))
    return found


def _mentions(record: dict[str, Any], size: int) -> list[tuple[int, int, str]]:
    out = []
    for ent in record.get("entities", []):
        for m in ent.get("mentions", []):
            span = _span(m, size)
            if span:
                out.append((span[0], span[1], ent["id"]))
    return out


def segments(record: dict[str, Any], fact_list: list[Fact], entity_actor: dict[str, int],
             highlight: str | None = None) -> list[Segment]:
    """The text cut at every fact and mention boundary; ``highlight`` (a fact id) is marked."""
    text = record["document"]["text"]
    mentions = _mentions(record, len(text))
    cuts = {0, len(text)}
    for f in fact_list:
        cuts.update((f.start, f.end))
    for start, end, _ in mentions:
        cuts.update((start, end))
    bounds = sorted(cuts)
    out: list[Segment] = []
    anchored = False
    for start, end in zip(bounds, bounds[1:], strict=False):
        covering = [f.id for f in fact_list if f.start <= start and end <= f.end]
        entity = next((e for s, t, e in mentions if s <= start and end <= t), None)
        marked = highlight is not None and highlight in covering
        out.append(Segment(text[start:end], start, covering, entity_actor.get(entity or ""), marked,
                           marked and not anchored))
        anchored = anchored or marked
    return out
