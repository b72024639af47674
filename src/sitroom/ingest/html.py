"""HTML pages: the article's main text via trafilatura, with title, author, date, site and URL.

trafilatura drops navigation, comment forms, share widgets and footers. It is given a string, so
it never fetches anything. Dates come only from the page's own metadata (meta tags, ``<time>``,
JSON-LD, the URL): trafilatura's extensive search guesses "2019-01-01" from a footer's "Copyright
2019", a precision we do not have. When trafilatura finds no main text (very small pages) the text
of ``<body>`` without scripts, styles, navigation and footers is used instead.

Paragraphs are separated by a blank line, as in the plain-text articles, so both read the same.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

from sitroom.errors import InputError
from sitroom.ingest.base import new_document
from sitroom.ingest.clean import clean_line, clean_text, iso_date
from sitroom.ingest.text import strip_trailing_boilerplate
from sitroom.records import Document

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# Below this many characters trafilatura has fallen back to its baseline, which keeps navigation
# ("Home") on tiny pages; our own body text drops nav, header, footer and forms by tag.
_SMALL_PAGE_CHARS = 200
_DROPPED_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form",
                 "iframe", "svg", "button", "select", "textarea")
_BLOCK_TAGS = frozenset(
    """p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr
    figure figcaption address hr body html""".split()
)
_CELL_TAGS = frozenset(("td", "th"))
# Sentinels for paragraph and line breaks while the tree is flattened: Unicode noncharacters,
# which no page uses as text (icon fonts use the Private Use Area, so that is not safe).
_PARA = "\ufdd0"
_LINE = "\ufdd1"
# libxml2 (under lxml and trafilatura) stops building the tree 256 elements deep and drops what is
# below; its "huge" mode only moves the limit to 2048. Kept: it bounds our recursive flattening too.
MAX_HTML_DEPTH = 256
# Characters XML cannot hold. libxml2 keeps them in text, but lxml refuses to write them back, so
# drop_tree() on "<nav></nav>\x1f" raised ValueError (found by fuzz/run.py). Cleaning drops them anyway.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def read_html(markup: str, origin: str, url: str | None = None, fallback_date: str | None = None) -> Document:
    """One HTML page as a Document; raises :class:`InputError` when the page has no text."""
    extracted = _trafilatura_extract(markup, url)
    text = _paragraphs(extracted.get("text") or "")
    if len(text) < _SMALL_PAGE_CHARS:
        text = body_text(markup)
    if not text:
        if nested_too_deeply(markup):
            raise InputError(origin, f"html is nested more than {MAX_HTML_DEPTH} elements deep (the parser's "
                                     "limit) and has no text above that depth")
        raise InputError(origin, "no text found in html")
    return new_document(
        text,
        origin,
        title=_clean_optional(extracted.get("title")),
        author=_clean_optional(extracted.get("author")),
        published=iso_date(extracted.get("date")) or fallback_date,
        source=_clean_optional(extracted.get("sitename")),
        url=url or _absolute_url(extracted.get("url")) or page_url(markup),
    )


def _trafilatura_extract(markup: str, url: str | None) -> dict[str, Any]:
    """trafilatura's text and metadata as a dict (empty when it finds nothing or fails)."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            markup,
            url=url,
            include_comments=False,
            with_metadata=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # noqa: BLE001 - a parser crash on hostile markup means "no main text", not a bug of ours
        return {}
    if result is None:
        return {}
    return result if isinstance(result, dict) else result.as_dict()


def _paragraphs(text: str) -> str:
    """trafilatura puts one block per line; a blank line between blocks matches plain text."""
    blocks = [line.strip() for line in clean_text(text).split("\n")]
    return strip_trailing_boilerplate("\n\n".join(block for block in blocks if block))


def _clean_optional(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return clean_line(value) or None


def _absolute_url(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    parsed = urlparse(value)
    return value if parsed.scheme in ("http", "https") and parsed.netloc else None


def page_url(markup: str) -> str | None:
    """``<link rel=canonical>`` or ``og:url``, when absolute."""
    root = _parse(markup)
    if root is None:
        return None
    for href in root.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content'):
        url = _absolute_url(str(href))
        if url:
            return url
    return None


def body_text(markup: str) -> str:
    """Text of ``<body>`` without scripts, styles, navigation, headers, footers and forms."""
    root = _parse(markup)
    if root is None:
        return ""
    bodies = root.xpath("//body")
    return element_text(bodies[0] if bodies else root, drop=_DROPPED_TAGS)


def html_fragment_to_text(fragment: str) -> str:
    """A snippet of HTML (a feed entry's content) as plain paragraphs."""
    if "<" not in fragment:
        return strip_trailing_boilerplate(clean_text(_unescape(fragment)))
    root = _parse(f"<div>{fragment}</div>")
    if root is None:
        return ""
    return element_text(root, drop=("script", "style", "noscript", "template", "iframe", "form"))


def nested_too_deeply(markup: str) -> bool:
    """True when libxml2 gave up on the page's depth (text below :data:`MAX_HTML_DEPTH` is lost)."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser()
    try:
        lxml.html.fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", markup), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return False
    return any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)


def _unescape(value: str) -> str:
    import html

    return html.unescape(value)


def _parse(markup: str) -> Any:
    """An lxml tree, or ``None`` when lxml cannot make one (empty or hostile markup)."""
    import lxml.etree
    import lxml.html

    # lxml refuses str input that carries an XML encoding declaration.
    markup = _NOT_XML.sub("", re.sub(r"^\s*<\?xml[^>]*>", "", markup))
    if not markup.strip():
        return None
    try:
        return lxml.html.fromstring(markup)
    except (lxml.etree.ParserError, ValueError):
        return None


def element_text(element: Any, drop: tuple[str, ...]) -> str:
    """Flatten an element: blocks become paragraphs, ``<br>`` a line break, inline text joins."""
    for bad in element.xpath(" | ".join(f".//{tag}" for tag in drop)):
        bad.drop_tree()
    pieces: list[str] = []
    _flatten(element, pieces)
    return _join_pieces("".join(pieces))


def _flatten(element: Any, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _BLOCK_TAGS:
        pieces.append(_PARA)
    elif tag == "br":
        pieces.append(_LINE)
    elif tag in _CELL_TAGS:
        pieces.append(" ")
    if element.text and tag:
        pieces.append(element.text)
    for child in element:
        _flatten(child, pieces)
        if child.tail:
            pieces.append(child.tail)
    if tag in _BLOCK_TAGS:
        pieces.append(_PARA)


def _join_pieces(flat: str) -> str:
    """Collapse source whitespace, then turn the sentinels into blank lines and newlines."""
    paragraphs = []
    for block in clean_text(flat).split(_PARA):
        lines = [" ".join(part.split()) for part in block.split(_LINE)]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return strip_trailing_boilerplate("\n\n".join(paragraphs))
