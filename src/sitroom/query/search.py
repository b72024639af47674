"""Full-text search results for people: snippets with visible or HTML highlights."""

from __future__ import annotations

import html
from typing import Any

from sitroom.store.base import MARK_END, MARK_START, SearchHit, Store


def render_snippet(snippet: str, start: str = "[", end: str = "]") -> str:
    """The snippet with matched words between ``start`` and ``end`` (brackets by default, for a terminal)."""
    return snippet.replace(MARK_START, start).replace(MARK_END, end)


def html_snippet(snippet: str) -> str:
    """The snippet as safe HTML, matched words in ``<mark>``: escaped first, so text can never inject tags."""
    return render_snippet(html.escape(snippet), "<mark>", "</mark>")


def hit_dict(hit: SearchHit, markup: str = "text") -> dict[str, Any]:
    """A hit as a dict; ``markup`` is ``text`` (brackets), ``html`` (``<mark>``) or ``raw`` (the store's marks)."""
    renderers = {"text": render_snippet, "html": html_snippet, "raw": lambda s: s}
    if markup not in renderers:
        raise ValueError(f"markup must be one of {', '.join(renderers)}, not {markup!r}")
    return {
        "doc_id": hit.doc_id, "title": hit.title, "published": hit.published, "sentence": hit.sentence,
        "start": hit.start, "end": hit.end, "snippet": renderers[markup](hit.snippet), "rank": hit.rank,
    }


def search(store: Store, text: str, limit: int = 20, offset: int = 0, markup: str = "text") -> list[dict[str, Any]]:
    """Search ``store`` and shape the hits for display."""
    return [hit_dict(h, markup) for h in store.search(text, limit=limit, offset=offset)]
