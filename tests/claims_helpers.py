"""Readers shared by the claims test files: an entity's name, the claim holding some words."""

from __future__ import annotations

from sitroom.records import Claim, DocumentRecord


def name(record: DocumentRecord, entity_id: str | None) -> str | None:
    ent = record.entity(entity_id)
    return ent.name if ent else None


def claim_with(record: DocumentRecord, words: str, kind: str | None = None) -> Claim:
    """The claim whose content contains ``words`` (of ``kind`` when given; the shortest if several)."""
    found = [c for c in record.claims if words in c.content.text and (kind is None or c.kind == kind)]
    assert found, f"no {kind or ''} claim contains {words!r}: {[c.content.text for c in record.claims]}"
    return min(found, key=lambda c: len(c.content.text))
