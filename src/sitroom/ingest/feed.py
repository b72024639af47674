"""RSS and Atom feeds: one Document per entry, via feedparser (given bytes, so it fetches nothing).

An entry's text is its full content when the feed carries it, else its summary, with HTML turned
into paragraphs. ``source`` is the feed's title; ``origin`` is ``path#N`` for the N-th entry.
"""

from __future__ import annotations

import time
from typing import Any

from sitroom.errors import InputError
from sitroom.ingest.base import InputFailure, ItemIterator, new_document
from sitroom.ingest.clean import clean_line, clean_text
from sitroom.ingest.html import html_fragment_to_text
from sitroom.ingest.text import strip_trailing_boilerplate


def read_feed(data: bytes, origin: str) -> ItemIterator:
    """Yield a Document (or an InputFailure) per entry; raise InputError for a broken feed."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            raise InputError(origin, f"malformed feed: {_short(parsed.get('bozo_exception'))}")
        raise InputError(origin, "feed has no entries")
    source = _plain(parsed.get("feed", {}).get("title"))
    for number, entry in enumerate(entries, start=1):
        yield _entry_document(entry, f"{origin}#{number}", source)


def _entry_document(entry: Any, where: str, source: str | None) -> Any:
    text = entry_text(entry)
    if not text:
        return InputFailure(where, "feed entry has no text")
    return new_document(
        text,
        where,
        title=_plain(entry.get("title")),
        published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        url=entry.get("link") or None,
        source=source,
        author=_plain(entry.get("author")),
    )


def entry_text(entry: Any) -> str:
    """The longest of the entry's full content and summary, as plain paragraphs."""
    candidates = [part for part in entry.get("content") or [] if part.get("value")]
    summary = entry.get("summary_detail") or {}
    if summary.get("value"):
        candidates.append(summary)
    texts = [_as_text(part) for part in candidates]
    return max(texts, key=len, default="")


def _as_text(part: Any) -> str:
    value = str(part.get("value") or "")
    if part.get("type") == "text/plain":
        return strip_trailing_boilerplate(clean_text(value))
    return html_fragment_to_text(value)


def _plain(value: Any) -> str | None:
    """A title or name; feedparser leaves entities and the odd tag in them."""
    if not isinstance(value, str) or not value.strip():
        return None
    return clean_line(html_fragment_to_text(value)) or None


def _iso(moment: time.struct_time | None) -> str | None:
    if not moment:
        return None
    return time.strftime("%Y-%m-%d", moment)


def _short(error: Any) -> str:
    """A feedparser/SAX error in a few lowercase words."""
    message = str(error or "not a feed").strip().split("\n")[0]
    return message[:120].lower() or "not a feed"
