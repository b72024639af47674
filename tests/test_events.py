"""Event extraction on sentences we wrote: trigger families, actors, places, dates, casualties."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitroom.records import DocumentRecord, Event

Extract = Callable[..., DocumentRecord]
PUBLISHED = "2021-09-22"


def events_of(record: DocumentRecord, type_: str | None = None) -> list[Event]:
    return [e for e in record.events if type_ is None or e.type == type_]


def names(record: DocumentRecord, ids: list[str]) -> list[str]:
    out = []
    for entity_id in ids:
        entity = record.entity(entity_id)
        assert entity is not None
        out.append(entity.name)
    return out


def one(record: DocumentRecord, type_: str) -> Event:
    found = events_of(record, type_)
    assert found, f"no {type_} in {[(e.type, e.trigger.text) for e in record.events]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("Karesian troops shelled the town of Vell on Monday.", "ASSAULT", "heavy-weapons"),
        ("Gunmen abducted two teachers near Vell on Tuesday.", "ASSAULT", "abduct"),
        ("Rebels ambushed an army convoy outside Vell.", "ASSAULT", None),
        ("Thousands of students staged a demonstration in Vell.", "PROTEST", "demo"),
        ("Rioters looted shops in the capital of Karesia.", "PROTEST", "riot"),
        ("The police arrested the opposition leader Anton Brask.", "COERCE", "arrest"),
        ("President Ilya Dorn was ousted in a coup in 2019.", "COERCE", None),
        ("The Foreign Minister of Karesia visited Moscow on Friday.", "CONSULT", "visit"),
        ("Dorn met with Anton Brask in Geneva.", "CONSULT", None),
        ("The United States sanctioned General Anton Brask.", "SANCTION", None),
        ("Germany is suspending military cooperation with Karesia.", "SANCTION", "discontinue"),
        ("France warned of heavy consequences.", "THREATEN", None),
        ("The minister urged the Volkov Group to leave the country.", "REQUEST", None),
        ("Karesia signed a trade agreement with Norway in 2020.", "SUPPORT", None),
        ("The Volkov Group claimed responsibility for the bombing.", "ASSAULT", "explosives"),
        ("Russia exported $40 million worth of weapons to Chad.", "AID", None),
        ("The rebels launched a drone strike on the airport.", "ASSAULT", "drone"),
        ("Workers went on a general strike in Vell.", "PROTEST", "strike"),
        ("Karesian soldiers opened fire on the crowd.", "ASSAULT", "firearms"),
        ("Police fired teargas at protesters in Vell.", "ASSAULT", "crowd-control"),
        ("On 4 May 2021, dozens of nurses staged a protest in Vell.", "PROTEST", "demo"),
    ],
)
def test_trigger_families(extract: Extract, text: str, type_: str, mode: str | None) -> None:
    event = one(extract(text, published=PUBLISHED), type_)
    assert event.mode == mode


def test_shelling_with_casualties_is_one_event_with_place_date_and_toll(extract: Extract) -> None:
    record = extract("Karesian troops shelled the town of Vell on Monday, killing 12 civilians.",
                     published=PUBLISHED)
    assaults = events_of(record, "ASSAULT")
    assert len(assaults) == 1  # "killing" is the toll of the shelling, not a second event
    event = assaults[0]
    assert event.casualties.killed == 12
    assert event.date is not None and event.date.start == "2021-09-20"
    assert event.place is not None and names(record, [event.place]) == ["Vell"]
    assert event.trigger.text == "shelled"
    assert record.document.text[event.evidence.start:event.evidence.end] == event.evidence.text
    assert 0.4 <= event.confidence <= 0.9


@pytest.mark.parametrize(
    ("text", "field", "count"),
    [
        ("At least 20 people were killed when gunmen ambushed a convoy near Vell.", "killed", 20),
        ("Two civilians were abducted by militants in Vell.", "abducted", 2),
        ("A car bomb exploded in the market of Vell, leaving five dead.", "killed", 5),
        ("Gunmen killed two police officers and a farmer near Vell.", "killed", 3),
        ("Militants killed twenty-two soldiers in an ambush.", "killed", 22),
        ("Soldiers arrested seven protesters in Vell.", "arrested", 7),
        ("Gunmen attacked the village of Dorsk. Three people were killed and four wounded.", "killed", 3),
        ("Two clans clashed in Dorsk. Four people were killed and others were wounded.", "killed", 4),
    ],
)
def test_casualty_counts(extract: Extract, text: str, field: str, count: int) -> None:
    record = extract(text, published=PUBLISHED)
    totals = [getattr(e.casualties, field) for e in record.events if getattr(e.casualties, field)]
    assert totals == [count]


def test_passive_agent_is_source_and_subject_is_target(extract: Extract) -> None:
    record = extract("General Anton Brask was arrested by the Karesian police on Sunday.", published=PUBLISHED)
    event = one(record, "COERCE")
    assert "Anton Brask" in " ".join(names(record, event.target))
    assert event.source


def test_coordinated_sources(extract: Extract) -> None:
    record = extract("France and Germany sanctioned Karesia in 2020.", published=PUBLISHED)
    event = one(record, "SANCTION")
    assert set(names(record, event.source)) >= {"France", "Germany"}


def test_deployment_to_a_state_is_aid_and_show_of_force_is_mobilize(extract: Extract) -> None:
    aid = one(extract("Russia sent 300 troops to Mali in March 2021.", published=PUBLISHED), "AID")
    assert aid.modality == "asserted"
    record = extract("The army deployed tanks along the border.", published=PUBLISHED)
    assert events_of(record, "MOBILIZE") and not events_of(record, "AID")


def test_signing_is_support_but_a_planned_signing_is_agree(extract: Extract) -> None:
    done = extract("Karesia signed a defence agreement with Russia in 2019.", published=PUBLISHED)
    assert one(done, "SUPPORT").modality == "asserted"
    planned = extract("Karesia is poised to sign a defence agreement with Russia.", published=PUBLISHED)
    event = one(planned, "AGREE")
    assert event.modality == "planned"
    assert not events_of(planned, "SUPPORT")


def test_announced_withdrawal_is_concede_and_done_one_retreat(extract: Extract) -> None:
    planned = extract("Norway announced plans to withdraw its troops from Karesia.", published=PUBLISHED)
    assert one(planned, "CONCEDE").modality == "planned"
    done = extract("Norway withdrew its troops from Karesia in 2020.", published=PUBLISHED)
    assert one(done, "RETREAT").mode == "withdraw"


def test_demonstrators_acting_imply_a_protest(extract: Extract) -> None:
    record = extract("In May 2020, demonstrators in Vell demanded the release of Anton Brask.",
                     published=PUBLISHED)
    protest = one(record, "PROTEST")
    assert protest.date is not None and protest.date.start == "2020-05"
    assert one(record, "REQUEST")


def test_generic_nominal_without_arguments_is_dropped(extract: Extract) -> None:
    record = extract("Violent attacks remain a threat.", published=PUBLISHED)
    assert not events_of(record, "ASSAULT")


def test_undated_lead_event_takes_the_publication_date_marked(extract: Extract) -> None:
    record = extract("Gunmen attacked a police station in Vell. Soldiers later arrested two men.",
                     published=PUBLISHED)
    lead = one(record, "ASSAULT")
    assert lead.date is not None and lead.date.start == PUBLISHED and lead.date_fallback is True
    assert lead.date.text == "" and lead.date.extractor == "events.publication-date"
    assert lead.to_json()["date"]["fallback"] is True
    later = one(record, "COERCE")  # not the lead: no date at all rather than a guess
    assert later.date is None and later.date_fallback is False


@pytest.mark.parametrize("text", [
    "The Volkov Group could attack the port of Vell.",        # hypothetical
    "The Volkov Group did not attack the port of Vell.",      # negated
    "The Volkov Group plans to attack the port of Vell.",     # planned
])
def test_publication_date_only_for_done_events(extract: Extract, text: str) -> None:
    record = extract(text, published=PUBLISHED)
    assert record.events, text
    assert all(e.date is None for e in record.events)


def test_inferred_publication_date_is_not_used(extract: Extract) -> None:
    record = extract("Gunmen attacked a police station in Vell. Talks were held in 2019.")
    assert record.document.published_inferred
    assert one(record, "ASSAULT").date is None


def test_own_date_beats_the_publication_date(extract: Extract) -> None:
    record = extract("Gunmen attacked a police station in Vell on 3 March 2021.", published=PUBLISHED)
    event = one(record, "ASSAULT")
    assert event.date is not None and event.date.start == "2021-03-03" and event.date_fallback is False


def test_unnamed_actor_gets_a_typed_entity(extract: Extract) -> None:
    record = extract("Unknown gunmen killed a farmer near Vell.", published=PUBLISHED)
    event = one(record, "ASSAULT")
    source = record.entity(event.source[0])
    target = record.entity(event.target[0])
    assert source is not None and source.sector == "UAF"
    assert target is not None and target.sector == "CVL" and target.role == "farmer"
    assert event.casualties.killed == 1


def test_event_ids_and_json(extract: Extract) -> None:
    record = extract("Rebels attacked Vell. Soldiers arrested two rebels.", published=PUBLISHED)
    ids = [e.id for e in record.events]
    assert ids == [f"v{i}" for i in range(1, len(ids) + 1)]
    data = record.events[0].to_json()
    assert data["trigger"]["text"] == "attacked" and data["extractor"] == "events/1"


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", 12), ("1,000", 1000), ("twenty-two", 22), ("three hundred", 300), ("a dozen", 12),
     ("several", None), ("two thousand five hundred", 2500)],
)
def test_parse_number(text: str, value: int | None) -> None:
    from sitroom.extract.events_casualties import parse_number

    assert parse_number(text) == value


def test_lexicon_labels_and_blocking_entries() -> None:
    from sitroom.extract.events_lexicon import Label, lexicon_from_dict, load_lexicon

    lexicon = load_lexicon()
    assert lexicon.verb("shell") == Label("ASSAULT", "heavy-weapons")
    assert lexicon.light_verb("suspend", "cooperation") == Label("SANCTION", "discontinue")
    assert lexicon.casualty_field("dead") == "killed"
    small = lexicon_from_dict({"phrasal": {"set up": "none"}, "verbs": {"raid": "ASSAULT"}})
    assert small.phrasal["set up"] is None and small.verb("RAID") == Label("ASSAULT")
