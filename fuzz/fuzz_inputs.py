"""Hypothesis strategies for every input sitroom reads, and the properties every result must keep.

Shared by ``tests/test_fuzz_*.py`` (a few dozen examples each, in CI) and ``fuzz/run.py`` (the long
run before a release). The strategies mix article-like prose (invented names, dates, numbers,
quotes) with the inputs that break parsers: combining marks, right-to-left and zero-width
characters, control characters, lone surrogates behind JSON ``\\ud800`` escapes, unclosed and
deeply nested tags, truncated feeds, WARC archives cut or corrupted mid-record, JSON Lines junk.

Properties (:func:`check_items`, :func:`check_record`):
- readers never raise: every problem is an :class:`~sitroom.ingest.InputFailure`;
- a Document's text is non-empty, clean (no NUL/C0 controls, no ``\\r``) and encodes to UTF-8;
- extraction raises only :class:`~sitroom.errors.SitroomError`; every record passes
  :func:`sitroom.validate.problems` (schema, exact offsets, valid references) and its JSON encodes
  to UTF-8.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape

from hypothesis import strategies as st

from sitroom.ingest import InputFailure
from sitroom.records import Document, DocumentRecord
from sitroom.validate import problems

# Characters that have broken text pipelines before: combining marks, bidi controls, zero-width
# joiners, BOM, line/paragraph separators, C0/C1 controls, noncharacters used as sentinels by
# ingest/html.py, private use (parked escapes in ingest/markdown.py), astral emoji, case-folding
# oddities whose length changes when lowered or uppercased (İ, ß, ﬁ).
EDGE_CHARS = [
    "\u0301", "\u0308", "\u0345", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d",
    "\u200f", "\u061c", "\u05d0\u05d1", "\u0627\u0644", "\u2028", "\u2029", "\x85", "\x00", "\x1b", "\r",
    "\r\n", "\t", "\x0c", "\ufffd", "\U0001f600", "\U0001f1f2\U0001f1f1", "\ufdd0", "\ufdd1", "\ue000",
    "\ufb01", "\u0130", "\u00df", "\u00a0", "\u3000", "e\u0301", "\u1e9e", "\u2126",
]
# Article-like tokens: invented actors and places, triggers, dates, numbers, attribution cues.
WORDS = [
    "the Volkov Group", "Republic of Karesia", "General Anton Brask", "Karesian", "Vell", "Dumeni",
    "Minister Lia Orsk", "the United Nations", "ECOWAS", "Russia", "Mali", "France", "Bamako", "rebels",
    "troops", "mercenaries", "said", "denied", "attacked", "killed", "signed", "deployed", "arrested",
    "agreed", "warned", "protested", "on Sunday", "last week", "on 3 March 2021", "in September 2021",
    "2021", "1,000", "about 300", "$10.8 million", "at least 12", "according to Reuters", "told AFP",
    "has denied", "allegedly", "would", "did not", "\u201c", "\u201d", '"', "'", "(", ")", "\u2014", "-",
    ",", ".", ";", ":", "?", "!", "The", "A", "he", "she", "it", "they", "its", "Mr.", "U.S.", "No.",
]
SEPARATORS = [" ", " ", " ", "", "\n", "\n\n", ". ", ", ", "  ", "\n\n\n"]


def _token() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(WORDS),
        st.sampled_from(EDGE_CHARS),
        st.text(max_size=8),
    )


def prose(max_tokens: int = 60) -> st.SearchStrategy[str]:
    """Article-like text: tokens and edge-case characters joined by spaces, newlines, punctuation."""
    pair = st.tuples(_token(), st.sampled_from(SEPARATORS))
    return st.lists(pair, max_size=max_tokens).map(lambda pairs: "".join(t + s for t, s in pairs))


def lone_surrogates() -> st.SearchStrategy[str]:
    return st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)


# --- plain text and Markdown -----------------------------------------------------------------------


@st.composite
def text_bytes(draw: st.DrawFn) -> bytes:
    """A text file: UTF-8 prose, sometimes with a BOM, as UTF-16, in Latin-1, or binary junk."""
    body = draw(prose())
    how = draw(st.sampled_from(["utf8", "utf8", "utf8", "bom", "utf16", "latin1", "binary"]))
    if how == "binary":
        return draw(st.binary(max_size=300))
    if how == "bom":
        return b"\xef\xbb\xbf" + body.encode("utf-8")
    if how == "utf16":
        return body.encode("utf-16")
    if how == "latin1":
        return body.encode("latin-1", "replace")
    return body.encode("utf-8")


_MD_PREFIXES = ["", "", "", "# ", "## ", "> ", ">> ", "- ", "* ", "1. ", "    ", "```", "~~~", "---", "===",
                "| ", "[^1]: ", "[ref]: http://x ", "- [x] ", "<!-- ", "-->"]
_MD_WRAPS = [("", ""), ("**", "**"), ("*", "*"), ("_", "_"), ("`", "`"), ("[", "](http://x.example)"),
             ("![", "](img.png)"), ("~~", "~~"), ("<span>", "</span>"), ("[", "]["), ("\\", ""), ("<", ">")]


@st.composite
def markdown_text(draw: st.DrawFn) -> str:
    """Markdown: headings, quotes, lists, fences (some unclosed), links, emphasis, YAML front matter."""
    lines = []
    if draw(st.booleans()):
        meta = draw(st.sampled_from([
            "title: {t}\ndate: 2021-09-22\nauthor: [Anton Brask, {t}]",
            "title: [unclosed\ndate: {t}", "- {t}\n- list", "author: {{a: 1}}\nurl: {t}", "{t}: : :",
        ]))
        lines += ["---", meta.format(t=draw(st.text(max_size=12)).replace("\n", " ")), "---"]
    for _ in range(draw(st.integers(0, 12))):
        start, end = draw(st.sampled_from(_MD_WRAPS))
        lines.append(draw(st.sampled_from(_MD_PREFIXES)) + start + draw(prose(12)) + end)
    return "\n".join(lines)


# --- HTML ----------------------------------------------------------------------------------------

_TAGS = ["p", "div", "span", "b", "i", "a", "article", "main", "section", "h1", "h2", "li", "ul", "td",
         "table", "tr", "br", "script", "style", "nav", "footer", "header", "time", "blockquote", "svg",
         "template", "noscript", "iframe", "form", "title", "meta", "xmp", "plaintext"]
_ATTRS = ['', ' class="x"', ' href="http://a.example/b"', ' datetime="2021-09-22"', ' style="display:none"',
          ' onload="x()"', ' lang="ar" dir="rtl"', ' content="2021-13-45"', ' property="og:url"', ' a=<b>',
          ' "', " '"]
_ENTITIES = ["&amp;", "&lt;", "&#xD800;", "&#0;", "&#1114112;", "&nbsp;", "&unknown;", "&#x202E;", "&", "&#"]


def _html_node() -> st.SearchStrategy[str]:
    leaf = st.one_of(
        prose(10).map(lambda t: t.replace("<", "")),
        st.sampled_from(_ENTITIES),
        st.sampled_from(["<!-- c -->", "<!--", "<![CDATA[ x ]]>", "<?pi x?>", "</p>", "</div>", "<", ">"]),
    )

    def element(children: st.SearchStrategy[list[str]]) -> st.SearchStrategy[str]:
        return st.tuples(st.sampled_from(_TAGS), st.sampled_from(_ATTRS), children, st.booleans()).map(
            lambda parts: f"<{parts[0]}{parts[1]}>{''.join(parts[2])}" + (f"</{parts[0]}>" if parts[3] else "")
        )

    return st.recursive(leaf, lambda inner: element(st.lists(inner, max_size=4)), max_leaves=25)


@st.composite
def html_bytes(draw: st.DrawFn) -> bytes:
    """A page: optional doctype, head with meta/charset, nested (often unclosed) body, maybe truncated."""
    head = draw(st.sampled_from([
        "", "<!DOCTYPE html>", '<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE html><html><head>"
        '<meta charset="windows-1252"><title>T</title></head>', '<html><head><meta charset="nope">',
        '<html><head><link rel="canonical" href="http://karesia.example/a"><meta property="og:url" content="x">',
    ]))
    body = "".join(draw(st.lists(_html_node(), max_size=6)))
    page = f"{head}<body>{body}</body></html>" if draw(st.booleans()) else head + body
    data = page.encode(draw(st.sampled_from(["utf-8", "utf-8", "cp1252", "utf-16"])), "replace")
    return _maybe_truncate(draw, data)


def _maybe_truncate(draw: st.DrawFn, data: bytes) -> bytes:
    if data and draw(st.integers(0, 3)) == 0:
        return data[: draw(st.integers(0, len(data)))]
    return data


# --- feeds ---------------------------------------------------------------------------------------

_DATES = ["Wed, 22 Sep 2021 10:00:00 GMT", "2021-09-22T10:00:00Z", "2021-02-30", "yesterday", "", "99999",
          "Thu, 31 Feb 2021 25:61:00 +9999"]


@st.composite
def feed_entry(draw: st.DrawFn, atom: bool) -> str:
    title = escape(draw(prose(8)))
    body = draw(prose(30))
    encoded = draw(st.sampled_from(["escaped", "cdata", "raw"]))
    if encoded == "escaped":
        body = escape(f"<p>{body}</p>")
    elif encoded == "cdata":
        body = f"<![CDATA[<p>{body.replace(']]>', '')}</p>]]>"
    date = escape(draw(st.sampled_from(_DATES)))
    if atom:
        return (f"<entry><title>{title}</title><updated>{date}</updated>"
                f'<content type="html">{body}</content><link href="http://k.example/{draw(st.integers())}"/></entry>')
    return f"<item><title>{title}</title><pubDate>{date}</pubDate><description>{body}</description></item>"


@st.composite
def feed_bytes(draw: st.DrawFn) -> bytes:
    """RSS 2.0 or Atom with a few entries (escaped, CDATA or raw markup), often truncated."""
    atom = draw(st.booleans())
    entries = "".join(draw(st.lists(feed_entry(atom), max_size=5)))
    if atom:
        doc = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Karesia Wire</title>{entries}</feed>'
    else:
        doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Karesia Wire</title>{entries}</channel></rss>'
    return _maybe_truncate(draw, doc.encode("utf-8", "surrogatepass"))


# --- JSON Lines ----------------------------------------------------------------------------------

_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@st.composite
def jsonl_record(draw: st.DrawFn) -> str:
    """One line: a record (fields of right or wrong types, lone surrogates), or junk."""
    kind = draw(st.sampled_from(["record", "record", "record", "surrogate", "junk", "value", "truncated"]))
    if kind == "junk":
        return draw(st.text(max_size=40)).replace("\n", " ")
    if kind == "value":
        return json.dumps(draw(_JSON_VALUES))
    record: dict[str, Any] = {}
    for name in ("id", "text", "title", "published", "url", "source", "author", "language"):
        if draw(st.booleans()):
            record[name] = draw(st.one_of(prose(20), _JSON_VALUES) if name == "text" else
                                st.one_of(st.text(max_size=15), _JSON_VALUES, st.sampled_from(_DATES)))
    if draw(st.booleans()):
        record["text"] = draw(prose(30))
    if kind == "surrogate":
        # json.dumps writes a lone surrogate as a \udXXX escape: the line itself is valid JSON.
        for name in draw(st.lists(st.sampled_from(["text", "title", "id", "author"]), min_size=1)):
            record[name] = str(record.get(name, "")) + draw(lone_surrogates()) + draw(prose(5))
    line = json.dumps(record, ensure_ascii=draw(st.booleans()) or kind == "surrogate")
    if kind == "truncated":
        line = line[: draw(st.integers(0, len(line)))]
    return line


@st.composite
def jsonl_bytes(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(jsonl_record(), max_size=6))
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 5)) == 0:
        data += draw(st.binary(max_size=20))
    return data


@st.composite
def json_bytes(draw: st.DrawFn) -> bytes:
    """A ``.json`` file: an array of records, one record, or another value."""
    lines = draw(st.lists(jsonl_record(), max_size=4))
    data = ("[" + ",".join(lines) + "]") if draw(st.booleans()) else (lines[0] if lines else "{}")
    return _maybe_truncate(draw, data.encode("utf-8", "surrogatepass"))


# --- WARC ----------------------------------------------------------------------------------------


@st.composite
def warc_bytes(draw: st.DrawFn) -> bytes:
    """A WARC (gzipped or not) of responses, requests and metadata, then perhaps cut or corrupted."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=draw(st.booleans()))
    for number in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["response", "response", "request", "metadata"]))
        payload = {"response": draw(html_bytes()), "request": b"GET /a HTTP/1.1\r\nHost: karesia.example\r\n\r\n",
                   "metadata": draw(st.binary(max_size=50))}[kind]
        content_type = draw(st.sampled_from(["text/html; charset=utf-8", "text/html", "application/pdf",
                                             "text/html; charset=bogus", "application/xhtml+xml", ""]))
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"http://karesia.example/{number}", kind, payload=io.BytesIO(payload),
            http_headers=headers if kind == "response" else None,
            # A fixed record id: warcio's random one would make the strategy non-deterministic.
            warc_headers_dict={"WARC-Date": draw(st.sampled_from(["2021-09-22T10:00:00Z", "garbage"])),
                               "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>"},
        )
        writer.write_record(record)
    data = buffer.getvalue()
    damage = draw(st.sampled_from(["none", "none", "truncate", "flip", "prefix"]))
    if damage == "truncate" and data:
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]
    elif damage == "prefix":
        data = draw(st.binary(max_size=30)) + data
    return data


# --- one input of any format ---------------------------------------------------------------------

FORMATS: dict[str, tuple[st.SearchStrategy[bytes], list[str]]] = {
    "text": (text_bytes(), ["a.txt", ""]),
    "markdown": (markdown_text().map(lambda t: t.encode("utf-8")), ["a.md", ""]),
    "html": (html_bytes(), ["a.html", ""]),
    "feed": (feed_bytes(), ["a.xml", "a.rss", ""]),
    "jsonl": (jsonl_bytes(), ["a.jsonl", ""]),
    "json": (json_bytes(), ["a.json"]),
    "warc": (warc_bytes(), ["a.warc", ""]),
}


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data)


# --- properties ----------------------------------------------------------------------------------

_UNCLEAN = re.compile(r"[\x00-\x08\x0e-\x1f\r]")


def check_items(items: Iterable[Any]) -> list[Document]:
    """Assert that every reader result keeps its promises; return the Documents."""
    documents = []
    for item in items:
        if isinstance(item, InputFailure):
            assert item.where and item.reason, item
            str(item).encode("utf-8")
            continue
        assert isinstance(item, Document), f"reader yielded {type(item).__name__}"
        check_document(item)
        documents.append(item)
    return documents


def check_document(doc: Document) -> None:
    assert doc.text and doc.text.strip(), "empty document text"
    assert doc.id and doc.content_hash
    assert not _UNCLEAN.search(doc.text), f"control character left in {doc.text!r}"
    json.dumps(doc.to_json(), ensure_ascii=False).encode("utf-8")
    if doc.published is not None:
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", doc.published), doc.published


def check_record(record: DocumentRecord) -> None:
    """The record is valid against the schema, its offsets slice the text, and it encodes to UTF-8."""
    data = record.to_json()
    found = problems(data)
    assert found == [], found[:5]
    text = record.document.text
    for sentence in record.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(text)
    json.dumps(data, ensure_ascii=False).encode("utf-8")


# --- a synthetic corpus for the ingest-under-stress tests ---------------------------------------

_ACTORS = ["the Volkov Group", "the Karesian army", "General Anton Brask", "Minister Lia Orsk", "ECOWAS",
           "the United Nations", "rebels of the Dumeni Front", "the government of Karesia"]
_PLACES = ["Vell", "Dumeni", "Kesh", "Bamako", "Niamey", "Gao"]
_ACTS = ["attacked a convoy near", "signed an agreement in", "deployed 300 troops to", "denied any presence in",
         "called for talks in", "arrested 12 protesters in"]


def synthetic_articles(count: int) -> list[dict[str, str]]:
    """``count`` short, distinct JSON Lines records (``id``, ``text``, ``published``) about invented actors."""
    records = []
    for n in range(count):
        actor, other = _ACTORS[n % len(_ACTORS)], _ACTORS[(n * 3 + 1) % len(_ACTORS)]
        place, act = _PLACES[n % len(_PLACES)], _ACTS[(n // 2) % len(_ACTS)]
        text = (f"Report {n}: {actor[0].upper() + actor[1:]} {act} {place} on {1 + n % 28} March 2021, "
                f"officials said. {other[0].upper() + other[1:]} said on Sunday that it \"will respond\" "
                f"to what happened in {place}, according to Reuters.")
        records.append({"id": f"art-{n:04d}", "text": text, "published": "2021-03-30"})
    return records


def write_jsonl(path: Any, records: Iterable[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
