"""Plain text articles: title from a short first line, byline from a lone name, boilerplate trimmed.

A text file saved from a web page often ends with the page's furniture ("Leave a Reply",
"Share this:"): those trailing lines are cut. Everything else stays where it is, so the title and
byline remain part of ``Document.text`` and every offset into it is an offset into what was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.errors import InputError
from sitroom.ingest.base import new_document
from sitroom.ingest.clean import clean_text
from sitroom.records import Document

# Lines that web pages append after an article. Matched whole-line, case-insensitively, and only
# cut while they are the last lines: the same words inside the article are left alone.
_BOILERPLATE = re.compile(
    r"""^(?:
        leave\ a\ (?:reply|comment)|cancel\ reply|post\ comment|comments?|no\ comments(?:\ yet)?
      | \d+\ (?:comments?|responses?|replies)
      | (?:share|like)\ this(?:\ (?:post|article|story|page))?:?
      | share(?:\ (?:on|via)\ \w+)?|click\ to\ (?:share|print|email)\b.{0,80}|like\ loading.*|loading\.*
      | (?:related|similar)(?:\ (?:posts?|articles?|stories|content|reading))?:?
      | (?:you\ (?:may|might)\ )?also\ like:?|more\ from\ .{1,60}|read\ more.{0,60}|continue\ reading.{0,60}
      | post\ navigation|(?:previous|next)\ (?:post|article)\b.{0,120}
      | (?:tags?|filed\ under|categories|categorized|posted\ in)\b:?.{0,120}
      | (?:print|email|e-mail|tweet|twitter|facebook|linkedin|whatsapp|telegram|reddit|pinterest|x)
      | subscribe\b.{0,80}|sign\ up\b.{0,80}|advertisement|sponsored(?:\ content)?
      | your\ email\ address\ will\ not\ be\ published.*|required\ fields\ are\ marked.*
      | (?:©|\(c\)|copyright\b).{0,120}|all\ rights\ reserved\.?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# A title is a short line: longer first lines are the article's first paragraph.
_MAX_TITLE_CHARS = 200
_NAME_TOKEN = re.compile(r"^(?:[^\W\d_][.]){1,3}$|^[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?$")
_PARTICLES = frozenset("de del della der di da dos du la le van von bin ibn al el y".split())
_SUFFIXES = frozenset("jr. sr. jr sr ii iii iv".split())
# Capitalised words that open or make up headings and page furniture, never personal names.
_NOT_NAME_WORDS = frozenset(
    """a an and the of for in on at to by with from about thank thanks you your us our we i it this that
    leave reply share related post posts comments comment subscribe follow read more end news report
    analysis update updated opinion editorial editor newsletter contact copyright all rights reserved
    advertisement sponsored tags categories print email tweet like loading continue sign up staff photo
    image source sources references notes conclusion introduction summary background chapter part
    section table figure appendix home menu search login register privacy policy terms""".split()
)
_BY_PREFIX = re.compile(r"^(?:by|written\ by|words\ by|[-\u2013\u2014]+)\s+", re.IGNORECASE | re.VERBOSE)


@dataclass(frozen=True)
class TextParts:
    """What the layout of a plain text tells us besides the text."""

    text: str
    title: str | None
    author: str | None


def read_text(raw: str, origin: str) -> Document:
    """A plain text article as a Document (raises :class:`InputError` when nothing is left)."""
    parts = analyse_text(raw)
    if not parts.text:
        raise InputError(origin, "no text")
    return new_document(parts.text, origin, title=parts.title, author=parts.author)


def analyse_text(raw: str, title: str | None = None, author: str | None = None) -> TextParts:
    """Clean, cut trailing boilerplate, then find the title and byline (given ones win)."""
    text = strip_trailing_boilerplate(clean_text(raw))
    lines = text.split("\n")
    title = title or title_line(lines)
    author = author or byline(lines, has_title=title is not None and lines[0].strip() == title)
    return TextParts(text=text, title=title, author=author)


def strip_trailing_boilerplate(text: str) -> str:
    """Drop page furniture ("Leave a Reply", "Share this:") from the end of the text."""
    lines = text.split("\n")
    while lines and (not lines[-1].strip() or is_boilerplate(lines[-1])):
        lines.pop()
    return "\n".join(lines)


def is_boilerplate(line: str) -> bool:
    return bool(_BOILERPLATE.match(line.strip()))


def title_line(lines: list[str]) -> str | None:
    """The first line, when it is short, not a sentence, and a blank line follows it."""
    if len(lines) < 3 or lines[1].strip() or not any(line.strip() for line in lines[2:]):
        return None
    first = lines[0].strip()
    if not first or len(first) > _MAX_TITLE_CHARS or first[-1] in ".,;:":
        return None
    return first


def byline(lines: list[str], has_title: bool) -> str | None:
    """A lone name as the last paragraph, or as the first one after the title."""
    last = _last_paragraph_line(lines)
    if last is not None:
        name = person_name(lines[last])
        if name:
            return name
    first = _first_paragraph_line(lines, after_title=has_title)
    if first is not None and first != last:
        return person_name(lines[first])
    return None


def _last_paragraph_line(lines: list[str]) -> int | None:
    """Index of the last line when it stands alone, after a blank line."""
    index = len(lines) - 1
    if index >= 2 and lines[index].strip() and not lines[index - 1].strip():
        return index
    return None


def _first_paragraph_line(lines: list[str], after_title: bool) -> int | None:
    """Index of the first line (after the title) when it is a one-line paragraph with text after it."""
    start = _next_text_line(lines, 1) if after_title else _next_text_line(lines, 0)
    if start is None or start + 1 >= len(lines) or lines[start + 1].strip():
        return None
    return start if _next_text_line(lines, start + 1) is not None else None


def _next_text_line(lines: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].strip()), None)


def person_name(line: str) -> str | None:
    """``Jane Q. Doe`` or ``By Jane Doe and John Roe`` -> the name(s); anything else -> None."""
    line = line.strip()
    stripped = _BY_PREFIX.sub("", line)
    if is_boilerplate(stripped):
        return None
    names = re.split(r"\s+(?:and|&)\s+", stripped)
    if len(names) > 3 or not all(_is_personal_name(name) for name in names):
        return None
    return " and ".join(names) if len(names) > 1 else names[0]


def _is_personal_name(candidate: str) -> bool:
    """2-4 capitalised words (initials and particles allowed), no sentence punctuation."""
    words = candidate.split()
    core = [w for w in words if w.lower() not in _PARTICLES and w.lower() not in _SUFFIXES]
    if not 2 <= len(core) <= 4 or len(words) > 6:
        return False
    if words[0].lower() in _PARTICLES or candidate.isupper():
        return False
    for word in core:
        if not _NAME_TOKEN.match(word) or not word[0].isupper():
            return False
        if word.lower().rstrip(".") in _NOT_NAME_WORDS:
            return False
        # A final period is only an initial's ("Q."): "Doe." ends a sentence.
        if word.endswith(".") and len(word.rstrip(".")) > 2 and word.lower() not in _SUFFIXES:
            return False
    return not _is_country(candidate)


def _is_country(candidate: str) -> bool:
    """"United States" alone on a line is a place heading, not an author."""
    import pycountry

    try:
        pycountry.countries.lookup(candidate)
    except LookupError:
        return False
    return True
