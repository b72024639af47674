"""Plural demonyms: counted people are a group of civilians, not their state."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitroom.records import DocumentRecord

Extract = Callable[..., DocumentRecord]


@pytest.mark.parametrize(("text", "name", "code"), [
    ("The DEA arrested two Colombians in Madrid.", "Colombians", "COL"),
    ("Many Malians fled to Niger last year.", "Malians", "MLI"),
])
def test_counted_people_are_a_group(extract: Extract, text: str, name: str, code: str) -> None:
    record = extract(text, published="2024-01-10")
    people = [e for e in record.entities if name in e.name]
    assert len(people) == 1
    assert people[0].kind == "group" and people[0].sector == "CVL" and people[0].country == code
    assert not [e for e in record.entities if e.kind == "country" and e.country == code]


def test_uncounted_plural_demonym_still_stands_for_the_country(extract: Extract) -> None:
    record = extract("The Malians welcomed the decision.", published="2024-01-10")
    assert [(e.kind, e.country) for e in record.entities] == [("country", "MLI")]
