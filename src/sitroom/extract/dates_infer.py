"""Inferring a publication date from the text when the input gave none.

The evidence, strongest first:

1. **A weekday with a month-day** ("Sunday, September 19th"). Writers name weekdays for events of
   the last days, so such a date is close to publication. Without a written year it is checked
   against the candidate years (the latest explicit year in the text and the one or two after it):
   a month-day falls on a given weekday at most once in three consecutive years.
2. **The latest explicit year** ("in 2018", "a 2020 coup", "November 2019"): the text was written in
   that year or later.

The value set is the most precise one that stays defensible:

* with a weekday-date, its **month** (``2021-09``): publication is on or after the day, most likely
  within days, but the day itself would claim the article appeared the day the event happened, and
  a weekday mention can be a week old, so only the month is kept (it can still be wrong when the
  event falls in the last days of a month);
* otherwise the latest explicit **year** (``2020``): a lower bound, the best guess there is;
* nothing when the text has no explicit year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sitroom.extract.dates_calendar import make_date
from sitroom.extract.dates_patterns import Candidate

CANDIDATE_YEAR_SPAN = 3
"""The latest explicit year and the two after it: an article mostly looks back at most a couple
of years from its own date."""


def latest_explicit_year(candidates: Iterable[Candidate]) -> int | None:
    """The largest year written out in the text (relative expressions and decades excluded)."""
    years: list[int] = []
    for cand in candidates:
        value = cand.value
        if value.relative or value.start is None or value.granularity == "decade":
            continue
        years.append(int(value.start[:4]))
        if value.end is not None:
            years.append(int(value.end[:4]))
    return max(years) if years else None


def weekday_dates(candidates: Iterable[Candidate], latest_year: int) -> list[dt.date]:
    """Days named with a weekday, their year written or found by matching the weekday."""
    candidates = list(candidates)
    # A month-day written in full elsewhere ("April 5, 2003" ... "on Saturday, April 5") is that day.
    written = {(c.month, c.day): c.year for c in candidates if c.year and c.month and c.day}
    found: list[dt.date] = []
    for cand in candidates:
        if cand.weekday is None or cand.month is None or cand.day is None:
            continue
        year = cand.year or written.get((cand.month, cand.day))
        years = [year] if year else range(latest_year, latest_year + CANDIDATE_YEAR_SPAN)
        for year in years:
            day = make_date(year, cand.month, cand.day)
            if day is not None and day.weekday() == cand.weekday:
                found.append(day)
                break
    return found


def infer_published(candidates: list[Candidate]) -> str | None:
    """An ISO publication date (``2021-09`` or ``2021``) inferred from dates scanned without an
    anchor, or ``None`` when the text gives no explicit year."""
    latest = latest_explicit_year(candidates)
    if latest is None:
        return None
    named = [d for d in weekday_dates(candidates, latest) if d.year >= latest]
    if named:
        newest = max(named)
        return f"{newest.year:04d}-{newest.month:02d}"
    return f"{latest:04d}"
