"""What the words around a place name say about it: a qualifier, a direction, a river.

- a **qualifier** is a larger place written beside the name: ``Paris, Texas`` and
  ``Bandiagara, Mopti`` (comma: a hint), ``Seme (Toeni, Sourou)`` and ``Gao in northern Mali``
  (brackets and ``in``: a constraint the answer must satisfy);
- a **direction** before the name makes it a part of it: ``northern Mali``, ``south-east Niger``;
- ``River``/``Lake`` beside the name makes it a water body (``the Niger river``), which the
  gazetteer does not hold: such a mention is not geocoded rather than put on the country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"[A-Z][\w'\u2019.-]*(?:\s+(?:of\s+|de\s+|du\s+)?[A-Z][\w'\u2019.-]*)*"
_DIRECTION_WORD = (r"(?:north|south|east|west|central|north[- ]?east|north[- ]?west|south[- ]?east|"
                   r"south[- ]?west)(?:ern)?")
DIRECTION_BEFORE = re.compile(rf"\b(?P<dir>{_DIRECTION_WORD})\s+(?:part\s+of\s+)?$", re.IGNORECASE)
"""A direction ending right before the name: ``in northern `` + ``Mali``."""
COMMA_QUALIFIER = re.compile(rf"^\s*,\s*(?P<q>{_NAME})")
BRACKET_QUALIFIER = re.compile(rf"^\s*\(\s*(?P<q>{_NAME})(?:\s*,\s*(?P<q2>{_NAME}))?\s*\)")
IN_QUALIFIER = re.compile(
    rf"^\s+in\s+(?:the\s+)?(?:(?P<dir>{_DIRECTION_WORD})\s+)?(?P<q>{_NAME})")
WATER_AFTER = re.compile(r"^\s+(?:river|lake|delta|basin|valley)\b", re.IGNORECASE)
WATER_BEFORE = re.compile(r"\b(?:river|lake)\s+$", re.IGNORECASE)
STATE_WORDS = ("Republic of ", "Kingdom of ", "Federation of ", "Emirate of ", "Sultanate of ")


@dataclass(frozen=True)
class Qualifier:
    """A larger place named beside a place name."""

    names: tuple[str, ...]
    """Candidate names, most specific last (``Toeni``, ``Sourou``)."""
    strict: bool
    """True for brackets and ``in``: the answer must lie inside; a comma is only a hint."""
    start: int
    """Character offset (in the document) where the first qualifier name starts."""


def direction_before(text: str, start: int) -> str | None:
    """The direction word written right before ``start`` (``northern``), normalised, or None."""
    found = DIRECTION_BEFORE.search(text[max(0, start - 30) : start])
    return normalise_direction(found.group("dir")) if found else None


def normalise_direction(word: str) -> str:
    """``North-Eastern`` -> ``northeast``; ``central`` stays."""
    word = word.lower().replace("-", "").replace(" ", "")
    return word.removesuffix("ern") if word != "central" else word


def is_water(text: str, start: int, end: int) -> bool:
    """True when the name is part of a river or lake name (``the Niger river``, ``Lake Chad``)."""
    return bool(WATER_AFTER.match(text[end : end + 12]) or WATER_BEFORE.search(text[max(0, start - 8) : start]))


def qualifier_after(text: str, end: int) -> Qualifier | None:
    """The qualifier written right after a name ending at ``end`` (see the module docstring)."""
    tail = text[end : end + 80]
    found = BRACKET_QUALIFIER.match(tail)
    if found:
        names = tuple(n for n in (found.group("q"), found.group("q2")) if n)
        return Qualifier(names, True, end + found.start("q"))
    found = IN_QUALIFIER.match(tail)
    if found:
        return Qualifier((_strip_state_word(found.group("q")),), True, end + found.start("q"))
    found = COMMA_QUALIFIER.match(tail)
    if found:
        # only a hint: "Gao, Timbuktu and Kidal" is a list, and the geocoder merely favours
        # candidates inside a comma qualifier, never drops the others
        return Qualifier((found.group("q").rstrip("."),), False, end + found.start("q"))
    return None


def _strip_state_word(name: str) -> str:
    for word in STATE_WORDS:
        if name.startswith(word):
            return name[len(word):]
    return name
