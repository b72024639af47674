"""Date recognition, normalisation, relative resolution and publication-date inference."""

from __future__ import annotations

import pytest

from sitroom.extract.context import Context
from sitroom.extract.dates import DateStep, dates_in, resolve_date_text
from sitroom.extract.pipeline import Pipeline
from sitroom.extract.sentences import SentenceStep
from sitroom.records import DateRef, Document, DocumentRecord

DOC_DATE = "2021-09-22"  # a Wednesday


@pytest.fixture(scope="module")
def dates_pipeline() -> Pipeline:
    return Pipeline(steps=[SentenceStep(), DateStep()])


@pytest.fixture(scope="module")
def run(dates_pipeline: Pipeline):
    def _run(text: str, published: str | None = DOC_DATE) -> DocumentRecord:
        doc = Document(id="t", text=text, published=published, language="en")
        return dates_pipeline.process_one(doc)

    return _run


def only(record: DocumentRecord, text: str) -> DateRef:
    found = [d for d in record.dates if d.text == text]
    assert len(found) == 1, f"{text!r} not found once in {[d.text for d in record.dates]}"
    return found[0]


def value(d: DateRef) -> tuple[str | None, str | None, str]:
    return d.start, d.end, d.granularity


@pytest.mark.parametrize(("sentence", "expr", "expected"), [
    ("The Volkov Group arrived on September 19th, 2021 in Karesia.", "September 19th, 2021",
     ("2021-09-19", "2021-09-19", "day")),
    ("General Anton Brask resigned on 19 September 2021.", "19 September 2021",
     ("2021-09-19", "2021-09-19", "day")),
    ("The ceasefire was signed on 16 February 2021.", "16 February 2021", ("2021-02-16", "2021-02-16", "day")),
    ("Filed 16-Feb-21 by the ministry.", "16-Feb-21", ("2021-02-16", "2021-02-16", "day")),
    ("The report is dated 2021-09-19 and was leaked.", "2021-09-19", ("2021-09-19", "2021-09-19", "day")),
    ("Talks collapsed in November 2019 after a raid.", "November 2019", ("2019-11", "2019-11", "month")),
    ("The Republic of Karesia held a vote in 2018.", "2018", ("2018", "2018", "year")),
    ("Brask's militia was formed in the 1990s.", "1990s", ("1990", "1999", "decade")),
    ("From 2000-2019, Karesia bought rifles abroad.", "From 2000-2019", ("2000", "2019", "range")),
    ("Imports doubled between 2000 and 2019 overall.", "between 2000 and 2019", ("2000", "2019", "range")),
    ("Figures cover 2000 to 2019 only.", "2000 to 2019", ("2000", "2019", "range")),
    ("The junta took power after the 2020 coup in Karesia.", "2020", ("2020", "2020", "year")),
    ("Voters remember the 2016 presidential election.", "2016", ("2016", "2016", "year")),
    ("Fighting resumed in early 2021 near the border.", "early 2021", ("2021-01", "2021-04", "range")),
])
def test_explicit_dates(run, sentence: str, expr: str, expected: tuple[str, str, str]) -> None:
    d = only(run(sentence), expr)
    assert value(d) == expected
    assert d.relative is False


@pytest.mark.parametrize(("sentence", "expr", "expected"), [
    ("The minister flew in on Sunday, September 19th.", "Sunday, September 19th",
     ("2021-09-19", "2021-09-19", "day")),
    ("Brask met envoys on Sept. 19 in the capital.", "Sept. 19", ("2021-09-19", "2021-09-19", "day")),
    ("The Volkov Group left today.", "today", ("2021-09-22", "2021-09-22", "day")),
    ("The Volkov Group left yesterday.", "yesterday", ("2021-09-21", "2021-09-21", "day")),
    ("Karesia closed its border last week.", "last week", ("2021-09-13", "2021-09-19", "range")),
    ("Karesia closed its border last month.", "last month", ("2021-08", "2021-08", "month")),
    ("Karesia closed its border last year.", "last year", ("2020", "2020", "year")),
    ("Karesia expects growth this year.", "this year", ("2021", "2021", "year")),
    ("Karesia will vote next year.", "next year", ("2022", "2022", "year")),
    ("Gunmen attacked a convoy on Monday.", "Monday", ("2021-09-20", "2021-09-20", "day")),
    ("The envoys will meet on Monday in Brask's office.", "Monday", ("2021-09-27", "2021-09-27", "day")),
    ("Rebels seized the town two days ago.", "two days ago", ("2021-09-20", "2021-09-20", "day")),
    ("Rebels seized the town earlier this month.", "earlier this month", ("2021-09-01", "2021-09-21", "range")),
    ("Rebels seized the town in May, officials said.", "May", ("2021-05", "2021-05", "month")),
    ("The Volkov Group has operated in Karesia since 2013.", "since 2013", ("2013", DOC_DATE, "range")),
])
def test_relative_dates(run, sentence: str, expr: str, expected: tuple[str, str, str]) -> None:
    d = only(run(sentence), expr)
    assert value(d) == expected
    assert d.relative is True


def test_month_day_without_year_takes_the_nearest_year(run) -> None:
    d = only(run("Shelling began on December 28 and never stopped.", published="2022-01-05"), "December 28")
    assert value(d) == ("2021-12-28", "2021-12-28", "day")


def test_coarse_anchor_keeps_its_precision(run) -> None:
    d = only(run("The Volkov Group left yesterday.", published="2021-09"), "yesterday")
    assert value(d) == ("2021-09", "2021-09", "month")


def test_unresolvable_without_document_date(run) -> None:
    record = run("Troops arrived on Monday and left again.", published=None)
    d = only(record, "Monday")
    assert value(d) == (None, None, "unknown")
    assert record.document.published is None


def test_story_relative_years_are_not_read(run) -> None:
    record = run("Brask fled. The next year his militia collapsed.")
    assert [d.text for d in record.dates] == []


@pytest.mark.parametrize("sentence", [
    "The Islamic Front of Karesia had 425 fighters.",
    "Karesia bought $23 million worth of rifles.",
    "The Volkov Group sent 2000 troops to the border.",
    "Brask said the ship carried 1,850 tonnes of grain.",
    "He may 12 times have lied.",
])
def test_numbers_that_are_not_dates(run, sentence: str) -> None:
    assert run(sentence).dates == []


def test_spans_are_the_expression_and_match_the_text(run) -> None:
    text = "Talks began in November 2019. On Sunday, September 19th, General Anton Brask left."
    record = run(text)
    for d in record.dates:
        assert text[d.evidence.start:d.evidence.end] == d.text == d.evidence.text
    assert [d.text for d in record.dates] == ["November 2019", "Sunday, September 19th"]


def test_dates_in_span(run, dates_pipeline: Pipeline) -> None:
    text = "Brask resigned in 2018. The Volkov Group returned in 2020."
    record = run(text)
    ctx = Context(document=record.document, doc=dates_pipeline.nlp(text), record=record)
    second = text.index("The Volkov")
    assert [d.text for d in dates_in(ctx, second, len(text))] == ["2020"]
    assert [d.text for d in dates_in(ctx, 0, second)] == ["2018"]


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("September 19th, 2021", None, ("2021-09-19", "2021-09-19", "day")),
    ("2018", None, ("2018", "2018", "year")),
    ("since 2013", None, ("2013", None, "range")),
    ("the 1990s", None, ("1990", "1999", "decade")),
    ("last month", "2021-09-22", ("2021-08", "2021-08", "month")),
    ("last month", None, (None, None, "unknown")),
    ("no date here", "2021-09-22", (None, None, "unknown")),
])
def test_resolve_date_text(text: str, anchor: str | None, expected: tuple[str | None, str | None, str]) -> None:
    assert resolve_date_text(text, anchor) == expected


# --- publication-date inference -------------------------------------------------------------------

def test_inference_from_weekday_and_latest_year(run) -> None:
    text = ("The Volkov Group backed a 2019 coup in Karesia. On Sunday, September 19th, "
            "General Anton Brask flew to the capital. Yesterday he returned.")
    record = run(text, published=None)
    assert record.document.published == "2021-09"
    assert record.document.published_inferred is True
    assert value(only(record, "Sunday, September 19th")) == ("2021-09-19", "2021-09-19", "day")
    assert value(only(record, "Yesterday")) == ("2021-09", "2021-09", "month")


def test_inference_prefers_a_full_date_written_elsewhere(run) -> None:
    text = ("The siege began on April 5, 2003. Officials met in 2012. On Saturday, April 5, "
            "the first shots were fired.")
    record = run(text, published=None)
    assert record.document.published == "2012"


def test_inference_from_years_only(run) -> None:
    record = run("Karesia signed a treaty in 2014 and left it in 2020.", published=None)
    assert (record.document.published, record.document.published_inferred) == ("2020", True)


def test_no_inference_without_years(run) -> None:
    record = run("Gunmen attacked a convoy on Monday.", published=None)
    assert (record.document.published, record.document.published_inferred) == (None, False)


def test_given_date_is_kept(run) -> None:
    record = run("Karesia signed a treaty in 2014.", published="2015-03-01")
    assert (record.document.published, record.document.published_inferred) == ("2015-03-01", False)


def test_seed_article(run, seed_text: str) -> None:
    record = run(seed_text, published=None)
    assert record.document.published is not None
    assert record.document.published.startswith("2021-09")
    assert record.document.published_inferred is True
    assert value(only(record, "Sunday, September 19th")) == ("2021-09-19", "2021-09-19", "day")
    assert value(only(record, "November 2019")) == ("2019-11", "2019-11", "month")
    assert value(only(record, "From 2000-2019")) == ("2000", "2019", "range")
    assert ("2018", "2018", "year") in [value(d) for d in record.dates if d.text == "2018"]
    assert value(only(record, "since 2013"))[:1] == ("2013",)
    for d in record.dates:
        assert seed_text[d.evidence.start:d.evidence.end] == d.text


# --- second gold batch: open months, anchored offsets, ranges, period ends, paragraph dates -------

def test_month_without_year_in_past_reporting_is_the_latest_on_or_before() -> None:
    # Said in October: "since February" is this February, not next year's.
    start, end, _ = resolve_date_text("The Karesian army has held Ostrova since February.", "2022-10-03")
    assert (start, end) == ("2022-02", "2022-10-03")


def test_month_in_a_forward_clause_is_the_coming_one(run) -> None:
    record = run("The Volkov Group said it would leave Karesia in January.", "2023-02-06")
    assert value(only(record, "January")) == ("2024-01", "2024-01", "month")
    record = run("General Anton Brask rejected the plan in January.", "2023-02-06")
    assert value(only(record, "January")) == ("2023-01", "2023-01", "month")


@pytest.mark.parametrize(("sentence", "expr", "expected"), [
    ("Rebels seized Ostrova on 12 May 2022. Troops retook it two days later.", "two days later",
     ("2022-05-14", "2022-05-14", "day")),
    ("The Volkov Group arrived on March 3, 2022 and left a week later.", "a week later",
     ("2022-03-10", "2022-03-10", "day")),
    ("Brask was arrested in June 2021 and freed the following month.", "the following month",
     ("2021-07", "2021-07", "month")),
])
def test_anchored_offsets_count_from_the_previous_date(run, sentence, expr, expected) -> None:
    d = only(run(sentence), expr)
    assert value(d) == expected
    assert d.relative


def test_anchored_offset_without_an_earlier_date_is_dropped(run) -> None:
    record = run("The Volkov Group came to Karesia. Two years later, the north is poorer.")
    assert [d.text for d in record.dates] == []


@pytest.mark.parametrize(("sentence", "expr", "expected"), [
    ("Traders said the Ostrova crossing was shut between Monday and Wednesday.",
     "between Monday and Wednesday", ("2021-09-20", "2021-09-22", "range")),
    ("Karesian notes, 14 August - 3 September 2021", "14 August - 3 September 2021",
     ("2021-08-14", "2021-09-03", "range")),
    ("Brask ruled from 1 March 2019 to 4 April 2020.", "from 1 March 2019 to 4 April 2020",
     ("2019-03-01", "2020-04-04", "range")),
])
def test_ranges_in_one_expression_are_one_date(run, sentence, expr, expected) -> None:
    record = run(sentence)
    assert value(only(record, expr)) == expected
    assert len(record.dates) == 1


def test_two_days_joined_by_and_stay_two_dates(run) -> None:
    record = run("Karesian troops attacked on Monday and Wednesday.")
    assert [d.text for d in record.dates] == ["Monday", "Wednesday"]


@pytest.mark.parametrize(("sentence", "expr", "expected"), [
    ("The Volkov Group had left Ostrova by the end of April.", "the end of April", ("2021-04", "2021-04", "month")),
    ("The Volkov Group agreed to leave by the end of April.", "the end of April", ("2022-04", "2022-04", "month")),
    ("Brask promised elections by the end of the year.", "the end of the year", ("2021", "2021", "year")),
    ("The Karesian army will withdraw by the end of next month.", "the end of next month",
     ("2021-10", "2021-10", "month")),
    ("Clashes flared in late March near Ostrova.", "late March", ("2021-03-21", "2021-03-31", "range")),
    ("Clashes flared in early August near Ostrova.", "early August", ("2021-08-01", "2021-08-10", "range")),
])
def test_period_ends_and_parts(run, sentence, expr, expected) -> None:
    assert value(only(run(sentence), expr)) == expected


def test_over_the_past_weeks_is_a_duration_not_a_date(run) -> None:
    record = run("Karesia moved 900 soldiers to the border over the past two weeks.")
    assert record.dates == []


def test_paragraph_date_gives_the_date_opening_the_paragraph(dates_pipeline: Pipeline) -> None:
    from sitroom.extract.dates_paragraph import paragraph_date

    text = ("Notes on the Ostrova district\n\n"
            "3 May 2021 - Ostrova, Karesia. Gunmen of the Volkov Group burned a market.\n\n"
            "On 9 May, General Anton Brask visited the town. Shops reopened.\n\n"
            "Aid groups say the district needs food.")
    record = dates_pipeline.process_one(Document(id="p", text=text, published=DOC_DATE, language="en"))
    ctx = Context(document=record.document, doc=dates_pipeline.nlp(text), record=record)
    burned = paragraph_date(ctx, text.index("burned"))
    assert burned is not None and burned.start == "2021-05-03"
    reopened = paragraph_date(ctx, text.index("reopened"))
    assert reopened is not None and reopened.start == "2021-05-09"
    assert paragraph_date(ctx, text.index("needs food")) is None
    assert paragraph_date(ctx, text.index("Ostrova district")) is None


@pytest.mark.parametrize(("sentence", "expr", "expected"), [
    ("Fighting raged from 1 to 8 May 2022 around Vell.", "from 1 to 8 May 2022", ("2022-05-01", "2022-05-08", "range")),
    ("Talks ran May 3-5, 2023 in Kesh.", "May 3-5, 2023", ("2023-05-03", "2023-05-05", "range")),
    ("Between 12 and 14 September, clashes killed nine.", "Between 12 and 14 September",
     ("2021-09-12", "2021-09-14", "range")),
])
def test_day_ranges_within_a_month(run, sentence: str, expr: str, expected: tuple[str, str, str]) -> None:
    assert value(only(run(sentence), expr)) == expected


def test_numbers_before_a_month_are_not_always_a_range(run) -> None:
    record = run("The court gave them 3 to 5 years in May 2020.")
    assert [d.text for d in record.dates] == ["May 2020"]


def test_the_same_day_is_the_previous_date(run) -> None:
    record = run("Rebels attacked Vell on 14 September. The army answered the same day.")
    assert value(only(record, "the same day")) == ("2021-09-14", "2021-09-14", "day")


def test_past_tense_puts_a_yearless_day_before_the_document_date(run) -> None:
    # dated 2021-09-22: 1 October is nearer in 2021, but an attack told in the past was in 2020
    assert value(only(run("Rebels attacked Vell on 1 October."), "1 October"))[0] == "2020-10-01"
    assert value(only(run("Talks are due on 1 October."), "1 October"))[0] == "2021-10-01"


def test_a_sentence_full_stop_is_not_part_of_the_month(run) -> None:
    record = run("Rebels attacked Vell on 14 September. Talks followed on 3 Sept. 2021 in Kesh.")
    assert [d.text for d in record.dates] == ["14 September", "3 Sept. 2021"]


def test_a_deadline_in_a_condition_is_still_to_come(run) -> None:
    record = run("Norland warned it would act if the troops were not withdrawn by 30 September.")
    assert value(only(record, "30 September"))[0] == "2021-09-30"
