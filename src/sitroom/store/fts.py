"""Turning what a user typed into a safe FTS5 query.

Nothing the user types is FTS5 syntax: every word becomes a quoted string (so ``AND``, ``NEAR``,
``-``, ``:``, ``^`` and stray quotes are plain text), the words must all occur (implicit AND), text
between a balanced pair of double quotes is searched as a phrase, and a trailing ``*`` on a word of
two or more letters is kept as a prefix search (``Wag*``).
"""

from __future__ import annotations

import re

_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w", re.UNICODE)


def _quote(chunk: str) -> str:
    return '"' + chunk.replace('"', '""') + '"'


def _term(chunk: str) -> str | None:
    """One quoted FTS5 string for a whitespace-separated chunk, or None when it has no word."""
    prefix = chunk.endswith("*")
    core = chunk.rstrip("*").replace('"', " ").strip()
    if not _WORD.search(core):
        return None
    if prefix and len(core) >= 2:
        return _quote(core) + "*"
    return _quote(core)


def fts_query(text: str) -> str | None:
    """The FTS5 MATCH expression for ``text``, or ``None`` when it holds nothing searchable."""
    terms: list[str] = []
    if text.count('"') % 2 == 0:
        for phrase in _PHRASE.findall(text):
            term = _term(phrase)
            if term:
                terms.append(term)
        text = _PHRASE.sub(" ", text)
    for chunk in text.split():
        term = _term(chunk)
        if term:
            terms.append(term)
    return " ".join(terms) if terms else None
