"""The date that opens a paragraph: datelines and leading dates that set when the paragraph happened.

Incident notes ("26 September 2022 - Vell, Karesia. Gunmen attacked ..."), wire datelines
("ALGIERS, April 14, 2023 - ...") and narrative openers ("On 3 March, troops ...") date what the
paragraph below them reports, not the rest of the article. :func:`paragraph_date` gives that date
for any character, for the event step to date incidents with.
"""

from __future__ import annotations

import bisect
import re

from sitroom.extract.context import Context
from sitroom.extract.dates import sorted_date_starts
from sitroom.records import DateRef

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_OPENER = re.compile(
    r"\s*(?:[A-Z][A-Za-z.'’ -]{0,40},\s*)?"  # a dateline place: "ALGIERS, ", "Kesh, "
    r"(?:(?:[Oo]n|[Ii]n|[Bb]y|[Ee]arly|[Ll]ate)\s+)?(?:the\s+)?")
"""What may stand between a paragraph's start and its opening date."""


def paragraph_date(ctx: Context, char: int) -> DateRef | None:
    """The date opening the paragraph that holds ``char`` ("On 3 March," or a dateline), or None
    when the paragraph does not start with a date. Uses ``ctx.record.dates`` (the date step's output)."""
    start = _paragraph_start(ctx, char)
    for date in _dates_from(ctx, start):
        if date.evidence.start > char:
            return None
        if _OPENER.fullmatch(ctx.text, start, date.evidence.start):
            return date
        return None
    return None


def _dates_from(ctx: Context, start: int) -> list[DateRef]:
    """The first date at or after ``start`` (a list of at most one)."""
    dates = ctx.record.dates
    starts = sorted_date_starts(ctx)
    if starts is None:
        later = [d for d in dates if d.evidence.start >= start]
        return [min(later, key=lambda d: d.evidence.start)] if later else []
    index = bisect.bisect_left(starts, start)
    return dates[index:index + 1]


def _paragraph_start(ctx: Context, char: int) -> int:
    starts = _paragraph_starts(ctx)
    return starts[bisect.bisect_right(starts, char) - 1]


def _paragraph_starts(ctx: Context) -> list[int]:
    """Paragraph start offsets, computed once per text (every event of a long document asks)."""
    text = ctx.text
    cached = _CACHE.get(id(ctx))
    if cached is not None and cached[0] is text:
        return cached[1]
    starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    _CACHE.clear()
    _CACHE[id(ctx)] = (text, starts)
    return starts


_CACHE: dict[int, tuple[str, list[int]]] = {}
