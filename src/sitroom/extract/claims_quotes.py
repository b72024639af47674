"""Finding quotations in raw text: straight and curly, double and single, across sentences.

Works on characters, not tokens, because tokenisers split quote marks inconsistently (``“[w]e`` is one
token in some models).

Double quotes are paired by what each mark can be: a curly mark says it (``“`` opens, ``”`` closes); a
straight ``"`` opens after a space or bracket and before a word, and closes after a word and before a
space or punctuation. Reading marks left to right, an opening mark waits for the next closing one; a
second opening mark before any close means the first one was a stray (a lost closing mark in scraped
text), so it is dropped rather than paired with the wrong mark, which would turn the narration between
two real quotes into a "quote".

A quotation never crosses a paragraph break. A quote left open at the end of its paragraph runs to that
paragraph's end and is marked ``open_ended``: the newspaper convention for a quote that continues in the
next paragraph (which opens with a fresh mark). One left open with no paragraph break near is dropped.

Single quotes are ambiguous with apostrophes (``Mali’s``, ``can’t``, ``the groups’``): an opening mark
must follow a space or an opening bracket and precede a letter; a closing mark must not sit between two
letters. Single quotes are only looked for outside double quotes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Longest single-quoted span considered a quotation; longer ones are mostly stray apostrophes.
MAX_SINGLE_QUOTE_CHARS = 400
# An unclosed double quote may run to its paragraph's end when that end is this near (a long
# paragraph-less scrape with one lost mark would otherwise swallow the rest of the article).
MAX_OPEN_ENDED_CHARS = 700
_OPEN_BEFORE = " \t\n([{—–-\"“/"
_CLOSE_AFTER = " \t\n.,;:!?)]}—–-…'’"
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Quote:
    """One quotation: ``outer_*`` include the marks, ``start:end`` is the quoted words."""

    outer_start: int
    outer_end: int
    start: int
    end: int
    open_ended: bool = False
    """True when no closing mark was found before the paragraph ended (it may continue below)."""

    def contains(self, char: int) -> bool:
        return self.outer_start <= char < self.outer_end


@dataclass(frozen=True)
class _Mark:
    at: int
    can_open: bool
    can_close: bool


def find_quotes(text: str) -> list[Quote]:
    """Top-level quotations in text order (a quote nested inside another is part of it)."""
    paragraph_ends = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    doubles = _pair_double(text, paragraph_ends)
    singles = _single_quotes(text, doubles)
    return sorted(doubles + singles, key=lambda q: q.outer_start)


# ---- double quotes ---------------------------------------------------------------------------------

def _double_marks(text: str) -> list[_Mark]:
    marks = []
    for i, ch in enumerate(text):
        if ch == "“":
            marks.append(_Mark(i, True, False))
        elif ch == "”":
            marks.append(_Mark(i, False, True))
        elif ch == '"':
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            can_open = before in _OPEN_BEFORE and not after.isspace()
            can_close = not before.isspace() and (after in _CLOSE_AFTER or after == '"')
            if not (can_open or can_close):  # word"word: take it as whichever is needed
                can_open = can_close = True
            marks.append(_Mark(i, can_open, can_close))
    return marks


def _pair_double(text: str, paragraph_ends: list[int]) -> list[Quote]:
    quotes: list[Quote] = []
    pending: _Mark | None = None
    for mark in _double_marks(text):
        if pending is not None and _paragraph_of(paragraph_ends, mark.at) != _paragraph_of(paragraph_ends, pending.at):
            quotes.extend(_open_ended(text, pending, paragraph_ends))
            pending = None
        if pending is None:
            pending = mark if mark.can_open else None
        elif mark.can_close:
            quotes.append(_close(text, pending.at, mark.at))
            pending = None
        else:
            pending = mark  # two openings in a row: the first mark was a stray
    if pending is not None:
        quotes.extend(_open_ended(text, pending, paragraph_ends))
    return [q for q in quotes if q.end > q.start]


def _paragraph_of(paragraph_ends: list[int], char: int) -> int:
    return bisect.bisect_left(paragraph_ends, char)


def _open_ended(text: str, mark: _Mark, paragraph_ends: list[int]) -> list[Quote]:
    end = paragraph_ends[_paragraph_of(paragraph_ends, mark.at)]
    if end - mark.at > MAX_OPEN_ENDED_CHARS:
        return []
    start, inner_end = _trim(text, mark.at + 1, end)
    return [Quote(mark.at, end, start, inner_end, open_ended=True)]


def _close(text: str, open_at: int, close_at: int) -> Quote:
    start, end = _trim(text, open_at + 1, close_at)
    return Quote(open_at, close_at + 1, start, end)


# ---- single quotes ---------------------------------------------------------------------------------

def _single_quotes(text: str, doubles: list[Quote]) -> list[Quote]:
    quotes: list[Quote] = []
    starts = [q.outer_start for q in doubles]
    i = 0
    while i < len(text):
        inside = _enclosing(doubles, starts, i)
        if inside is not None:
            i = inside.outer_end
            continue
        if text[i] in "‘'" and _opens_single(text, i):
            close = _find_single_close(text, i)
            next_double = starts[bisect.bisect_right(starts, i)] if bisect.bisect_right(starts, i) < len(starts) else len(text)
            if close is not None and close < next_double:
                quote = _close(text, i, close)
                if quote.end > quote.start:
                    quotes.append(quote)
                i = close + 1
                continue
        i += 1
    return quotes


def _enclosing(quotes: list[Quote], starts: list[int], char: int) -> Quote | None:
    k = bisect.bisect_right(starts, char) - 1
    return quotes[k] if k >= 0 and quotes[k].contains(char) else None


def _paragraph_end(text: str, i: int) -> int:
    match = _PARAGRAPH.search(text, i)
    return match.start() if match else len(text)


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in _OPEN_BEFORE and (after.isalpha() or after == "[")


def _find_single_close(text: str, i: int) -> int | None:
    limit = min(_paragraph_end(text, i), i + MAX_SINGLE_QUOTE_CHARS)
    for j in range(i + 2, limit):
        if text[j] not in "’'":
            continue
        after = text[j + 1] if j + 1 < len(text) else " "
        if not text[j - 1].isspace() and not after.isalnum():
            return j
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and a trailing comma or colon ("We will stay," he said)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def quote_at(quotes: list[Quote], char: int) -> Quote | None:
    """The quote whose marks enclose ``char``."""
    starts = [q.outer_start for q in quotes]
    return _enclosing(quotes, starts, char)
