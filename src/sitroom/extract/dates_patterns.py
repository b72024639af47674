"""The date recogniser: regular patterns over the text, each with a resolver to ISO values.

:func:`scan` runs every pattern, keeps the longest non-overlapping matches and resolves them against
the anchor (the document date) in :class:`ScanEnv`. Plain four-digit numbers only count as years when
the context says so (a lead word such as "in"/"since"/"of", an event noun after: "2018 coup", a
spaCy DATE entity around it); "425 fighters" and "$23 million" never match.

The span of a match is the date expression itself: leading prepositions ("in", "on") are left out,
words that change the value ("since", "from ... to", "last") are kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sitroom.extract import dates_relative as rel
from sitroom.extract.dates_calendar import (
    UNKNOWN_RELATIVE,
    Anchor,
    Resolved,
    day_range,
    day_value,
    make_date,
    month_range,
    month_value,
    year_range,
    year_value,
)
from sitroom.extract.dates_combine import ANCHORED_KIND, combine, offset_of
from sitroom.extract.dates_lexicon import (
    EVENT_NOUNS,
    MONTH_ALT,
    MONTHS,
    WEEKDAY_ALT,
    WEEKDAY_FULL_ALT,
    WEEKDAYS,
    YEAR_LEADS,
)


def _never(start: int, end: int) -> bool:
    return False


def _past(pos: int) -> bool:
    return False


@dataclass
class ScanEnv:
    """What the resolvers may consult besides the match: the anchor and token-level hints."""

    anchor: Anchor | None = None
    is_date_hint: Callable[[int, int], bool] = _never
    """True when a spaCy DATE entity covers ``start:end``."""
    counts_noun: Callable[[int, int], bool] = _never
    """True when the number at ``start:end`` counts a noun ("2000 troops"): not a year."""
    is_future_at: Callable[[int], bool] = _past
    """True when the sentence around a character looks forward ("will meet on Monday")."""
    is_past_at: Callable[[int], bool] = _past
    """True when the verb governing a character is in a past tense ("attacked Vell on 3 March")."""
    trust_years: bool = False
    """Accept bare four-digit years without context (the caller says the text is a date)."""


@dataclass(frozen=True)
class Candidate:
    """One recognised date expression, with the parts the text spelled out."""

    start: int
    end: int
    value: Resolved
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: tuple[int, str] | None = None
    """For "two days later": (2, "day"), counted from the previous date in the text."""


Handler = Callable[[re.Match[str], ScanEnv], Resolved | None]


@dataclass(frozen=True)
class DatePattern:
    kind: str
    regex: re.Pattern[str]
    handle: Handler = field(repr=False)


_YEAR = r"(?:1[89]|20)\d\d"
_PART = r"(?:early|mid|late|Early|Mid|Late|spring|summer|autumn|fall|Spring|Summer|Autumn|Fall)"
_NOT_NUMBER_AFTER = r"(?![,.]?\d|\s*%)"
_ABBREV_DOT = r"(?:(?<![A-Za-z]{5})(?<!May)\.)?"
"""The full stop of an abbreviated month ("3 Sept. 2021"), never a sentence's ("on 3 March.")."""
_RELATIVE_N = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|a\s+couple\s+of|several)"


def _year_of(text: str | None) -> int | None:
    """Four-digit years as written; two-digit ones pivot at 70 ("16-Feb-21" is 2021)."""
    if not text:
        return None
    value = int(text)
    if len(text) == 2:
        value += 1900 if value >= 70 else 2000
    return value


def _group(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


def _month_of(match: re.Match[str]) -> int | None:
    name = _group(match, "mon")
    return MONTHS.get(name.lower().rstrip(".")) if name else None


def _weekday_of(match: re.Match[str]) -> int | None:
    name = _group(match, "wd")
    return WEEKDAYS.get(name.lower().rstrip(".")) if name else None


# --- handlers -------------------------------------------------------------------------------------

def _iso(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    d = make_date(int(match["y"]), int(match["mo"]), int(match["d"]))
    return day_value(d) if d else None


def _full_date(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    """Day and month, with or without a year and weekday ("Sunday, September 19th", "16-Feb-21")."""
    month, day = _month_of(match), int(match["d"])
    if month is None:
        return None
    year = _year_of(_group(match, "y"))
    if year is not None:
        d = make_date(year, month, day)
        return day_value(d) if d else None
    if make_date(2000, month, day) is None:  # 2000 is a leap year: only impossible days fail
        return None
    return rel.month_day(month, day, _weekday_of(match), env.anchor, past=env.is_past_at(match.start()))


def _day_span(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    """Days of one month: "1 to 8 May 2022", "May 3-5", "between 12 and 14 January"."""
    pre, sep = (_group(match, "pre") or "").lower(), match["sep"].lower()
    if sep == "and" and pre != "between":
        return None
    first, last = int(match["d1"]), int(match["d"])
    end = _full_date(match, env)
    if end is None or end.start is None or not first < last:
        return None
    last_day = dt.date.fromisoformat(end.start)
    start = make_date(last_day.year, last_day.month, first)
    if start is None:
        return None
    value = day_range(start, last_day)
    return value.as_relative() if end.relative else value


def _month_year(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    month, year = _month_of(match), _year_of(match["y"])
    if month is None or year is None:
        return None
    return _part_of_month(year, month, _group(match, "part"))


def _part_of_month(year: int, month: int, part: str | None) -> Resolved:
    if not part:
        return month_value(year, month)
    last = (make_date(year, month, 31) or make_date(year, month, 30) or make_date(year, month, 29)
            or dt.date(year, month, 28))
    days = {"early": (1, 10), "mid": (11, 20), "late": (21, last.day)}.get(part.lower())
    if days is None:
        return month_value(year, month)
    return day_range(dt.date(year, month, days[0]), dt.date(year, month, days[1]))


def _month_alone(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    """A month without a year needs a cue ("in May", "last September") and the anchor."""
    which = (_group(match, "which") or "").lower()
    if not which and not _group(match, "lead"):
        return None
    month = _month_of(match)
    if month is None:
        return None
    if env.anchor is None:
        return UNKNOWN_RELATIVE
    if not which or which in ("early", "mid", "late"):
        which = "coming" if env.is_future_at(match.start()) else "latest"
    year = rel.year_for_month(month, which, env.anchor)
    # The month comes from the text and the year from the anchor: no need to coarsen.
    part = (_group(match, "which") or "").lower()
    return _part_of_month(year, month, part if part in ("early", "mid", "late") else None).as_relative()


def _end_of_month(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    """"the end of April", "the start of March 2022": the month itself (gold: "by the end of April"
    is April); without a year, the month is placed like a bare month name."""
    month = _month_of(match)
    if month is None:
        return None
    year = _year_of(_group(match, "y"))
    if year is not None:
        return month_value(year, month)
    if env.anchor is None:
        return UNKNOWN_RELATIVE
    which = "coming" if env.is_future_at(match.start()) else "latest"
    return month_value(rel.year_for_month(month, which, env.anchor), month).as_relative()


def _end_of_period(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    """"the end of the year", "the start of next month": that period of the document date."""
    which = (_group(match, "which") or "this").lower()
    return rel.relative_period("this" if which == "the" else which, match["unit"].lower(), env.anchor)


def _anchored(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    """"two days later": a placeholder until :func:`dates_combine.combine` counts from the previous
    date; None when the count is not a number ("several days later")."""
    return UNKNOWN_RELATIVE if _anchored_offset(match) is not None else None


def _anchored_offset(match: re.Match[str]) -> tuple[int, str] | None:
    if _group(match, "unit3"):
        return (0, match["unit3"].lower())  # "the same day": the previous date itself
    count = (_group(match, "n") or _group(match, "n2") or "").lower()
    unit = _group(match, "unit") or _group(match, "unit2") or ""
    return offset_of("1" if count in ("next", "following") else count, unit)


def _decade(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    if _group(match, "dec"):
        first = int(match["dec"])
    else:
        short = int(match["short"])
        first = short + (1900 if short >= 30 else 2000)
    part = (_group(match, "part") or "").lower()
    spans = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
    if part in spans:
        return year_range(first + spans[part][0], first + spans[part][1])
    return Resolved(f"{first:04d}", f"{first + 9:04d}", "decade")


def _year_span(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    """Year ranges: "2000-2019", "between 2000 and 2019", "from 2000 to 2019", "2019/20"."""
    first, pre, sep = int(match["y"]), (_group(match, "pre") or "").lower(), match["sep"].lower()
    second_text = match["y2"]
    if sep == "and" and pre != "between":
        return None
    if len(second_text) == 2:
        if sep not in "-–—/":
            return None
        second = first // 100 * 100 + int(second_text)
    else:
        second = int(second_text)
    if second <= first or second - first > 200 or env.counts_noun(match.start("y"), match.end("y2")):
        return None
    return year_range(first, second)


def _bare_year(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    year = int(match["y"])
    part = (_group(match, "part") or "").lower()
    if not part and not _year_context(match, env):
        return None
    months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "spring": (3, 5), "summer": (6, 8),
              "autumn": (9, 11), "fall": (9, 11)}.get(part)
    return month_range(year, *months) if months else year_value(year)


def _year_context(match: re.Match[str], env: ScanEnv) -> bool:
    """Does the text around a four-digit number make it a year?"""
    start, end = match.start("y"), match.end("y")
    text = match.string
    before = text[max(0, start - 30):start]
    if (before and before[-1] in "$€£¥#") or re.search(r"\d[,.]?$|[,.]$", before):
        return False  # part of a larger number ("12,2018") or an amount ("$2018")
    if env.counts_noun(start, end):
        return False
    if env.trust_years or env.is_date_hint(start, end):
        return True
    prev = re.search(r"([A-Za-z.]+)\s+$", before)
    if prev and prev.group(1).lower() in YEAR_LEADS:
        return True
    after = text[end:end + 30]
    if re.match(r"['’]s\b|\)", after) and before.endswith("("):
        return True
    nxt = re.match(r"(?:['’]s)?\s+(?:[A-Z][A-Za-z.]*\s+)?([A-Za-z]+)", after)
    return bool(nxt and nxt.group(1).lower() in EVENT_NOUNS) or bool(re.match(r"['’]s\b", after))


def _relative_day(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    return rel.relative_day(match["w"].lower(), env.anchor)


def _relative_period(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    which = match["which"].lower()
    if which in ("next", "previous") and re.search(r"\bthe\s+$", match.string[max(0, match.start() - 6):match.start()], re.I):
        return None  # "the next year", "the previous year": relative to the story, not the document
    return rel.relative_period(match["which"].lower(), match["unit"].lower(), env.anchor)


def _earlier_this(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    return rel.earlier_this(match["which"].lower(), match["unit"].lower(), env.anchor)


def _ago(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    return rel.ago(match["n"].lower(), match["unit"].lower(), env.anchor)


_DURATION_LEAD = re.compile(r"\b(?:[Oo]ver|[Ff]or)\s+$")


def _trailing(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    if _DURATION_LEAD.search(match.string, max(0, match.start() - 6), match.start()):
        return None  # "over the past two weeks" measures a duration (a quantity), it dates nothing
    return rel.trailing(match["n"].lower(), match["unit"].lower(), env.anchor)


def _weekday(match: re.Match[str], env: ScanEnv) -> Resolved | None:
    weekday = _weekday_of(match)
    if weekday is None:
        return None
    which = (_group(match, "which") or "").lower()
    if not which:
        which = "next" if env.is_future_at(match.start()) else "last-or-today"
    return rel.weekday(weekday, which, env.anchor)


# --- patterns --------------------------------------------------------------------------------------

def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


PATTERNS: tuple[DatePattern, ...] = (
    DatePattern("iso", _compile(rf"\b(?P<y>{_YEAR})(?P<s>[-/])(?P<mo>[01]\d)(?P=s)(?P<d>[0-3]\d)\b"), _iso),
    DatePattern("dmy_short", _compile(
        r"\b(?P<d>[0-3]?\d)(?P<s>[-/ ])(?P<mon>(?i:jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec))"
        r"(?P=s)(?P<y>\d{4}|\d{2})\b"), _full_date),
    DatePattern("mdy", _compile(
        rf"\b(?:(?P<wd>{WEEKDAY_ALT})\.?,?\s+)?(?P<mon>{MONTH_ALT})\b\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
        rf"{_NOT_NUMBER_AFTER}(?:,?\s+(?P<y>{_YEAR})\b)?"), _full_date),
    DatePattern("dmy", _compile(
        rf"\b(?:(?P<wd>{WEEKDAY_ALT})\.?,?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"(?P<mon>{MONTH_ALT})\b{_ABBREV_DOT}(?:,?\s+(?P<y>{_YEAR})\b)?"), _full_date),
    DatePattern("day_range", _compile(
        rf"\b(?:(?P<pre>[Ff]rom|[Bb]etween)\s+)?(?:the\s+)?(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*"
        rf"(?P<sep>[-–—]|to|and|until|till|through)\s*(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"(?P<mon>{MONTH_ALT})\b{_ABBREV_DOT}(?:,?\s+(?P<y>{_YEAR})\b)?"), _day_span),
    DatePattern("month_day_range", _compile(
        rf"\b(?:(?P<pre>[Ff]rom|[Bb]etween)\s+)?(?P<mon>{MONTH_ALT})\b\.?\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*"
        rf"(?P<sep>[-–—]|to|and|until|till|through)\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b{_NOT_NUMBER_AFTER}"
        rf"(?:,?\s+(?P<y>{_YEAR})\b)?"), _day_span),
    DatePattern("month_year", _compile(
        rf"\b(?:(?P<part>early|mid|late|Early|Mid|Late)[-\s]+)?(?P<mon>{MONTH_ALT})\b\.?,?\s+(?:of\s+)?"
        rf"(?P<y>{_YEAR})\b{_NOT_NUMBER_AFTER}"), _month_year),
    DatePattern("month", _compile(
        r"\b(?P<lead>(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y|[Bb]efore|[Aa]fter|[Ff]rom|[Tt]hrough)\s+)?"
        r"(?:(?P<which>last|this|next|early|late|mid|Last|This|Next|Early|Late|Mid)[-\s]+)?"
        r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)"
        r"\b(?!\.?\s*\d)"), _month_alone),
    DatePattern("end_of_month", _compile(
        rf"\b(?:[Tt]he\s+)?(?:end|start|beginning|middle|close)\s+of\s+(?P<mon>{MONTH_ALT})\b"
        rf"(?:,?\s+(?P<y>{_YEAR})\b)?"), _end_of_month),
    DatePattern("end_of_period", _compile(
        r"\b(?:[Tt]he\s+)?(?:end|start|beginning|middle|close)\s+of\s+(?P<which>the|this|last|next)\s+"
        r"(?P<unit>year|month|week)\b"), _end_of_period),
    DatePattern(ANCHORED_KIND, _compile(
        rf"(?i)\b(?:(?P<n>{_RELATIVE_N})\s+(?P<unit>day|week|month|year)s?\s+later"
        r"|the\s+(?P<n2>next|following)\s+(?P<unit2>day|week|month|year)"
        r"|(?:the\s+same|that\s+very)\s+(?P<unit3>day|week|month))\b"), _anchored),
    DatePattern("decade", _compile(
        r"(?:\b(?P<part>early|mid|late|Early|Mid|Late)[-\s]+)?(?:\b(?P<dec>(?:1[89]|20)\d0)|['’](?P<short>\d0))s\b"),
        _decade),
    DatePattern("year_range", _compile(
        rf"\b(?:(?P<pre>[Ff]rom|[Bb]etween)\s+)?(?P<y>{_YEAR})\s*"
        rf"(?P<sep>[-–—/]|to|and|until|till|through|thru)\s*(?P<y2>{_YEAR}|\d\d)\b{_NOT_NUMBER_AFTER}"),
        _year_span),
    DatePattern("year", _compile(
        rf"(?:\b(?P<part>{_PART})[-\s]+)?\b(?P<y>{_YEAR})\b(?!\s*%|[,.]\d|[-–—/]\d)"), _bare_year),
    DatePattern("relative_day", _compile(
        r"(?i)\b(?P<w>today|yesterday|tomorrow|tonight|this\s+morning|this\s+afternoon|this\s+evening"
        r"|last\s+night)\b"), _relative_day),
    DatePattern("relative_period", _compile(
        r"(?i)\b(?P<which>last|this|next|past|coming|previous)\s+(?P<unit>week|weekend|month|year)\b"),
        _relative_period),
    DatePattern("earlier_this", _compile(
        r"(?i)\b(?P<which>earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year)\b"), _earlier_this),
    DatePattern("ago", _compile(
        rf"(?i)\b(?P<n>{_RELATIVE_N})\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b"), _ago),
    DatePattern("trailing", _compile(
        rf"(?i)\b(?:the\s+)?(?:past|last|previous)\s+(?P<n>{_RELATIVE_N}|few)\s+(?P<unit>day|week|month|year|decade)s\b"),
        _trailing),
    DatePattern("weekday", _compile(
        rf"\b(?:(?P<lead>[Oo]n\s+)|(?P<which>[Ll]ast|[Tt]his|[Nn]ext)\s+)?(?P<wd>{WEEKDAY_FULL_ALT})\b"),
        _weekday),
)

_SINCE_BEFORE = re.compile(r"\b([Ss]ince)\s+$")


def scan(text: str, env: ScanEnv) -> list[Candidate]:
    """All date expressions in ``text``, longest first where they overlap, in text order."""
    found = [c for pattern in PATTERNS for c in _matches(pattern, text, env)]
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[Candidate] = []
    for cand in found:
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return combine(text, [_apply_since(text, c, env) for c in kept])


def _matches(pattern: DatePattern, text: str, env: ScanEnv) -> list[Candidate]:
    out = []
    for match in pattern.regex.finditer(text):
        value = pattern.handle(match, env)
        if value is None:
            continue
        start = match.end("lead") if _group(match, "lead") else match.start()
        offset = _anchored_offset(match) if pattern.kind == ANCHORED_KIND else None
        out.append(Candidate(start, match.end(), value, pattern.kind, _year_of(_group(match, "y")),
                             _month_of(match), _day_of(match), _weekday_of(match), offset))
    return out


def _day_of(match: re.Match[str]) -> int | None:
    day = _group(match, "d")
    return int(day) if day else None


def _apply_since(text: str, cand: Candidate, env: ScanEnv) -> Candidate:
    """"since 2013" is the range from 2013 to the document date (open when there is none)."""
    since = _SINCE_BEFORE.search(text, max(0, cand.start - 8), cand.start)
    if since is None or cand.value.start is None:
        return cand
    end = env.anchor.iso() if env.anchor is not None else None
    if end is not None and end <= cand.value.start:
        end = None  # "since 2021" in a text dated 2021: no later bound is known
    value = Resolved(cand.value.start, end, "range", relative=cand.value.relative or end is not None)
    return Candidate(since.start(1), cand.end, value, cand.kind, cand.year, cand.month, cand.day, cand.weekday)
