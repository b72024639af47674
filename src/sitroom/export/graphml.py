"""GraphML for Gephi (and networkx, yEd): actors as nodes, ties as weighted directed edges.

One edge per (source actor, target actor, type): events of a PLOVER type, or a relation type,
counted over every document, with the type's cooperation-conflict score on event edges. Written
with :mod:`xml.sax.saxutils` escaping, so names with markup stay text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any, TextIO
from xml.sax.saxutils import escape, quoteattr

from sitroom.export.rows import RecordReader
from sitroom.query.web import PLOVER_SCORE

NODE_KEYS = (("label", "string"), ("kind", "string"), ("country", "string"), ("sector", "string"),
             ("code", "string"), ("mentions", "int"), ("documents", "int"))
EDGE_KEYS = (("type", "string"), ("category", "string"), ("weight", "double"), ("score", "double"),
             ("first_date", "string"), ("last_date", "string"))

EdgeKey = tuple[str, str, str, str]


def _tally(records: Iterable[dict[str, Any]]) -> tuple[RecordReader, Counter[EdgeKey], dict[EdgeKey, list[str]]]:
    reader = RecordReader(records)
    weights: Counter[EdgeKey] = Counter()
    dates: dict[EdgeKey, list[str]] = {}
    for record, entities in reader:
        published = record["document"].get("published") or ""
        for v in record.get("events", []):
            when = (v.get("date") or {}).get("start") or published
            for s in v.get("source", []):
                for t in v.get("target", []):
                    if s in entities and t in entities and entities[s]["actor"] != entities[t]["actor"]:
                        key = (entities[s]["actor"], entities[t]["actor"], v["type"], "event")
                        weights[key] += 1
                        span = dates.setdefault(key, [when, when])
                        span[0], span[1] = min(span[0], when), max(span[1], when)
        for r in record.get("relations", []):
            s, t = entities.get(r.get("source", "")), entities.get(r.get("target", ""))
            if s and t and s["actor"] != t["actor"]:
                weights[(s["actor"], t["actor"], r["type"], "relation")] += 1
    return reader, weights, dates


def write_graphml(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write the actor graph; returns the number of edges."""
    reader, weights, dates = _tally(records)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for name, kind in NODE_KEYS:
        out.write(f'  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{kind}"/>\n')
    for name, kind in EDGE_KEYS:
        out.write(f'  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>\n')
    out.write('  <graph id="sitroom" edgedefault="directed">\n')
    for a in reader.actors.values():
        values: dict[str, Any] = {"label": a.name, "kind": a.kind, "country": a.country, "sector": a.sector, "code": a.code,
                  "mentions": a.mentions, "documents": a.documents}
        out.write(f"    <node id={quoteattr(a.key)}>{_data('n', values)}</node>\n")
    for i, ((s, t, type_, category), n) in enumerate(sorted(weights.items())):
        first, last = dates.get((s, t, type_, category), [None, None])
        values = {"type": type_, "category": category, "weight": n,
                  "score": PLOVER_SCORE.get(type_) if category == "event" else None,
                  "first_date": first or None, "last_date": last or None}
        out.write(f"    <edge id=\"e{i}\" source={quoteattr(s)} target={quoteattr(t)}>{_data('e', values)}</edge>\n")
    out.write("  </graph>\n</graphml>\n")
    return len(weights)


def _data(prefix: str, values: dict[str, Any]) -> str:
    return "".join(f'<data key="{prefix}_{k}">{escape(str(v))}</data>' for k, v in values.items() if v is not None)
