"""Markdown articles: markup stripped to the prose a reader sees, front matter read as metadata.

Deliberately small (no Markdown library): headings, emphasis, links, images, code, quotes, lists,
tables, rules and reference definitions are the markup news and blog exports use. Fenced code
blocks and images are dropped: they are not prose (an image's alt text would run into the
sentence beside it). Line structure is kept, so a heading on the first line
followed by a blank line becomes the title, as in plain text.
"""

from __future__ import annotations

import re
from typing import Any

from sitroom.errors import InputError
from sitroom.ingest.base import new_document
from sitroom.ingest.clean import clean_line, clean_text, iso_date
from sitroom.ingest.text import analyse_text
from sitroom.records import Document

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+(?:\[[ xX]\][ \t]+)?")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^[^\]]+\]:[ \t]*")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_INLINE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS_STAR = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*")
# Underscores inside words (snake_case) are not emphasis.
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
# Escaped characters are parked in the Private Use Area while markup is removed, then restored.
_PARK = 0xE000


def read_markdown(raw: str, origin: str) -> Document:
    """A Markdown article as a Document: plain prose, title, author and date when given."""
    meta, body = split_front_matter(clean_text(raw))
    text, heading = markdown_to_text(body)
    parts = analyse_text(text, title=_meta_str(meta, "title") or heading, author=_meta_author(meta))
    if not parts.text:
        raise InputError(origin, "no text")
    return new_document(
        parts.text,
        origin,
        title=parts.title,
        author=parts.author,
        published=iso_date(_meta_str(meta, "date") or _meta_str(meta, "published")),
        url=_meta_str(meta, "url"),
        source=_meta_str(meta, "source") or _meta_str(meta, "site"),
    )


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter (``---`` ... ``---`` at the very top) and the body after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml

    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(meta, dict):
        return {}, text
    return meta, text[match.end() :]


def _meta_str(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if value is None or isinstance(value, (dict, list)):
        return None
    return clean_line(str(value)) or None


def _meta_author(meta: dict[str, Any]) -> str | None:
    value = meta.get("author") or meta.get("authors")
    if isinstance(value, list):
        return " and ".join(clean_line(str(v)) for v in value if v) or None
    return _meta_str(meta, "author")


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Plain prose of a Markdown body, and the text of its opening heading if it starts with one."""
    lines = _HTML_COMMENT.sub("", markdown).split("\n")
    out: list[str] = []
    heading: str | None = None
    fence: str | None = None
    for index, line in enumerate(lines):
        if fence is not None:
            fence = None if line.strip().startswith(fence) else fence
            continue
        opened = _FENCE.match(line)
        if opened:
            fence = opened.group(1)
            continue
        converted, is_heading = _convert_line(line, lines, index)
        if converted is None:
            continue
        if is_heading and heading is None and not any(o.strip() for o in out):
            heading = converted.strip()
        out.append(converted)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")
    return text, heading


def _convert_line(line: str, lines: list[str], index: int) -> tuple[str | None, bool]:
    """One line of Markdown -> (plain line or None to drop it, whether it is a heading)."""
    if _SETEXT.match(line) and _is_setext_underline(lines, index):
        return None, False
    if _RULE.match(line) or _REF_DEF.match(line) or (_TABLE_RULE.match(line) and "|" in line):
        return "", False
    atx = _ATX.match(line)
    if atx:
        return inline_to_text(atx.group(1) or ""), True
    is_setext_title = index + 1 < len(lines) and _SETEXT.match(lines[index + 1]) is not None and bool(line.strip())
    while _QUOTE.match(line):
        line = _QUOTE.sub("", line, count=1)
    line = _FOOTNOTE_DEF.sub("", line)
    line = _BULLET.sub(r"\1", line)
    if line.lstrip().startswith("|") and line.rstrip().endswith("|"):
        line = line.strip().strip("|").strip()
    plain = inline_to_text(line)
    # Removed markup (an image) must not leave the line indented.
    return (plain if line[:1].isspace() else plain.lstrip()), is_setext_title


def _is_setext_underline(lines: list[str], index: int) -> bool:
    """``===`` or ``---`` under a text line makes that line a heading."""
    if index == 0 or not lines[index - 1].strip():
        return False
    previous = lines[index - 1]
    return not (_RULE.match(previous) or _ATX.match(previous) or _FENCE.match(previous))


def inline_to_text(line: str) -> str:
    """Remove inline markup: code, images, links, HTML tags, emphasis, escapes."""
    line = _ESCAPE.sub(lambda m: chr(_PARK + ord(m.group(1))), line)
    line = _CODE_SPAN.sub(lambda m: m.group(2).strip(), line)
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _FOOTNOTE_REF.sub("", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _INLINE_TAG.sub("", line)
    for pattern in (_STRONG, _STRONG, _EMPHASIS_STAR, _EMPHASIS_UNDERSCORE, _STRIKE):
        line = pattern.sub(lambda m: m.group(m.lastindex or 1), line)
    return re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group(0)) - _PARK), line)
