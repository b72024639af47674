"""Checks that a document record keeps its promises: the JSON Schema, exact offsets, valid references.

``problems(record_json)`` returns a list of human-readable problems (empty when the record is sound).
The schema is published at ``src/sitroom/schema/document-1.json``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).parent / "schema" / "document-1.json"


@lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def problems(record: dict[str, Any]) -> list[str]:
    """Every way ``record`` breaks the contract, as one line each."""
    found = [f"schema: {e.json_path}: {e.message}" for e in _validator().iter_errors(record)]
    if found:
        return found
    return _offset_problems(record) + _reference_problems(record)


def _spans(record: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    spans: list[tuple[str, dict[str, Any]]] = []
    for ent in record["entities"]:
        spans += [(f"entity {ent['id']} mention", m) for m in ent["mentions"]]
    for layer in ("events", "claims", "dates", "relations", "quantities"):
        for item in record[layer]:
            ev = item.get("evidence")
            if ev:
                spans.append((f"{layer} {item.get('id', item.get('text'))} evidence", ev))
    for claim in record["claims"]:
        content = dict(claim["content"], text=claim["text"])
        spans.append((f"claim {claim['id']} content", content))
    return spans


def _offset_problems(record: dict[str, Any]) -> list[str]:
    text = record["document"]["text"]
    out = []
    for where, span in _spans(record):
        start, end = span["start"], span["end"]
        if not 0 <= start <= end <= len(text):
            out.append(f"{where}: offsets {start}:{end} outside the text (length {len(text)})")
        elif "text" in span and text[start:end] != span["text"]:
            out.append(f"{where}: text {span['text']!r} != document.text[{start}:{end}]")
    return out


def _reference_problems(record: dict[str, Any]) -> list[str]:
    entity_ids = {e["id"] for e in record["entities"]}
    claim_ids = {c["id"] for c in record["claims"]}
    quantity_ids = {q["id"] for q in record["quantities"]}
    out = []

    def check(where: str, ref: Any, valid: set[str]) -> None:
        if ref is not None and ref not in valid:
            out.append(f"{where}: unknown id {ref!r}")

    for ev in record["events"]:
        for ref in ev["source"] + ev["target"]:
            check(f"event {ev['id']} actor", ref, entity_ids)
        check(f"event {ev['id']} place", ev.get("place"), entity_ids)
        check(f"event {ev['id']} claim", ev.get("claim"), claim_ids)
        for ref in ev.get("quantities", []):
            check(f"event {ev['id']} quantity", ref, quantity_ids)
    for claim in record["claims"]:
        check(f"claim {claim['id']} speaker", claim["speaker"], entity_ids)
        check(f"claim {claim['id']} via", claim["via"], entity_ids)
        for ref in claim.get("about", []):
            check(f"claim {claim['id']} about", ref, entity_ids)
    for rel in record["relations"]:
        check(f"relation {rel['id']} source", rel["source"], entity_ids)
        check(f"relation {rel['id']} target", rel["target"], entity_ids)
    for q in record["quantities"]:
        check(f"quantity {q['id']} about", q.get("about"), entity_ids)
    return out
