"""Second pass over recognised dates: what a date means next to the others in the text.

Two readings need the neighbours of a match, not the match alone:

* **Ranges in one expression** ("between Monday and Wednesday", "24 September - 2 October 2022",
  "from March to May"): two dates joined by a range connector become one range. A first date
  written without its year takes the second one's year ("24 September - 2 October 2022").
* **Anchored relative dates** ("two days later", "a week later", "the next day"): counted from the
  previous date written in the text, not from the document date; the result is marked ``relative``.
  Without an earlier date in the text there is nothing to count from and the expression is dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from sitroom.extract.dates_calendar import (
    Anchor,
    Resolved,
    add_months,
    coarsen,
    day_value,
    make_date,
    month_value,
    year_value,
)
from sitroom.extract.quantities_lexicon import number_word_value

if TYPE_CHECKING:
    from sitroom.extract.dates_patterns import Candidate

ANCHORED_KIND = "later"
"""Candidate kind of "two days later": resolved here, against the previous date."""

_BETWEEN = re.compile(r"\s*(?:(?P<and>and)|(?P<to>to|until|till|through|thru)|[-–—])\s*$")
_PREFIX = re.compile(r"\b(?P<word>[Bb]etween|[Ff]rom)\s+$")


def combine(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Merge range pairs, then resolve anchored expressions (candidates in text order)."""
    return _resolve_anchored(_merge_ranges(text, candidates))


# --- ranges -----------------------------------------------------------------------------------------

def _merge_ranges(text: str, candidates: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    index = 0
    while index < len(candidates):
        first = candidates[index]
        second = candidates[index + 1] if index + 1 < len(candidates) else None
        merged = _as_range(text, first, second) if second is not None else None
        if merged is not None:
            out.append(merged)
            index += 2
        else:
            out.append(first)
            index += 1
    return out


def _as_range(text: str, first: Candidate, second: Candidate) -> Candidate | None:
    """One range from two dates joined by "and"/"to"/a dash, or None when they are not a range."""
    connector = _BETWEEN.match(text, first.end, second.start)
    if connector is None or first.kind == ANCHORED_KIND or second.kind == ANCHORED_KIND:
        return None
    prefix = _PREFIX.search(text, max(0, first.start - 9), first.start)
    word = prefix.group("word").lower() if prefix else ""
    if connector.group("and") and word != "between":
        return None  # "on Monday and Wednesday" are two days, not a range
    start_value = _with_year_of(first, second)
    low, high = start_value.start, second.value.end
    if low is not None and high is not None and high <= low and first.weekday is not None:
        low = _week_before(low)  # "between Friday and Monday" said on a Monday: the Friday before
    if low is None or high is None or first.value.end is None or high <= low:
        return None
    relative = first.value.relative or second.value.relative
    value = Resolved(low, high, "range", relative)
    begin = prefix.start("word") if prefix else first.start
    return replace(first, start=begin, end=second.end, value=value, kind="range")


def _with_year_of(first: Candidate, second: Candidate) -> Resolved:
    """"24 September" before "2 October 2022" is in 2022 (or 2021 when it would come after)."""
    if first.year is not None or second.year is None or first.month is None:
        return first.value
    if first.day is None:
        year = second.year if (second.month or 12) >= first.month else second.year - 1
        return month_value(year, first.month)
    day = make_date(second.year, first.month, first.day)
    if day is None:
        return first.value
    if second.month is not None and (first.month, first.day) > (second.month, second.day or 31):
        day = make_date(second.year - 1, first.month, first.day) or day
    return day_value(day)


def _week_before(iso: str) -> str | None:
    day = Anchor.parse(iso)
    if day is None or day.precision != "day":
        return None
    return (day.date() - dt.timedelta(days=7)).isoformat()


# --- anchored relative dates ------------------------------------------------------------------------

def _resolve_anchored(candidates: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    previous: Resolved | None = None
    for cand in candidates:
        if cand.kind != ANCHORED_KIND:
            out.append(cand)
            if cand.value.start is not None:
                previous = cand.value
            continue
        value = _count_from(previous, cand) if previous is not None else None
        if value is not None:
            out.append(replace(cand, value=value))
            previous = value
    return out


def _count_from(previous: Resolved, cand: Candidate) -> Resolved | None:
    """The date ``cand.offset`` after the previous date, at the previous date's precision."""
    if cand.offset is None:
        return None
    count, unit = cand.offset
    anchor = Anchor.parse(previous.end or previous.start)
    if anchor is None:
        return None
    ref = anchor.date()
    if unit == "day":
        value = day_value(ref + dt.timedelta(days=count))
    elif unit == "week":
        value = day_value(ref + dt.timedelta(weeks=count))
    elif unit == "month":
        value = month_value(*add_months(ref.year, ref.month, count))
    else:
        value = year_value(ref.year + count)
    return coarsen(value, anchor.precision).as_relative()


def offset_of(count_text: str, unit: str) -> tuple[int, str] | None:
    """("two", "days") -> (2, "day"); None for counts that are not numbers."""
    count = _count(count_text)
    return (count, unit.lower().rstrip("s")) if count is not None else None


def _count(text: str) -> int | None:
    text = " ".join(text.lower().split())
    if text in ("a", "an", "the next", "the following"):
        return 1
    if text.isdigit():
        return int(text)
    value = number_word_value(text)
    return int(value) if value is not None else None
