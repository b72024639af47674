"""Events, crime-reporting pass: rules found by reading the pipeline's events on organised-crime news.

Each test pins one general cause of error (verbs in their everyday senses, non-actor objects,
police raids read as violence, extraditions and charges missed, instruments taken for actors) on
sentences of our own with invented names (the Cuervo gang, the Volkov Group, Republic of Karesia,
Vell, General Anton Brask).
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


# --- not events --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Critics tried to overthrow the new gun law in court in Vell.",  # a law is no government
        "Shoppers in Vell withdrew cash from machines on Monday.",  # cash
        "Some 70 million sharks are killed each year off the coast of Karesia.",  # animals
        "The case of General Anton Brask offers a rare insight into the Cuervo gang.",  # insight
        "Lawyers in Vell offered the service to officers who had lost their jobs.",  # a service
        "For the Cuervo gang, 2024 promises to be the same in Vell.",  # "promises to be"
        "Analysts agree that the Cuervo gang has grown stronger in Vell.",  # a shared view
        "The gun law in Karesia seems designed to aid the dirty business of arms trafficking.",  # business
        "Gangs in Vell are arming themselves with rifles from army stores.",  # reflexive
        "The best way to attack this crime in Vell is to report it.",  # a crime is no target
        "The province of Vell exploded onto the criminal radar in 2016.",  # no bomb
        "Gang bosses in Vell take advantage of the growing Cuervo control.",  # no seizure
        "A new law in Karesia reduced the number of guns a person could carry from twelve to three.",
        "Karesian officers in Vell get bonuses when they meet crime reduction targets.",  # targets
        "Many deportees from Karesia have met violent deaths in Vell.",  # no meeting
        "The gang's work in Vell offers another demonstration of the weakness of Karesia's police.",
        "Poverty is among the root causes driving violence in Karesia.",  # a condition, not an act
        "The unit in Vell is charged with protecting the border.",  # a task, not a crime
        "Foreign firms come to Karesia to bank in the country.",  # "bank" is not "ban"
        "The Attorney General's Office in Vell thought it had struck another blow against the gangs.",
        "Shortly after he took control of the prosecutor's office, General Anton Brask restructured it.",
        "Karesian savers were pulling money out of Vell banks during the crisis.",
        "In 2015, the province of Vell recorded 496 murders, the lowest tally in decades.",  # a tally
        "In Karesia, cocaine seizures rose 183 percent to ten tons last year.",  # a tally
    ],
)
def test_no_event_in_everyday_senses(extract: Extract, text: str) -> None:
    assert run(extract, text).events == [], [(e.type, e.trigger.text) for e in run(extract, text).events]


# --- police and courts ----------------------------------------------------------------------------


def test_police_raid_without_violence_is_a_seizure(extract: Extract) -> None:
    record = run(extract, "Karesian police raided a warehouse owned by the Cuervo gang in Vell on Monday.")
    event = one(record, "COERCE")
    assert (event.mode, event.trigger.text) == ("seize", "raided")


def test_raid_with_killing_stays_an_assault(extract: Extract) -> None:
    record = run(extract, "Volkov Group fighters raided the village of Vell on Monday, killing four farmers.")
    assert "ASSAULT" in types(record) and "COERCE" not in types(record)


def test_police_operations_are_coercion(extract: Extract) -> None:
    record = run(extract, "Karesian police say they have carried out 300 operations against wildlife trafficking.")
    assert types(record) == ["COERCE"]


def test_army_operation_stays_an_assault(extract: Extract) -> None:
    record = run(extract, "The Karesian army carried out an operation against the Volkov Group in Vell.")
    assert types(record) == ["ASSAULT"]


def test_extradition_target_is_the_person_not_the_destination(extract: Extract) -> None:
    record = run(extract, "General Anton Brask was arrested in Vell last year and extradited to Karesia.")
    event = next(e for e in record.events if e.trigger.text == "extradited")
    assert (event.type, event.mode) == ("COERCE", "deport")
    assert names(record, event.target) == ["Anton Brask"] and event.source == []


def test_charged_with_a_crime_is_an_accusation(extract: Extract) -> None:
    record = run(extract, "Prosecutors in Vell charged General Anton Brask with money laundering on Monday.")
    event = one(record, "ACCUSE")
    assert event.mode == "allege" and names(record, event.target) == ["Anton Brask"]


def test_charge_after_parenthetical_reporter_keeps_the_charged(extract: Extract) -> None:
    text = ("Anton Brask and Pablo Varga were arrested in Vell on August 19, the Kesh Times reported, "
            "and charged with money laundering.")
    record = run(extract, text)
    event = one(record, "ACCUSE")
    assert event.source == [] and sorted(names(record, event.target)) == ["Anton Brask", "Pablo Varga"]


def test_passive_conjunct_undergoes_the_act(extract: Extract) -> None:
    record = run(extract, "General Anton Brask resigned as president of Karesia and was arrested shortly thereafter.")
    arrest = one(record, "COERCE")
    assert arrest.source == [] and names(record, arrest.target) == ["Anton Brask"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Karesian authorities dismantled a Cuervo gang cell in Vell on Monday.", "dismantled"),
        ("Police in Vell took down a trafficking ring known as the Birders on Monday.", "took down"),
        ("General Anton Brask was transferred to a maximum-security prison in Vell on Monday.", "transferred"),
        ("The Karesian government destroyed poppy crops worth 300 million dollars in Vell.", "destroyed"),
        ("Armed villagers began besieging the village of Vell on Monday.", "besieging"),
    ],
)
def test_crackdowns_and_transfers_are_coercion(extract: Extract, text: str, trigger: str) -> None:
    event = one(run(extract, text), "COERCE")
    assert event.trigger.text == trigger


def test_dismantling_barriers_is_no_crackdown(extract: Extract) -> None:
    assert "COERCE" not in types(run(extract, "Karesia promised to dismantle trade barriers with Norland in May."))


def test_burning_crops_by_militants_stays_violence(extract: Extract) -> None:
    event = one(run(extract, "Volkov Group militants burned crops in Vell on Monday."), "ASSAULT")
    assert event.mode == "destroy"


# --- nouns -------------------------------------------------------------------------------------------


def test_capture_noun_of_a_person_is_an_arrest(extract: Extract) -> None:
    record = run(extract, "The capture of Pablo Varga in Vell on Monday surprised the Cuervo gang.")
    event = one(record, "COERCE")
    assert event.mode == "arrest" and names(record, event.target) == ["Pablo Varga"]


def test_capture_of_a_town_is_an_attack(extract: Extract) -> None:
    record = run(extract, "The capture of the town of Vell by the Volkov Group in May shocked Karesia.")
    assert types(record) == ["ASSAULT"]


def test_participle_siege_describes_the_attackers(extract: Extract) -> None:
    record = run(extract, "Militants besieging Vell ambushed a supply convoy on Monday.")
    assert types(record) == ["ASSAULT"]


def test_murder_noun_is_an_assault(extract: Extract) -> None:
    record = run(extract, "The 2019 murder of General Anton Brask in Vell was never solved.")
    event = one(record, "ASSAULT")
    assert names(record, event.target) == ["Anton Brask"]


def test_bodies_found_report_a_killing(extract: Extract) -> None:
    event = one(run(extract, "Nine bodies were found on a bridge in Vell on Friday."), "ASSAULT")
    assert event.trigger.text.startswith("bodies")


# --- actors ------------------------------------------------------------------------------------------


def test_weapon_used_is_no_actor(extract: Extract) -> None:
    record = run(extract, "Three Cuervo gang gunmen used rifles to slaughter 17 people in Vell on Tuesday.")
    event = one(record, "ASSAULT")
    assert all("rifle" not in n.lower() for n in names(record, event.source))
    assert any("gunmen" in n.lower() or "cuervo" in n.lower() for n in names(record, event.source))
