"""Conflict reporting (ACLED-style notes), on sentences we wrote: actor sectors, tolls, riots, dates, places."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from events_helpers import names
from sitroom.records import DocumentRecord, Event

Extract = Callable[..., DocumentRecord]
PUBLISHED = "2021-09-22"


def first(record: DocumentRecord, type_: str | None = None) -> Event:
    found = [e for e in record.events if type_ is None or e.type == type_]
    assert found, f"no {type_} in {[(e.type, e.trigger.text) for e in record.events]}"
    return found[0]


def sectors(record: DocumentRecord, ids: list[str]) -> set[str | None]:
    return {e.sector for e in (record.entity(i) for i in ids) if e is not None}


def total_killed(record: DocumentRecord) -> int:
    return sum(e.casualties.killed or 0 for e in record.events)


# actors and sectors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Gendarmes arrested three traders in Vell.", "COP", "CVL"),
        ("A teacher and a nurse were killed by unidentified aggressors.", "UAF", "CVL"),
        ("On 4 June 2021, a group of individuals armed with machetes attacked two herders in Vell.", "UAF", "CVL"),
        ("Volunteer fighters shot a shopkeeper near Vell.", "PRM", "CVL"),
        ("Militants stole cattle from herders near Vell.", "REB", "CVL"),
        ("Gunmen killed two Dravani farmers near Vell.", "UAF", "CVL"),
    ],
)
def test_conflict_actor_sectors(extract: Extract, text: str, source: str, target: str) -> None:
    record = extract(text, published=PUBLISHED)
    event = first(record)
    assert source in sectors(record, event.source)
    assert target in sectors(record, event.target)


def test_people_named_by_trade_are_civilians_with_a_role(extract: Extract) -> None:
    record = extract("Rebels abducted two fishermen near Vell.", published=PUBLISHED)
    target = record.entity(first(record, "ASSAULT").target[0])
    assert target is not None and (target.sector, target.role) == ("CVL", "fisherman")


def test_untyped_name_before_an_actor_noun_does_not_replace_it(extract: Extract) -> None:
    record = extract("Gunmen killed two Dravani farmers near Vell.", published=PUBLISHED)
    assert names(record, first(record, "ASSAULT").target) == ["Dravani farmers"]


def test_conjoined_verbs_share_their_object(extract: Extract) -> None:
    record = extract("Policemen arrested and severely beat a student in Vell.", published=PUBLISHED)
    arrest = first(record, "COERCE")
    assert names(record, arrest.target) == ["student"]


def test_misparsed_hedged_subject_is_the_noun_before_the_verb(extract: Extract) -> None:
    record = extract("On 8 March 2020, presumed Volkov or Karesian militants attacked and burned a fuel truck "
                     "near Vell.", published=PUBLISHED)
    for event in record.events:
        assert "REB" in sectors(record, event.source), event.trigger.text


def test_date_is_never_a_target(extract: Extract) -> None:
    record = extract("On 14 September 2020, militiamen assaulted and shot a farmer in Vell.", published=PUBLISHED)
    assault = first(record, "ASSAULT")
    assert names(record, assault.target) == ["farmer"]


def test_purpose_infinitive_inherits_the_subject(extract: Extract) -> None:
    record = extract("Residents went to the town hall to protest against the new tax.", published=PUBLISHED)
    assert "CVL" in sectors(record, first(record, "PROTEST").source)


def test_sides_of_a_reported_clash_hang_from_the_verb(extract: Extract) -> None:
    record = extract("A clash was reported between farmers in Vell and herders near Dravik.", published=PUBLISHED)
    clash = first(record, "ASSAULT")
    assert names(record, clash.source) == ["farmers"] and names(record, clash.target) == ["herders"]


def test_army_convoy_and_police_station_are_their_forces(extract: Extract) -> None:
    record = extract("Militants ambushed an army convoy near Vell.", published=PUBLISHED)
    assert sectors(record, first(record, "ASSAULT").target) == {"MIL"}
    record = extract("Rebels fired gunshots at a gendarmerie unit near Vell.", published=PUBLISHED)
    assert sectors(record, first(record, "ASSAULT").target) == {"COP"}


def test_clashes_between_two_sides(extract: Extract) -> None:
    record = extract("Clashes between miners and landowners left one dead near Vell.", published=PUBLISHED)
    clash = first(record, "ASSAULT")
    assert names(record, clash.source) == ["miners"] and names(record, clash.target) == ["landowners"]
    assert clash.casualties.killed == 1


# casualties --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Karesian farmers clashed with herders near Vell. 4 killed.", 4),
        ("Militiamen assaulted and shot and killed a shepherd near Vell.", 1),
        ("Militants attempted to kill a trader near Vell.", 0),
        ("Villagers killed two gendarmes who had shot dead a boy.", 3),
        ("Three Dravani men were beaten to death in Vell.", 3),
        ("About twenty militants were neutralised by the army near Vell.", 20),
        ("On 7 July 2022, presumed IS Sahel militants killed a herder in Vell.", 1),
    ],
)
def test_conflict_tolls(extract: Extract, text: str, killed: int) -> None:
    assert total_killed(extract(text, published=PUBLISHED)) == killed


def test_a_relative_clause_keeps_its_own_toll(extract: Extract) -> None:
    record = extract("Villagers killed two gendarmes who had shot dead a boy.", published=PUBLISHED)
    killing, shooting = sorted(record.events, key=lambda e: e.trigger.start)[:2]
    assert (killing.casualties.killed, shooting.casualties.killed) == (2, 1)


# riots ----------------------------------------------------------------------------------------


def test_demonstration_that_turns_violent_is_a_riot(extract: Extract) -> None:
    record = extract("On 9 May 2021, a number of residents staged a demonstration in Vell. "
                     "The demonstrators set fire to the town hall.", published=PUBLISHED)
    events = sorted(record.events, key=lambda e: e.trigger.start)
    assert [(e.type, e.mode) for e in events if e.type != "PROTEST" or e.mode != "riot"] == []
    assert events[0].trigger.text == "staged a demonstration"


@pytest.mark.parametrize(
    "text",
    ["Angry protesters stormed the governor's office in Vell.",
     "A mob looted shops and burned cars in Vell."],
)
def test_crowd_violence_is_a_riot(extract: Extract, text: str) -> None:
    record = extract(text, published=PUBLISHED)
    assert not [e for e in record.events if e.type == "ASSAULT"]
    assert any(e.type == "PROTEST" and e.mode == "riot" for e in record.events)


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("Police fired teargas at protesters in Vell.", "ASSAULT", "crowd-control"),
        ("Rebels vandalized a health centre in Vell.", "ASSAULT", "destroy"),
        ("Farmers clashed with herders near Vell.", "ASSAULT", None),
    ],
)
def test_violence_that_is_no_riot(extract: Extract, text: str, type_: str, mode: str | None) -> None:
    event = first(extract(text, published=PUBLISHED))
    assert (event.type, event.mode) == (type_, mode)


def test_a_threatened_barricade_does_not_make_a_riot(extract: Extract) -> None:
    record = extract("Residents demonstrated in Vell. The demonstrators warned that they would barricade "
                     "the road.", published=PUBLISHED)
    assert first(record, "PROTEST").mode == "demo"


# triggers -------------------------------------------------------------------------------------


def test_military_operation_is_an_assault(extract: Extract) -> None:
    record = extract("On 3 May 2021, soldiers carried out an operation against militants near Vell.",
                     published=PUBLISHED)
    event = first(record)
    assert event.type == "ASSAULT" and event.date is not None and event.date.start == "2021-05-03"
    assert "MIL" in sectors(record, event.source) and "REB" in sectors(record, event.target)


def test_rescue_operation_is_not_an_assault(extract: Extract) -> None:
    record = extract("Firefighters conducted a rescue operation in Vell.", published=PUBLISHED)
    assert not [e for e in record.events if e.type == "ASSAULT"]


def test_category_heading_is_no_event(extract: Extract) -> None:
    record = extract("Looting: On 13 May 2021, rebels seized a truck from traders near Vell.", published=PUBLISHED)
    assert [e.trigger.text for e in record.events] == ["seized"]
    assert sectors(record, record.events[0].target) == {"CVL"}


def test_headline_fragment_is_an_event(extract: Extract) -> None:
    record = extract("Protest against the sale of the village forest", published=PUBLISHED)
    assert first(record, "PROTEST").mode == "demo"


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("On 7 March 2021, dozens of nurses staged a sit-in in Vell.", "PROTEST", "demo"),
        ("Communal violence between farmers and herders in Vell left two dead.", "ASSAULT", None),
        ("Soldiers mutinied in Vell on Monday.", "PROTEST", "riot"),
    ],
)
def test_conflict_nouns_and_verbs(extract: Extract, text: str, type_: str, mode: str | None) -> None:
    event = first(extract(text, published=PUBLISHED))
    assert (event.type, event.mode) == (type_, mode)


def test_participating_in_a_march_is_a_protest(extract: Extract) -> None:
    record = extract("On 2 May 2021, hundreds of nurses participated in a march in Vell.", published=PUBLISHED)
    event = first(record, "PROTEST")
    assert event.date is not None and event.date.start == "2021-05-02"


# dates and places ------------------------------------------------------------------------------


def test_date_closest_in_the_parse_wins(extract: Extract) -> None:
    record = extract("On 22 August 2021, militants killed a trader abducted on 10 August in Vell.",
                     published=PUBLISHED)
    killing = next(e for e in record.events if e.trigger.text == "killed")
    assert killing.date is not None and killing.date.start == "2021-08-22"


def test_hedged_date_range_keeps_the_first_date(extract: Extract) -> None:
    record = extract("Around 26 November 2020 (between 26 - 27 November), suspected militants destroyed "
                     "a bridge near Vell.", published=PUBLISHED)
    event = first(record, "ASSAULT")
    assert event.date is not None and event.date.start == "2020-11-26"


def test_place_after_in_deep_in_the_clause(extract: Extract) -> None:
    record = extract("On 5 May 2021, militiamen shot and killed a herder in Dravik.", published=PUBLISHED)
    event = first(record, "ASSAULT")
    assert names(record, [event.place] if event.place else []) == ["Dravik"]


def test_ungeocoded_village_falls_back_to_its_qualifier(extract: Extract) -> None:
    record = extract("On 16 May 2021, villagers staged a demonstration in Vellago (Korsimoro, Sanmatenga).",
                     published=PUBLISHED)
    event = first(record, "PROTEST")
    place = record.entity(event.place)
    assert place is not None
    village = next((e for e in record.entities if e.name == "Vellago"), None)
    if village is None or village.geo is None:
        assert place.geo is not None and place.name in ("Korsimoro", "Sanmatenga")
    else:
        assert place is village
