"""Events on unseen text, second pass: rules found on crime and business reporting, pinned on our own sentences.

Each test covers one cause of error: the capture of a group typed as a place, statistics read as
acts, rewards and corroboration read as promises and backing, habits and generalisations read as
single acts, the inverted conditional "should X decide to", found bodies repeating a told killing,
and light verbs reading the object of an unrelated preposition. All names are invented (the
Republic of Karesia, the Volkov Group, General Anton Brask, Kesh, Vell, Los Rastrojos Nuevos).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from events_helpers import names, one, types
from sitroom.records import DocumentRecord

Extract = Callable[..., DocumentRecord]
PUBLISHED = "2023-03-10"


def run(extract: Extract, text: str) -> DocumentRecord:
    return extract(text, published=PUBLISHED)


def described(record: DocumentRecord) -> list[tuple[str, str, str]]:
    return [(e.type, e.modality, e.trigger.text) for e in record.events]


# --- the capture of a group -------------------------------------------------------------------


def test_capture_of_a_gang_the_parser_calls_a_place_is_an_arrest(extract: Extract) -> None:
    record = run(extract, "Police in Kesh celebrated the capture of Los Rastrojos Nuevos, a gang that "
                          "ran extortion rackets in the port.")
    event = one(record, "COERCE")
    assert event.mode == "arrest"
    assert names(record, event.target) == ["Los Rastrojos Nuevos"]
    assert "ASSAULT" not in types(record)


def test_capture_of_a_town_stays_an_attack(extract: Extract) -> None:
    record = run(extract, "Rebels announced the capture of the town of Vell after two days of fighting.")
    assert one(record, "ASSAULT").trigger.text == "capture"
    assert "COERCE" not in types(record)


# --- statistics are no events -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Seizures of methamphetamine by the Karesian navy rose sharply in 2022, according to the ministry.",
        "Attacks on police officers in Karesia increased in the first half of the year.",
        "Kidnappings by the Volkov Group doubled between 2019 and 2021.",
        "A record 1,240 killings by gangs were recorded in Karesia during 2022.",
        "Violence against police officers in Karesia is intensifying.",
        "The ministry reported a sharp rise in kidnappings by the Volkov Group.",
    ],
)
def test_statistics_are_no_events(extract: Extract, text: str) -> None:
    record = run(extract, text)
    assert record.events == [], described(record)


def test_dated_escalation_is_still_an_event(extract: Extract) -> None:
    record = run(extract, "Violence against police officers escalated in Vell on Monday.")
    assert types(record) == ["ASSAULT"]


# --- rewards and corroboration ----------------------------------------------------------------


def test_a_reward_for_information_is_no_promise(extract: Extract) -> None:
    record = run(extract, "The police in Kesh offered a reward of $5,000 for information on General Anton Brask.")
    assert "AGREE" not in types(record), described(record)


def test_an_offer_of_troops_stays_a_promise(extract: Extract) -> None:
    record = run(extract, "Karesia offered to send 200 engineers to Vell after the floods.")
    assert "AGREE" in types(record)


@pytest.mark.parametrize(
    "text",
    [
        "There is no evidence to back this claim by the Volkov Group.",
        "Figures from the ministry support the theory that the gang has grown.",
    ],
)
def test_corroboration_is_no_support(extract: Extract, text: str) -> None:
    record = run(extract, text)
    assert "SUPPORT" not in types(record) and "AGREE" not in types(record), described(record)


def test_backing_a_proposal_is_support(extract: Extract) -> None:
    record = run(extract, "The Karesian government backed the ceasefire proposal on Tuesday.")
    assert one(record, "SUPPORT").trigger.text == "backed"


# --- habits and generalisations ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Gangs in the port extort shopkeepers and kill those who refuse to pay.",
        "Traffickers bribe customs officers in Kesh.",
        "The Volkov Group typically kidnaps businessmen and demands ransoms from their families.",
        "The Volkov Group makes most of its money by robbing travellers on the highway.",
        "The cartel used to smuggle cocaine through Vell.",
        "Police officers routinely detain migrants at the Vell checkpoint.",
    ],
)
def test_habits_are_no_events(extract: Extract, text: str) -> None:
    record = run(extract, text)
    assert record.events == [], described(record)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Gunmen kill 12 in Vell", "ASSAULT"),  # a headline tells a past act in the present
        ("In 2012 the Volkov Group attacks the port of Kesh.", "ASSAULT"),  # dated: one act
        ("The Volkov Group robbed travellers on the highway near Vell on Sunday.", "COERCE"),
        ("Police used tear gas to disperse the protesters in Kesh on Monday.", "ASSAULT"),
    ],
)
def test_specific_acts_stay_events(extract: Extract, text: str, type_: str) -> None:
    record = run(extract, text)
    assert type_ in types(record), described(record)


# --- inverted conditionals --------------------------------------------------------------------


def test_should_x_decide_is_a_condition_not_advice(extract: Extract) -> None:
    record = run(extract, "Should the Volkov Group decide to withdraw its fighters from Vell, "
                          "the army would retake the town.")
    retreat = [e for e in record.events if e.type in ("RETREAT", "CONCEDE")]
    assert len(retreat) == 1, described(record)
    assert retreat[0].modality == "hypothetical"


def test_trailing_should_condition_keeps_the_event(extract: Extract) -> None:
    record = run(extract, "The rebels said they would agree to talks should the government release the prisoners.")
    released = [e for e in record.events if e.type == "RETREAT"]
    assert len(released) == 1, described(record)
    assert released[0].modality == "hypothetical"


def test_should_as_advice_is_still_no_event(extract: Extract) -> None:
    record = run(extract, "The Karesian government should release General Anton Brask.")
    assert record.events == [], described(record)


# --- found bodies -----------------------------------------------------------------------------


def test_found_bodies_repeat_the_told_killing(extract: Extract) -> None:
    record = run(extract, "Gunmen killed five villagers in Vell on Monday. "
                          "The bodies were found in a ditch on Tuesday.")
    assert types(record) == ["ASSAULT"], described(record)


def test_found_bodies_with_no_told_killing_are_an_event(extract: Extract) -> None:
    record = run(extract, "The bodies of three men were found on a road near Vell on Sunday.")
    assert types(record) == ["ASSAULT"], described(record)


# --- light verbs and unrelated prepositions ---------------------------------------------------


def test_moving_operations_from_the_security_forces_is_no_deployment(extract: Extract) -> None:
    record = run(extract, "The gang has been moving operations from the security forces into the mountains.")
    assert "MOBILIZE" not in types(record), described(record)


def test_moving_fighters_is_a_deployment(extract: Extract) -> None:
    record = run(extract, "The Volkov Group moved its fighters from Vell to Kesh on Monday.")
    assert one(record, "MOBILIZE").mode == "troops"


# --- everyday senses found on business and crime reporting ------------------------------------


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("What is striking about the pattern in Vell is its timing.", "ASSAULT"),
        ("Doctors prescribed painkillers, which kill pain but cause addiction.", "ASSAULT"),
        ("The police said the new cards would help fight terror and illegal immigration.", "ASSAULT"),
        ("The Volkov Group carried out major drug trafficking operations in Kesh.", "ASSAULT"),
        ("The party set out a programme aimed to appeal to voters in Kesh.", "REQUEST"),
        ("General Anton Brask pledges that no report shows any wrongdoing by the army.", "AGREE"),
        ("Halvard Mining blamed the cuts on poor share returns.", "ACCUSE"),
    ],
)
def test_everyday_senses_are_no_events(extract: Extract, text: str, absent: str) -> None:
    record = run(extract, text)
    assert absent not in types(record), described(record)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The Karesian opposition appealed for calm after the vote.", "REQUEST"),
        ("General Anton Brask pledged that the troops would leave Vell by May.", "AGREE"),
        ("The ministry blamed the attack in Vell on the Volkov Group.", "ACCUSE"),
        ("Rebels struck at army positions near Vell on Monday.", "ASSAULT"),
    ],
)
def test_the_acts_themselves_stay_events(extract: Extract, text: str, type_: str) -> None:
    record = run(extract, text)
    assert type_ in types(record), described(record)
