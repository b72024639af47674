"""Finding quotations in raw text: straight and curly, double and single, across sentences.

Works on characters, not tokens, because tokenisers split quote marks inconsistently (``“[w]e`` is one
token in some models). A quotation never crosses a paragraph break: an unclosed quote ends at the end
of its paragraph (the newspaper convention for quotes that run on into the next paragraph).

Single quotes are ambiguous with apostrophes (``Mali’s``, ``can’t``, ``the groups’``): an opening mark
must follow a space or an opening bracket and precede a letter; a closing mark must not sit between two
letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Longest single-quoted span considered a quotation; longer ones are mostly stray apostrophes.
MAX_SINGLE_QUOTE_CHARS = 400
_OPEN_BEFORE = " \t\n([{—–-\"“"
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Quote:
    """One quotation: ``outer_*`` include the marks, ``start:end`` is the quoted words."""

    outer_start: int
    outer_end: int
    start: int
    end: int

    def contains(self, char: int) -> bool:
        return self.outer_start <= char < self.outer_end


def find_quotes(text: str) -> list[Quote]:
    """Top-level quotations in text order (a quote nested inside another is part of it)."""
    quotes: list[Quote] = []
    i = 0
    while i < len(text):
        quote = _quote_at(text, i)
        if quote is None:
            i += 1
            continue
        if quote.end > quote.start:
            quotes.append(quote)
        i = max(quote.outer_end, i + 1)
    return quotes


def _quote_at(text: str, i: int) -> Quote | None:
    ch = text[i]
    if ch == "“":
        return _close(text, i, _find_curly_close(text, i))
    if ch == '"':
        return _close(text, i, _find_char(text, i, '"'))
    if ch in "‘'" and _opens_single(text, i):
        close = _find_single_close(text, i)
        return _close(text, i, close) if close is not None else None
    return None


def _paragraph_end(text: str, i: int) -> int:
    match = _PARAGRAPH.search(text, i)
    return match.start() if match else len(text)


def _find_curly_close(text: str, i: int) -> int | None:
    limit = _paragraph_end(text, i)
    close = text.find("”", i + 1, limit)
    return close if close >= 0 else None


def _find_char(text: str, i: int, mark: str) -> int | None:
    limit = _paragraph_end(text, i)
    close = text.find(mark, i + 1, limit)
    return close if close >= 0 else None


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


def _close(text: str, open_at: int, close_at: int | None) -> Quote:
    """Build the quote; an unclosed one runs to the end of its paragraph."""
    if close_at is None:
        outer_end = _paragraph_end(text, open_at)
        inner_end = outer_end
    else:
        outer_end = close_at + 1
        inner_end = close_at
    start, end = _trim(text, open_at + 1, inner_end)
    return Quote(open_at, outer_end, start, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and a trailing comma or colon ("We will stay," he said)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def quote_at(quotes: list[Quote], char: int) -> Quote | None:
    """The quote whose marks enclose ``char``."""
    for quote in quotes:
        if quote.contains(char):
            return quote
    return None
