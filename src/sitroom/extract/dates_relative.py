"""Resolving dates that need the document date: "yesterday", "last week", "on Monday",
"two days ago", "earlier this month", and month-days without a year ("Sunday, September 19th").

Every function takes the :class:`Anchor` (``None`` when the document date is unknown, which gives an
``unknown`` value) and returns a :class:`Resolved` marked ``relative``. Results computed from parts of
the anchor that are not known (the day of an anchor ``2021-09``) are cut down to the anchor's
precision: "yesterday" against ``2021-09`` is ``2021-09``.
"""

from __future__ import annotations

import datetime as dt

from sitroom.extract.dates_calendar import (
    UNKNOWN_RELATIVE,
    Anchor,
    Resolved,
    add_months,
    coarsen,
    day_range,
    day_value,
    make_date,
    month_value,
    shift_years,
    week_of,
    year_value,
)
from sitroom.extract.quantities_lexicon import number_word_value

_DAY_OFFSETS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                "yesterday": -1, "last night": -1, "tomorrow": 1}
_PERIOD_STEP = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}
_VAGUE_COUNTS = {"a few": (2, 9), "several": (2, 9), "few": (2, 9)}
"""Vague counts of periods ("several years ago", "the past few weeks"): between 2 and 9."""


def at_anchor_precision(value: Resolved, anchor: Anchor) -> Resolved:
    return coarsen(value, anchor.precision).as_relative()


def month_day(month: int, day: int, weekday: int | None, anchor: Anchor | None, past: bool = False) -> Resolved:
    """A day of a month with no year: the occurrence nearest the anchor, preferring one whose weekday
    matches when the text names it ("Sunday, September 19th" is 2021-09-19 near 2021). In a clause
    told in the past tense ("rebels attacked Vell on 3 March", dated 10 February) it is the latest
    occurrence on or before the anchor, not the nearer one still to come."""
    if anchor is None:
        return UNKNOWN_RELATIVE
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if (d := make_date(y, month, day)) is not None]
    matching = [d for d in options if weekday is not None and d.weekday() == weekday]
    if matching:
        options = matching
    elif anchor.precision == "year":
        options = [d for d in options if d.year == anchor.year] or options
    ref = anchor.date()
    if past and anchor.precision == "day":
        options = [d for d in options if d <= ref] or options
    best = min(options, key=lambda d: abs((d - ref).days))
    return day_value(best).as_relative()


def year_for_month(month: int, which: str, anchor: Anchor) -> int:
    """The year of a month named without one: "last September", "next March"; in past reporting
    ("latest") the latest such month on or before the document's ("since February" in October is
    this February), in a forward-looking sentence ("coming") the first on or after it; else nearest."""
    if anchor.month is None:
        return anchor.year
    if which == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if which == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if which == "latest":
        return anchor.year if month <= anchor.month else anchor.year - 1
    if which == "coming":
        return anchor.year if month >= anchor.month else anchor.year + 1
    diff = month - anchor.month
    return anchor.year - 1 if diff > 6 else anchor.year + 1 if diff < -6 else anchor.year


def relative_day(word: str, anchor: Anchor | None) -> Resolved:
    if anchor is None:
        return UNKNOWN_RELATIVE
    offset = _DAY_OFFSETS[" ".join(word.split())]
    return at_anchor_precision(day_value(anchor.date() + dt.timedelta(days=offset)), anchor)


def relative_period(which: str, unit: str, anchor: Anchor | None) -> Resolved | None:
    """"last week", "this month", "next year", "last weekend", "the past year" (a trailing window)."""
    if anchor is None:
        return UNKNOWN_RELATIVE
    if which == "past":
        return trailing("1", unit, anchor)
    step, ref = _PERIOD_STEP[which], anchor.date()
    if unit in ("week", "weekend"):
        monday = week_of(ref)[0] + dt.timedelta(weeks=step)
        first = monday + dt.timedelta(days=5 if unit == "weekend" else 0)
        value = day_range(first, monday + dt.timedelta(days=6))
    elif unit == "month":
        value = month_value(*add_months(ref.year, ref.month, step))
    else:
        value = year_value(ref.year + step)
    return at_anchor_precision(value, anchor)


def earlier_this(which: str, unit: str, anchor: Anchor | None) -> Resolved:
    """"earlier this month": from the start of the month to the day before the document date."""
    if anchor is None:
        return UNKNOWN_RELATIVE
    ref = anchor.date()
    first, last = _period_bounds(ref, unit)
    if which == "earlier":
        value = day_range(first, ref - dt.timedelta(days=1)) if ref > first else day_value(first)
    else:
        value = day_range(ref + dt.timedelta(days=1), last) if ref < last else day_value(last)
    return at_anchor_precision(value, anchor)


def _period_bounds(ref: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    if unit == "week":
        return week_of(ref)
    if unit == "month":
        next_year, next_month = add_months(ref.year, ref.month, 1)
        return ref.replace(day=1), dt.date(next_year, next_month, 1) - dt.timedelta(days=1)
    return dt.date(ref.year, 1, 1), dt.date(ref.year, 12, 31)


def _count_bounds(count: str) -> tuple[int, int] | None:
    """How many periods "two", "a", "a couple of", "several" mean, as (fewest, most)."""
    count = " ".join(count.split())
    if count in _VAGUE_COUNTS:
        return _VAGUE_COUNTS[count]
    if count == "a couple of":
        return 2, 2
    value = int(count) if count.isdigit() else number_word_value(count)
    return (int(value), int(value)) if value is not None else None


def _periods_back(ref: dt.date, unit: str, n: int) -> Resolved:
    """The period ``n`` units before ``ref``, at that unit's precision."""
    if unit == "day":
        return day_value(ref - dt.timedelta(days=n))
    if unit == "week":
        return day_range(*week_of(ref - dt.timedelta(weeks=n)))
    if unit == "month":
        return month_value(*add_months(ref.year, ref.month, -n))
    return year_value(ref.year - n * (10 if unit == "decade" else 1))


def ago(count: str, unit: str, anchor: Anchor | None) -> Resolved | None:
    """"two days ago", "a year ago", "several weeks ago" (a range of 2 to 9 weeks back)."""
    bounds = _count_bounds(count)
    if bounds is None:
        return None
    if anchor is None:
        return UNKNOWN_RELATIVE
    ref = anchor.date()
    oldest, newest = _periods_back(ref, unit, bounds[1]), _periods_back(ref, unit, bounds[0])
    if oldest == newest:
        return at_anchor_precision(oldest, anchor)
    return at_anchor_precision(Resolved(oldest.start, newest.end, "range"), anchor)


def trailing(count: str, unit: str, anchor: Anchor | None) -> Resolved | None:
    """"the past two years", "the last few weeks": from that far back up to the document date.
    Vague counts take their largest value (9), so the window surely covers what was meant."""
    bounds = _count_bounds(count)
    if bounds is None:
        return None
    if anchor is None:
        return UNKNOWN_RELATIVE
    ref, n = anchor.date(), bounds[1]
    if unit in ("year", "decade"):
        first = shift_years(ref, -n * (10 if unit == "decade" else 1))
    elif unit == "month":
        y, m = add_months(ref.year, ref.month, -n)
        first = make_date(y, m, min(ref.day, 28)) or ref
    else:
        first = ref - dt.timedelta(days=n * (7 if unit == "week" else 1))
    return at_anchor_precision(day_range(first, ref), anchor)


def weekday(day: int, which: str, anchor: Anchor | None) -> Resolved:
    """A weekday named alone. ``last-or-today``: the latest one on or before the document date (past
    reporting: "on Monday, troops entered..."); ``last``: strictly before; ``next``: strictly after;
    ``this``: the one in the document date's week."""
    if anchor is None:
        return UNKNOWN_RELATIVE
    ref = anchor.date()
    if which == "this":
        target = week_of(ref)[0] + dt.timedelta(days=day)
    elif which == "next":
        target = ref + dt.timedelta(days=(day - ref.weekday()) % 7 or 7)
    else:
        back = (ref.weekday() - day) % 7
        target = ref - dt.timedelta(days=back or (7 if which == "last" else 0))
    return at_anchor_precision(day_value(target), anchor)

