"""Demonyms linked to the countries a document names, and nothing else changed by them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sitroom.records import DocumentRecord
from sitroom.resolve.demonym_links import DEMONYM_LABEL
from sitroom.store.sqlite import SQLiteStore
from sitroom.validate import problems

Extract = Callable[..., DocumentRecord]
TEXT = ("Mali has asked for help. Malian officials met Russian instructors in Bamako on Monday, "
        "and the Malians welcomed them. Troops of the Central African Republic watched.")


def country(record: DocumentRecord, code: str):  # type: ignore[no-untyped-def]
    return next((e for e in record.entities if e.kind == "country" and e.country == code), None)


def test_demonyms_join_the_named_country(extract: Extract) -> None:
    record = extract(TEXT, published="2023-03-10")
    mali = country(record, "MLI")
    assert mali is not None
    linked = [m.text for m in mali.mentions if m.label == DEMONYM_LABEL]
    assert linked == ["Malian"]  # "the Malians" was already resolved to Mali as its people
    assert [m.text for m in mali.mentions] == ["Mali", "Malian", "Malians"]
    assert all(not m.is_name and m.entity == mali.id for m in mali.mentions if m.label == DEMONYM_LABEL)
    assert [m.start for m in mali.mentions] == sorted(m.start for m in mali.mentions)
    for m in mali.mentions:
        assert TEXT[m.start:m.end] == m.text


def test_no_country_entity_from_a_demonym_alone(extract: Extract) -> None:
    record = extract(TEXT, published="2023-03-10")
    assert country(record, "RUS") is None  # "Russian instructors": Russia is never named


def test_demonym_inside_the_country_name_is_not_linked_again(extract: Extract) -> None:
    record = extract(TEXT, published="2023-03-10")
    car = country(record, "CAF")
    assert car is not None
    assert not [m for m in car.mentions if m.label == DEMONYM_LABEL]


def test_events_keep_their_actors_and_places(extract: Extract) -> None:
    record = extract("Russia denies it. Russian troops attacked the town of Vell on Monday.",
                     published="2023-03-10")
    assault = next(e for e in record.events if e.type == "ASSAULT")
    source = record.entity(assault.source[0])
    assert source is not None and source.kind != "country" and source.country == "RUS"
    place = record.entity(assault.place)
    assert place is not None and place.name == "Vell"


def test_store_does_not_make_a_demonym_an_alias(extract: Extract, tmp_path: Path) -> None:
    record = extract(TEXT, published="2023-03-10")
    with SQLiteStore(tmp_path / "s.db") as store:
        store.add_record(record)
        aliases = [alias for alias, _n in store.actor("Mali").aliases]
        stored = store.get_record("t")
    assert "Mali" in aliases and "Malian" not in aliases
    mali = next(e for e in stored["entities"] if e["kind"] == "country" and e["country"] == "MLI")
    assert {"start": 25, "end": 31, "text": "Malian", "label": DEMONYM_LABEL} in mali["mentions"]
    assert problems(stored) == []
