"""Which place an event happened in, and the hierarchy written beside a village name.

Sentences of our own. Villages are invented (Tiwara, Vell, Tamsa); the communes and provinces in
the geocoding tests are real units whose names other countries also use, which is the point.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from events_helpers import one
from sitroom.records import DocumentRecord

Extract = Callable[..., DocumentRecord]
PUBLISHED = "2023-03-10"


def place_name(record: DocumentRecord, type_: str) -> str | None:
    entity = record.entity(one(record, type_).place)
    return entity.name if entity is not None else None


@pytest.mark.parametrize("village", ["Tiwa", "Seme"])
def test_village_not_its_qualifier_is_the_place(extract: Extract, village: str) -> None:
    # with "Seme" the parser makes the commune the head of "Seme (Toeni" and the village its compound
    record = extract(f"On 2 March 2023, gunmen abducted two farmers in the village of {village} (Toeni, Sourou).",
                     published=PUBLISHED)
    assert place_name(record, "ASSAULT") == village


def test_where_people_come_from_is_not_where_it_happened(extract: Extract) -> None:
    record = extract("Four people were killed amid a land dispute between villagers from Kaya and "
                     "ethnic Fulani in Dori.", published=PUBLISHED)
    assert place_name(record, "ASSAULT") == "Dori"


def test_qualifier_read_in_the_country_where_the_hierarchy_exists(extract: Extract) -> None:
    # "Comoe" is a province of Burkina Faso and a district of Ivory Coast; Mangodara is a
    # Burkinabe town, so the unknown village lies in the Burkinabe province, near Mangodara
    record = extract("On 4 March 2023, soldiers repelled an ambush near Tiwara (Mangodara, Comoe).",
                     published=PUBLISHED)
    event = one(record, "ASSAULT")
    place = record.entity(event.place)
    assert place is not None and place.geo is not None
    assert place.geo["country"] == "BFA"


def test_garbled_clause_keeps_its_protest(extract: Extract) -> None:
    # the parser makes "protest" a modifier of "entry", the object it picks for "staged"
    record = extract("Farmers near Vell staged a protest and block entry to the market square, "
                     "fearing the sale of their fields.", published=PUBLISHED)
    assert one(record, "PROTEST").trigger.text.startswith("staged")
