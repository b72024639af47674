"""Events, third pass: PLOVER readings in context, one event per act, and what is not an event.

Every sentence here is ours (invented names: the Republic of Karesia, the Volkov Group, General
Anton Brask, the Northern Liberation Front). Each test pins one rule of events_refine,
events_merge, events_cleanup, events_actors or events_modality.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from events_helpers import names, one, types
from sitroom.records import DocumentRecord

Extract = Callable[..., DocumentRecord]
PUBLISHED = "2022-03-08"


def run(extract: Extract, text: str) -> DocumentRecord:
    return extract(text, published=PUBLISHED)


# --- readings that change with the context --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("Karesian police captured four members of the Volkov Group on Monday.", "COERCE", "arrest"),
        ("The rebels captured the town of Dumeni on Monday.", "ASSAULT", None),
        ("Senator Anton Brask attacked the government's failure to protect the border.", "ACCUSE", "disapprove"),
        ("The opposition attacked the Karesian cabinet for backing down on fuel prices.", "ACCUSE", "disapprove"),
        ("Karesia ordered Norwegian soldiers to leave its territory.", "SANCTION", "expel"),
        ("The Karesian junta recalled its ambassadors from Norway.", "SANCTION", "withdraw"),
        ("ECOWAS punished the Karesian junta with sanctions last year.", "SANCTION", None),
        ("The African Union suspended Karesia from its institutions.", "SANCTION", "discontinue"),
        ("Norway welcomed the announcement on Tuesday.", "SUPPORT", None),
        ("Norwegian troops will work alongside Karesian soldiers in the north.", "COOPERATE", None),
        ("The Northern Liberation Front wants autonomy for the three northern provinces.", "REQUEST", None),
        ("The junta called the sanctions illegal and inhumane.", "ACCUSE", "disapprove"),
        ("The army repelled the rebels near Dumeni.", "ASSAULT", None),
        ("The Volkov Group has been accused of abuses against civilians.", "ASSAULT", None),
        ("Karesian firms protested that the new tax rules were unfair.", "ACCUSE", "disapprove"),
    ],
)
def test_context_readings(extract: Extract, text: str, type_: str, mode: str | None) -> None:
    record = run(extract, text)
    event = one(record, type_)
    assert event.mode == mode


@pytest.mark.parametrize(
    "text",
    [
        "The figures demonstrate that the Volkov Group is growing.",  # shows, not a protest
        "The Karesia Herald released a video of the market on Monday.",  # a video is nobody's release
        "The planning needed to execute the escape took months.",  # carry out, not kill
        "Anton Brask has spent his career fighting corruption.",  # no armed opponent
        "Civilian security forces must eventually take over.",  # assume a task
        "Norway warned that prices across the region would rise.",  # a prediction, a claim
        "General Anton Brask rejected claims that the movement had split.",  # a denial, a claim
        "Karesia Forward leader Marta Kelen is accused of fraud.",  # no accuser: an allegation
        "Police have issued 140 arrest warrants in Kesh.",  # an event noun modifying another noun
        "Traffickers used the islands to capture the European market.",  # a market is no territory
        "Drug use in Karesia shot up from 2 percent to 4 percent.",  # a rise, not a shooting
        "Volkov shares will start trading in Oslo on Monday.",  # no trading partner
        "The arrests were announced in a Karesian police press release.",  # a press release
        "President Ilya Dorn will welcome delegates to the conference in Kesh.",  # hosting people
    ],
)
def test_not_events(extract: Extract, text: str) -> None:
    record = run(extract, text)
    assert record.events == [], [(e.type, e.trigger.text) for e in record.events]


def test_burning_a_flag_is_part_of_the_protest(extract: Extract) -> None:
    record = run(extract, "The demonstrators burned a Karesian flag outside the palace.")
    assert "ASSAULT" not in types(record)  # a gesture of the demonstration, not destruction


def test_negated_acceptance_is_an_asserted_reject(extract: Extract) -> None:
    record = run(extract, "Minister Tomas Reyk said the government would free some detainees "
                          "but would never accept autonomy.")
    reject = one(record, "REJECT")
    assert reject.modality == "asserted"
    concede = one(record, "CONCEDE")  # the backshifted "would" of reported speech is a plan
    assert concede.modality == "planned"


def test_agreed_ceasefire_is_concede(extract: Extract) -> None:
    record = run(extract, "The Karesian army and the Northern Liberation Front agreed to a 30-day ceasefire.")
    assert types(record) == ["CONCEDE"]
    assert record.events[0].mode == "ceasefire"


def test_called_strike_is_a_planned_protest(extract: Extract) -> None:
    record = run(extract, "Karesia Forward called for a general strike next week.")
    event = one(record, "PROTEST")
    assert event.mode == "strike" and event.modality == "planned"
    assert names(record, event.source) == ["Karesia Forward"]


def test_arriving_mercenaries_are_aid_to_the_host(extract: Extract) -> None:
    record = run(extract, "Russian mercenaries from the Volkov Group arrived in Mali last year.")
    event = one(record, "AID")
    assert "Mali" in names(record, event.target)


def test_arriving_tourists_are_no_event(extract: Extract) -> None:
    assert run(extract, "Hundreds of tourists arrived in Kesh on Friday.").events == []


def test_possessor_of_an_arrest_is_its_target(extract: Extract) -> None:
    record = run(extract, "After General Anton Brask's arrest in 2019, the Volkov Group moved north.")
    event = one(record, "COERCE")
    assert names(record, event.target) == ["Anton Brask"] and event.source == []


def test_deployed_forces_are_not_the_target(extract: Extract) -> None:
    record = run(extract, "Karesian troops were deployed to the northern border.")
    event = one(record, "MOBILIZE")
    assert event.target == [] and names(record, event.source)


# --- one event per act ----------------------------------------------------------------------


def test_promise_content_is_not_an_event(extract: Extract) -> None:
    record = run(extract, "Norway offered to hold the meeting in Oslo.")
    assert types(record) == ["AGREE"]


def test_request_content_is_not_an_event(extract: Extract) -> None:
    record = run(extract, "The Norwegian embassy urged the Karesian authorities to release the students.")
    assert types(record) == ["REQUEST"]


def test_demanded_resignation_is_a_request_only(extract: Extract) -> None:
    record = run(extract, "Karesia Forward demanded the resignation of General Anton Brask.")
    assert types(record) == ["REQUEST"]


def test_participle_elaboration_is_one_event(extract: Extract) -> None:
    record = run(extract, "ECOWAS imposed sanctions on Karesia on Sunday, freezing $40 million in state assets.")
    assert types(record) == ["SANCTION"]


def test_protest_purpose_is_part_of_the_protest(extract: Extract) -> None:
    record = run(extract, "Hundreds of students marched on the palace in Kesh to demand the exit of the Volkov Group.")
    assert types(record) == ["PROTEST"]


def test_meeting_setting_is_not_a_second_event(extract: Extract) -> None:
    record = run(extract, "Norway and Sweden backed the measures at the summit in Oslo.")
    assert types(record) == ["SUPPORT"]


def test_hosting_talks_restates_the_meeting(extract: Extract) -> None:
    assert run(extract, "The talks were hosted by Norway.").events == []


def test_casualties_of_conjoined_participles_join_the_attack(extract: Extract) -> None:
    record = run(extract, "Rebels attacked an army base in Dumeni on Tuesday, killing 12 soldiers and "
                          "wounding about 20 others.")
    event = one(record, "ASSAULT")
    assert event.casualties.killed == 12


def test_claimed_responsibility_joins_the_told_attack(extract: Extract) -> None:
    record = run(extract, "Gunmen attacked a market in Dumeni on Tuesday. The Northern Liberation Front "
                          "claimed responsibility for the attack on Wednesday.")
    event = one(record, "ASSAULT")
    assert "Northern Liberation Front" in names(record, event.source)


def test_headline_echo_is_dropped(extract: Extract) -> None:
    text = ("Police arrest dozens in Kesh\n\nKESH, May 16, 2022 - Police in Kesh arrested 43 people on "
            "Saturday after a march on the palace.")
    record = run(extract, text)
    arrests = [e for e in record.events if e.type == "COERCE"]
    assert len(arrests) == 1 and arrests[0].trigger.text == "arrested"


def test_headline_event_kept_when_the_body_does_not_tell_it(extract: Extract) -> None:
    text = "Norway sanctions Karesian generals\n\nThe move follows months of talks in Oslo."
    assert "SANCTION" in types(run(extract, text))


# --- actors ---------------------------------------------------------------------------------


def test_dateline_place_is_no_actor(extract: Extract) -> None:
    text = ("Rebels strike north\n\nVELL, Karesia, April 7, 2022 - Fighters from the Northern Liberation "
            "Front attacked an army base in Vell on Tuesday.")
    record = run(extract, text)
    event = one(record, "ASSAULT")
    assert "Karesia" not in names(record, event.source)
    assert "Northern Liberation Front" in names(record, event.source)


def test_envoys_stand_for_the_bodies_they_represent(extract: Extract) -> None:
    record = run(extract, "Envoys of the Karesian government and the Northern Liberation Front met in "
                          "Niamey on Wednesday.")
    event = one(record, "CONSULT")
    assert {"Northern Liberation Front"} <= set(names(record, event.source + event.target))
    assert len(event.source + event.target) == 2


def test_its_fighters_are_the_previous_subject(extract: Extract) -> None:
    record = run(extract, "The Northern Liberation Front claimed an attack on Vell. It said its fighters "
                          "had seized three armoured vehicles.")
    event = one(record, "COERCE")
    assert names(record, event.source) == ["Northern Liberation Front"]


def test_both_sides_are_the_sides_of_the_meeting(extract: Extract) -> None:
    record = run(extract, "Envoys of the Karesian government and the Northern Liberation Front met in "
                          "Niamey on Wednesday. A UN envoy said both sides had agreed to a ceasefire.")
    event = one(record, "CONCEDE")
    assert "Northern Liberation Front" in names(record, event.source)


def test_criticised_event_gives_the_target(extract: Extract) -> None:
    record = run(extract, "The Economic Community of West African States imposed sanctions on Karesia on "
                          "Sunday. The junta called the sanctions illegal.")
    accuse = one(record, "ACCUSE")
    assert any("ECOWAS" in n or "Economic" in n for n in names(record, accuse.target))


# --- modality -------------------------------------------------------------------------------


def test_recommendations_are_not_events(extract: Extract) -> None:
    record = run(extract, "ECOWAS should lift the border closures and offer a clear timetable instead.")
    assert record.events == []


def test_failed_warning_is_not_a_threat(extract: Extract) -> None:
    record = run(extract, "He accused the Volkov Group's advisers of failing to warn the garrison.")
    assert types(record) == ["ACCUSE"]


def test_threat_with_the_warners_own_interest_is_kept(extract: Extract) -> None:
    record = run(extract, "Norway warned that hiring the Volkov Group would be incompatible with its mission.")
    assert types(record) == ["THREATEN"]
