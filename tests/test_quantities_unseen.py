"""Quantities on unseen prose: bare and elliptical numbers, partitives, vague scales, measure words,
and the bare numbers that are not counts (labels, years, ages, denominators, pronoun "one")."""

from __future__ import annotations

import pytest

from sitroom.extract.dates import DateStep
from sitroom.extract.gazetteer import GazetteerMentionStep
from sitroom.extract.pipeline import Pipeline
from sitroom.extract.quantities import QuantityStep
from sitroom.extract.sentences import SentenceStep
from sitroom.records import Document, DocumentRecord


@pytest.fixture(scope="module")
def run():
    pipe = Pipeline(steps=[SentenceStep(), DateStep(), GazetteerMentionStep(), QuantityStep()])

    def _run(text: str) -> DocumentRecord:
        return pipe.process_one(Document(id="t", text=text, published="2022-03-18", language="en"))

    return _run


def found(record: DocumentRecord) -> list[tuple[str, float | None, str | None]]:
    return [(q.text, q.value, q.unit) for q in record.quantities]


@pytest.mark.parametrize(("sentence", "expected"), [
    # an elliptical count takes the noun of the count before it in the sentence
    ("Four Karesian soldiers were killed and seven wounded near Ostrova.",
     [("Four Karesian soldiers", 4, "soldiers"), ("seven", 7, "soldiers")]),
    ("Three guards were killed and five were injured at the Velka depot.",
     [("Three guards", 3, "guards"), ("five", 5, "guards")]),
    ("The Volkov Group split into two gangs instead of one.",
     [("two gangs", 2, "gangs"), ("one", 1, "gangs")]),
    ("Police arrested 12 miners and released 9 on Tuesday.",
     [("12 miners", 12, "miners"), ("9", 9, "miners")]),
])
def test_elliptical_counts(run, sentence: str, expected: list[tuple[str, float, str]]) -> None:
    assert found(run(sentence)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Gunmen seized ten hostages in Velka and freed three of them.",
     [("ten hostages", 10, "hostages"), ("three of them", 3, "hostages")]),
    ("Two of the hostages escaped from the Volkov Group.", [("Two of the hostages", 2, "hostages")]),
    ("Floods cut off five of the republic's provinces.", [("five of the republic's provinces", 5, "provinces")]),
    ("Some 40 of the 300 prisoners were freed.",
     [("Some 40 of the 300 prisoners", 40, "prisoners"), ("300 prisoners", 300, "prisoners")]),
])
def test_partitives(run, sentence: str, expected: list[tuple[str, float, str]]) -> None:
    assert found(run(sentence)) == expected


def test_spelled_subject_is_a_count(run) -> None:
    assert found(run("Five bled to death before the medics of the Volkov Group arrived.")) == [("Five", 5, None)]


def test_spelled_number_with_a_scale_word(run) -> None:
    assert found(run("The Karesian census counted as many as eight million in the south.")) == \
        [("as many as eight million", 8_000_000, None)]


@pytest.mark.parametrize(("sentence", "text", "lower", "unit"), [
    ("Several hundred supporters of General Anton Brask gathered in Ostrova.", "Several hundred supporters",
     200, "supporters"),
    ("A few thousand refugees crossed into Karesia.", "A few thousand refugees", 2000, "refugees"),
])
def test_vague_scale(run, sentence: str, text: str, lower: float, unit: str) -> None:
    (q,) = run(sentence).quantities
    assert (q.text, q.value, q.lower, q.vague, q.unit) == (text, None, lower, True, unit)


def test_head_of_cattle_counts_cattle(run) -> None:
    (q,) = run("Raiders from the Volkov Group stole about 300 head of cattle.").quantities
    assert (q.text, q.value, q.approximate, q.unit) == ("about 300 head of cattle", 300, True, "cattle")


def test_time_word_after_a_number_is_not_its_unit(run) -> None:
    record = run("Murders in Ostrova rose from 48 in 2017 to 91 last year.")
    assert ("91", 91, None) in found(record)
    assert all(q.unit != "year" for q in record.quantities)


def test_spaced_dash_does_not_break_the_noun(run) -> None:
    record = run("The Karesia Herald is cutting 90 newsroom jobs - 17% of its staff.")
    assert found(record) == [("90 newsroom jobs", 90, "jobs"), ("17%", 17, "percent")]


def test_change_after_a_place_name(run) -> None:
    # "the Sahel from": a proper noun before "from" does not make the change part of a name
    (q,) = run("Karesia will draw down its troops in the Sahel from 4,000 to 2,500 soldiers.").quantities
    assert (q.value, q.change_from, q.unit) == (2500, 4000, "soldiers")


@pytest.mark.parametrize("sentence", [
    "The prisoners of the Volkov Group were kept in cell 6 of the jail.",    # a label
    "Ostrova ranked at number 76 on the index.",                            # a label
    "Investigators reopened the 2014 arrest of General Anton Brask.",        # a year as modifier
    "The Karesia Herald called 2011 the worst year.",                       # a bare year
    "The recruits were all aged 17 in Velka.",                              # an age
    "Recruits below the age of 18 were sent home by the Volkov Group.",     # an age
    "General Anton Brask, 61, resigned in Ostrova.",                        # an age in apposition
    '"If the pay crisis spreads," one Karesian diplomat said, "the council will fall."',  # a source
    '"Karesia will remain one country," Brask said.',                       # "one" as united
    "No one in Velka saw the Volkov Group leave.",                          # pronoun
    "The one who left was Brask.",                                          # pronoun
    "Brask and Ivo met the one another evening.",                           # pronoun
])
def test_not_counts(run, sentence: str) -> None:
    assert run(sentence).quantities == []


def test_denominator_is_not_a_count(run) -> None:
    record = run("The murder rate in Karesia was 54 per 100,000 last year.")
    assert [q.value for q in record.quantities] == [54]


def test_one_still_counts_with_a_noun(run) -> None:
    record = run("One soldier was killed and one civilian was wounded in Velka.")
    assert found(record) == [("One soldier", 1, "soldier"), ("one civilian", 1, "civilian")]


def test_existential_one_counts(run) -> None:
    assert found(run("In the Velka camp there was only one doctor.")) == [("one doctor", 1, "doctor")]


def test_duration_is_not_inherited(run) -> None:
    record = run("Over the past two weeks, 10 of the more than 30 Karesian judges resigned.")
    ten = next(q for q in record.quantities if q.value == 10)
    assert ten.unit != "weeks"


def test_offsets_hold(run) -> None:
    text = "Gunmen seized ten hostages in Velka and freed three of them. Several hundred supporters marched."
    for q in run(text).quantities:
        assert text[q.span.start:q.span.end] == q.text
        assert q.evidence.start <= q.span.start and q.span.end <= q.evidence.end
