"""Crowd and street tactics, accusations and the lead's date, on sentences of our own.

Strikes and blockades, thrown missiles and crowd-control weapons, the accused as the doer of the
act they are accused of, implied protests that a verb already tells, and which events of the first
sentence take the publication date.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from events_helpers import names, one, types
from sitroom.records import DocumentRecord

Extract = Callable[..., DocumentRecord]
PUBLISHED = "2024-03-15"


def run(extract: Extract, text: str) -> DocumentRecord:
    return extract(text, published=PUBLISHED)


def test_walkout_is_a_strike(extract: Extract) -> None:
    record = run(extract, "Hundreds of workers walked out in Vell on Monday.")
    event = one(record, "PROTEST")
    assert event.mode == "strike" and names(record, event.source) == ["workers"]


def test_striking_workers_are_no_attack(extract: Extract) -> None:
    record = run(extract, "Striking workers marched to the Halvard plant in Vell.")
    assert "ASSAULT" not in types(record)


@pytest.mark.parametrize(("text", "type_", "mode"), [
    ("Farmers blocked the highway to Vell with tractors.", "PROTEST", "obstruct"),
    ("Karesian soldiers blocked the road between Vell and Tamsa.", "COERCE", None),
    ("Riot police used tear gas on the marchers in Vell.", "ASSAULT", "crowd-control"),
    ("Youths hurled rocks at a patrol in Vell.", "ASSAULT", None),
])
def test_street_tactics(extract: Extract, text: str, type_: str, mode: str | None) -> None:
    event = one(run(extract, text), type_)
    assert event.mode == mode


def test_crowd_throwing_stones_is_a_riot(extract: Extract) -> None:
    record = run(extract, "Demonstrators threw stones at the governor's convoy in Vell.")
    assert one(record, "PROTEST").mode == "riot"


@pytest.mark.parametrize(("text", "doer"), [
    ("Karesia accuses Norland of arming the Volkov Group.", "Norland"),
    ("Karesia blamed the Volkov Group for attacking the convoy.", "Volkov Group"),
])
def test_the_accused_did_the_act(extract: Extract, text: str, doer: str) -> None:
    record = run(extract, text)
    act = next(e for e in record.events if e.type != "ACCUSE")
    assert names(record, act.source) == [doer] and act.modality == "alleged"


def test_implied_protest_yields_to_the_told_act(extract: Extract) -> None:
    record = run(extract, "Angry protesters stormed the town hall in Vell.")
    assert [e.trigger.text for e in record.events] == ["stormed"]


def test_only_the_leads_main_clause_takes_the_publication_date(extract: Extract) -> None:
    record = run(extract, "Karesia accuses Norland of arming the Volkov Group.")
    accusation, arming = one(record, "ACCUSE"), one(record, "AID")
    assert accusation.date is not None and accusation.date_fallback
    assert arming.date is None  # an older act the accusation tells, of unknown date


@pytest.mark.parametrize("text", [
    "The Volkov Group said it was not going to negotiate with the junta.",
    "The rebels will not negotiate with the junta.",
])
def test_refusing_to_engage_is_a_rejection(extract: Extract, text: str) -> None:
    record = run(extract, text)
    event = one(record, "REJECT")
    assert event.modality in ("asserted", "reported") and "CONSULT" not in types(record)


def test_a_past_non_meeting_stays_a_negated_consultation(extract: Extract) -> None:
    record = run(extract, "The rebels did not meet the envoy.")
    assert one(record, "CONSULT").modality == "negated" and "REJECT" not in types(record)


def test_the_threatened_act_is_the_threats_content(extract: Extract) -> None:
    record = run(extract, "Norland warned that it would impose sanctions on Karesia if the troops stayed.")
    assert types(record) == ["THREATEN"]


def test_a_proposed_plan_is_not_a_deployment(extract: Extract) -> None:
    record = run(extract, "Karesia proposed a plan to deploy a joint border force with Norland.")
    assert types(record) == ["AGREE"]
    assert names(record, one(record, "AGREE").target) == ["Norland"]


def test_people_named_by_a_told_arrest_are_not_a_second_arrest(extract: Extract) -> None:
    record = run(extract, "Police arrested nine people in Vell on Monday. "
                          "The nine people arrested were released on Tuesday.")
    assert types(record).count("COERCE") == 1 and "RETREAT" in types(record)


def test_receiving_a_delegation_is_a_visit_by_its_senders(extract: Extract) -> None:
    record = run(extract, "President Anton Brask received a delegation from the Volkov Group in Kesh.")
    visit = one(record, "CONSULT")
    assert visit.mode == "visit" and names(record, visit.target) == ["Volkov Group"]


@pytest.mark.parametrize("text", [
    "The army pulled back from Vell, where it had been based before the fighting began in October.",
    "A court sentenced Anton Brask to 20 years for a murder committed in December.",
    "Officers were not paid in December, and the minister has threatened to punish the strikers.",
])
def test_dates_of_other_happenings_do_not_date_the_event(extract: Extract, text: str) -> None:
    record = run(extract, text)
    main = record.events[0]
    assert main.date is None or main.date_fallback, (main.type, main.date)


@pytest.mark.parametrize(("text", "start"), [
    ("The rebels ambushed a convoy escorted by Volkov's men on January 17, killing nine soldiers.", "2024-01-17"),
    ("Gunmen killed five traders who were travelling to Vell on Monday.", "2024-03-11"),
])
def test_dates_the_parser_hangs_on_a_description_still_count(extract: Extract, text: str, start: str) -> None:
    event = one(run(extract, text), "ASSAULT")
    assert event.date is not None and event.date.start == start and not event.date_fallback


def test_an_attack_noun_subject_gives_the_doer_and_the_mode(extract: Extract) -> None:
    record = run(extract, "On 5 May 2022, an airstrike by the Karesian air force killed 11 militants near Vell.")
    event = one(record, "ASSAULT")
    assert event.mode == "aerial" and event.casualties.killed == 11
    assert [record.entity(s).sector for s in event.source] == ["MIL"]
