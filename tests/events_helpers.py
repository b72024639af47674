"""Small readers of event records shared by the event test files."""

from __future__ import annotations

from sitroom.records import DocumentRecord, Event


def types(record: DocumentRecord) -> list[str]:
    return [e.type for e in record.events]


def names(record: DocumentRecord, ids: list[str]) -> list[str]:
    return [e.name for e in (record.entity(i) for i in ids) if e is not None]


def one(record: DocumentRecord, type_: str) -> Event:
    """The single event of ``type_``; fails showing every event when there is none or several."""
    found = [e for e in record.events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in record.events]
    return found[0]
