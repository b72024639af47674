"""Calendar arithmetic behind date resolution: anchors, ISO values at a precision, weeks and months.

A :class:`Resolved` value is what every date expression normalises to: ISO ``start``/``end`` at the
precision the text supports (``2021``, ``2021-09``, ``2021-09-19``) and a granularity from
conventions.md (``day``, ``month``, ``year``, ``decade``, ``range``, ``unknown``).
An :class:`Anchor` is the document date (``Document.published``) at whatever precision it is known.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

_ANCHOR_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True)
class Resolved:
    """A normalised date: ISO bounds at the known precision, the granularity, and whether the
    document date was needed to get it."""

    start: str | None
    end: str | None
    granularity: str
    relative: bool = False

    def as_relative(self) -> Resolved:
        return replace(self, relative=True)


UNKNOWN = Resolved(None, None, "unknown")
UNKNOWN_RELATIVE = Resolved(None, None, "unknown", relative=True)


@dataclass(frozen=True)
class Anchor:
    """The document date. ``month``/``day`` are ``None`` when only a coarser value is known."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Anchor | None:
        """Read ``2021``, ``2021-09``, ``2021-09-22`` or a longer ISO timestamp; ``None`` otherwise."""
        match = _ANCHOR_RE.match((value or "").strip())
        if not match:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if month is not None and not 1 <= month <= 12:
            return cls(year)
        if month is not None and day is not None and not _valid_day(year, month, day):
            return cls(year, month)
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def date(self) -> dt.date:
        """A representative day. For coarse anchors the middle of the period, so that results
        computed from it and then :func:`coarsen`-ed stay inside the anchor's month or year."""
        if self.month is None:
            return dt.date(self.year, 7, 1)
        return dt.date(self.year, self.month, self.day or 15)

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or ``None`` for impossible ones (``February 30``)."""
    if not (1 <= year <= 9999) or not _valid_day(year, month, day):
        return None
    return dt.date(year, month, day)


def day_value(d: dt.date) -> Resolved:
    iso = d.isoformat()
    return Resolved(iso, iso, "day")


def month_value(year: int, month: int) -> Resolved:
    iso = f"{year:04d}-{month:02d}"
    return Resolved(iso, iso, "month")


def year_value(year: int) -> Resolved:
    return Resolved(f"{year:04d}", f"{year:04d}", "year")


def year_range(first: int, last: int) -> Resolved:
    return Resolved(f"{first:04d}", f"{last:04d}", "range")


def day_range(first: dt.date, last: dt.date) -> Resolved:
    if first == last:
        return day_value(first)
    return Resolved(first.isoformat(), last.isoformat(), "range")


def month_range(year: int, first: int, last: int) -> Resolved:
    return Resolved(f"{year:04d}-{first:02d}", f"{year:04d}-{last:02d}", "range")


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift_years(d: dt.date, delta: int) -> dt.date:
    """Same day ``delta`` years away (29 February becomes 28 February)."""
    try:
        return d.replace(year=d.year + delta)
    except ValueError:
        return d.replace(year=d.year + delta, day=28)


def week_of(d: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the ISO week containing ``d``."""
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def coarsen(value: Resolved, precision: str) -> Resolved:
    """Cut a value down to ``precision`` (``month`` or ``year``) when the anchor it was computed
    from was no finer: "yesterday" against an anchor of ``2021-09`` is only known to be ``2021-09``."""
    if value.start is None or value.end is None or precision == "day":
        return value
    width = 7 if precision == "month" else 4
    start, end = value.start[:width], value.end[:width]
    if start == end:
        if (start, end) == (value.start, value.end):  # already that coarse (a year stays a year)
            return value
        return Resolved(start, end, "year" if len(start) == 4 else "month", value.relative)
    return Resolved(start, end, "range", value.relative)
