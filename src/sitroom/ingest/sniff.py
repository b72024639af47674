"""Which reader a file needs: by its extension, else by what its content looks like."""

from __future__ import annotations

import re
from pathlib import PurePath

TEXT = "text"
MARKDOWN = "markdown"
HTML = "html"
FEED = "feed"
JSONL = "jsonl"
JSON = "json"
WARC = "warc"

_BY_SUFFIX = {
    ".txt": TEXT, ".text": TEXT,
    ".md": MARKDOWN, ".markdown": MARKDOWN, ".mdown": MARKDOWN, ".mkd": MARKDOWN,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".shtml": HTML,
    ".xml": FEED, ".rss": FEED, ".atom": FEED, ".rdf": FEED,
    ".jsonl": JSONL, ".ndjson": JSONL,
    ".json": JSON,
    ".warc": WARC,
}
# Enough of the start of a document to see its root element past a prolog, comments and doctype.
_HEAD_CHARS = 4096
_XML_PREAMBLE = r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*)*"
_FEED_ROOT = re.compile(_XML_PREAMBLE + r"<(?:rss|feed|rdf:RDF)\b", re.DOTALL | re.IGNORECASE)
_HTML_ROOT = re.compile(_XML_PREAMBLE + r"<(?:html|head|body)\b", re.DOTALL | re.IGNORECASE)
_HTML_TAG = re.compile(r"<(?:body|head|title|p|div|article|section|main|h1|h2)\b[^>]*>", re.IGNORECASE)


def format_for_name(name: str) -> str | None:
    """The format an extension names (``.warc.gz`` counts as WARC); ``None`` when unknown."""
    lowered = name.lower()
    if lowered.endswith((".warc.gz", ".warc")):
        return WARC
    return _BY_SUFFIX.get(PurePath(lowered).suffix)


def suffix_of(name: str) -> str:
    return PurePath(name).suffix.lower()


def looks_like_feed(text: str) -> bool:
    return bool(_FEED_ROOT.match(text[:_HEAD_CHARS]))


def looks_like_html(text: str) -> bool:
    head = text[:_HEAD_CHARS]
    if _HTML_ROOT.match(head):
        return True
    return head.lstrip().startswith("<") and bool(_HTML_TAG.search(head))


def sniff_text(text: str) -> str:
    """JSON Lines if every non-empty line is an object, then feed, then HTML, else plain text."""
    from sitroom.ingest.jsonl import is_jsonl

    if text.lstrip().startswith("{") and is_jsonl(text):
        return JSONL
    if looks_like_feed(text):
        return FEED
    if looks_like_html(text):
        return HTML
    return TEXT
