"""Quantity recognition: counts, hedges, ranges, changes, money, percentages, vague counts."""

from __future__ import annotations

import pytest

from sitroom.extract.dates import DateStep
from sitroom.extract.pipeline import Pipeline
from sitroom.extract.quantities import QuantityStep, quantity_noun
from sitroom.extract.sentences import SentenceStep
from sitroom.records import Document, DocumentRecord, Quantity


@pytest.fixture(scope="module")
def run():
    pipe = Pipeline(steps=[SentenceStep(), DateStep(), QuantityStep()])

    def _run(text: str) -> DocumentRecord:
        return pipe.process_one(Document(id="t", text=text, published="2021-09-22", language="en"))

    return _run


def only(record: DocumentRecord) -> Quantity:
    assert len(record.quantities) == 1, [q.text for q in record.quantities]
    return record.quantities[0]


def fields(q: Quantity) -> dict[str, object]:
    return {"text": q.text, "value": q.value, "lower": q.lower, "upper": q.upper,
            "approximate": q.approximate, "unit": q.unit, "currency": q.currency,
            "change_from": q.change_from, "vague": q.vague}


BASE = {"lower": None, "upper": None, "approximate": False, "currency": None, "change_from": None,
        "vague": False}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Volkov Group will send approximately 1,000 troops to Karesia.",
     {"text": "approximately 1,000 troops", "value": 1000, "approximate": True, "unit": "troops"}),
    ("The Karesian Liberation Front had 425 fighters in the north.",
     {"text": "425 fighters", "value": 425, "unit": "fighters"}),
    ("The front claimed over a dozen attacks on convoys.",
     {"text": "over a dozen attacks", "value": 12, "lower": 12, "unit": "attacks"}),
    ("Police detained more than 400 protesters.",
     {"text": "more than 400 protesters", "value": 400, "lower": 400, "unit": "protesters"}),
    ("At least 20 people died in the blast.",
     {"text": "At least 20 people", "value": 20, "lower": 20, "unit": "people"}),
    ("Brask can deploy up to 50 drones.",
     {"text": "up to 50 drones", "value": 50, "upper": 50, "unit": "drones"}),
    ("The garrison fell below 3,000 soldiers.",
     {"text": "below 3,000 soldiers", "value": 3000, "upper": 3000, "unit": "soldiers"}),
    ("Some 300 soldiers crossed the river.",
     {"text": "Some 300 soldiers", "value": 300, "approximate": True, "unit": "soldiers"}),
    ("The war displaced around 5 million people.",
     {"text": "around 5 million people", "value": 5_000_000, "approximate": True, "unit": "people"}),
    ("Two soldiers were wounded near Velka.",
     {"text": "Two soldiers", "value": 2, "unit": "soldiers"}),
    ("The rebels freed three hundred prisoners.",
     {"text": "three hundred prisoners", "value": 300, "unit": "prisoners"}),
    ("Between 20 and 30 villagers fled.",
     {"text": "Between 20 and 30 villagers", "value": None, "lower": 20, "upper": 30, "unit": "villagers"}),
    ("Turnout was 76% in Karesia.", {"text": "76%", "value": 76, "unit": "percent"}),
    ("Support fell to 41 percent.", {"text": "41 percent", "value": 41, "unit": "percent"}),
])
def test_counts_and_hedges(run, sentence: str, expected: dict[str, object]) -> None:
    assert fields(only(run(sentence))) == {**BASE, **expected}


@pytest.mark.parametrize(("sentence", "text", "value", "currency", "unit"), [
    ("Karesia bought $23 million worth of weapons.", "$23 million worth of weapons", 23_000_000, "USD",
     "weapons"),
    ("The fund holds €5bn.", "€5bn", 5_000_000_000, "EUR", "EUR"),
    ("The Volkov Group was paid £600m.", "£600m", 600_000_000, "GBP", "GBP"),
    ("Profits reached $1.13bn.", "$1.13bn", 1_130_000_000, "USD", "USD"),
    ("Donors pledged USD 2 million.", "USD 2 million", 2_000_000, "USD", "USD"),
    ("Brask demanded 20 million euros.", "20 million euros", 20_000_000, "EUR", "EUR"),
    ("The levy raised 900 million CFA francs.", "900 million CFA francs", 900_000_000, "XOF", "XOF"),
    ("Exports were worth 8.2bn euros.", "8.2bn euros", 8_200_000_000, "EUR", "EUR"),
])
def test_money(run, sentence: str, text: str, value: float, currency: str, unit: str) -> None:
    q = only(run(sentence))
    assert (q.text, q.value, q.currency, q.unit) == (text, value, currency, unit)


def test_change_with_noun_before(run) -> None:
    text = "Karesia will draw down its troop numbers from 5,100 to below 3,000 by spring."
    q = only(run(text))
    assert fields(q) == {**BASE, "text": "from 5,100 to below 3,000", "value": 3000, "upper": 3000,
                         "change_from": 5100, "unit": "troops"}


def test_change_with_noun_after(run) -> None:
    q = only(run("The militia grew from 200 to 900 fighters in a year."))
    assert (q.change_from, q.value, q.unit) == (200, 900, "fighters")


@pytest.mark.parametrize(("sentence", "text", "lower", "unit"), [
    ("Dozens of civilians were killed in Velka.", "Dozens of civilians", 12, "civilians"),
    ("Rebels captured several towns.", "several towns", 2, "towns"),
    ("Hundreds of protesters gathered outside.", "Hundreds of protesters", 100, "protesters"),
])
def test_vague_counts(run, sentence: str, text: str, lower: float, unit: str) -> None:
    q = only(run(sentence))
    assert (q.text, q.value, q.lower, q.vague, q.unit) == (text, None, lower, True, unit)


@pytest.mark.parametrize("sentence", [
    "The Volkov Group arrived in Karesia in 2018.",        # a year
    "Brask was born on 19 September 1970.",                 # a date
    "It was the first raid since the 19th of May.",         # ordinals and dates
    "One does not preclude the other.",                     # the pronoun "one"
    "The accord was signed under Resolution 2085 quickly.",  # a number in a name
    "Shares rose by 1200 GMT on the exchange.",             # a clock time
])
def test_not_quantities(run, sentence: str) -> None:
    assert run(sentence).quantities == []


def test_a_pair_that_is_not_one_gives_two_quantities(run) -> None:
    record = run("Sales rose 2% to $11.1bn.")
    assert [(q.text, q.unit) for q in record.quantities] == [("2%", "percent"), ("$11.1bn", "USD")]


def test_spans_evidence_and_ids(run) -> None:
    text = "Karesia lost 40 tanks. General Anton Brask sent 12 Malian soldiers home."
    record = run(text)
    assert [q.id for q in record.quantities] == ["q1", "q2"]
    first, second = record.quantities
    assert second.text == "12 Malian soldiers" and second.unit == "soldiers"
    for q in record.quantities:
        assert text[q.span.start:q.span.end] == q.text == q.span.text
        assert q.evidence.text == text[q.evidence.start:q.evidence.end]
        assert q.evidence.start <= q.span.start and q.span.end <= q.evidence.end
        assert q.about is None
    assert first.evidence.text == "Karesia lost 40 tanks."


def test_quantity_noun(run) -> None:
    record = run("Karesia bought $5 million worth of rifles, paid $2 million and lost 76% of 300 tanks.")
    assert [quantity_noun(q) for q in record.quantities] == ["rifles", None, None, "tanks"]


def test_seed_article(run, seed_text: str) -> None:
    by_text = {q.text: q for q in run(seed_text).quantities}
    assert by_text["approximately 1,000 troops"].value == 1000
    assert by_text["approximately 1,000 troops"].approximate is True
    drawdown = next(q for q in by_text.values() if q.change_from == 5100)
    assert (drawdown.upper, drawdown.unit) == (3000, "troops")
    assert (by_text["$23 million worth of weapons"].value, by_text["$23 million worth of weapons"].currency) \
        == (23_000_000, "USD")
    assert by_text["425 fighters"].unit == "fighters"
    assert by_text["over a dozen attacks"].lower == 12
    assert not any(q.value in (2013, 2018, 2020) for q in by_text.values())


# --- second gold batch ------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "text", "value", "unit"), [
    # A hyphenated duration or size: the number measures the hyphenated noun (the licence lasts
    # 20 years), so the unit is that noun and the described noun stays outside the span.
    ("Karesia granted the Volkov Group a 20-year concession.", "20-year", 20, "year"),
    ("General Anton Brask announced a 45-day truce around Ostrova.", "45-day", 45, "day"),
])
def test_hyphenated_measure_is_the_unit(run, sentence: str, text: str, value: float, unit: str) -> None:
    q = only(run(sentence))
    assert (q.text, q.value, q.unit) == (text, value, unit)


def test_vague_count_over_a_hyphenated_modifier(run) -> None:
    q = only(run("The Volkov Group guards several foreign-owned farms near Ostrova."))
    assert (q.vague, q.unit, q.lower) == (True, "farms", 2)


def test_participle_between_number_and_noun(run) -> None:
    q = only(run("Aid workers fed some 4,500 stranded travellers in Ostrova."))
    assert (q.value, q.unit, q.approximate) == (4500, "travellers", True)
