"""Readers shared by the resolve test files: who holds a surface form, and whether two forms are one actor."""

from __future__ import annotations

from sitroom.records import DocumentRecord, Entity


def owner(record: DocumentRecord, surface: str) -> Entity | None:
    """The entity with a mention, alias or name ``surface`` (None when there is none)."""
    found = [e for e in record.entities if surface in [e.name, *e.aliases, *(m.text for m in e.mentions)]]
    assert len(found) <= 1, [(e.name, e.aliases) for e in found]
    return found[0] if found else None


def same(record: DocumentRecord, a: str, b: str) -> bool:
    first, second = owner(record, a), owner(record, b)
    assert first is not None and second is not None, [(e.name, e.aliases) for e in record.entities]
    return first.id == second.id
