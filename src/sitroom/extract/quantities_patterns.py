"""The one regular expression behind quantity recognition, and the parsing of its parts.

:data:`QUANTITY_RE` matches, in one pass over the text:

* a single amount with an optional hedge, currency and percent sign: ``approximately 1,000``,
  ``$23 million``, ``€5bn``, ``USD 2 million``, ``20 million euros``, ``76%``, ``a dozen``,
  ``three hundred``;
* a pair: ``from 5,100 to below 3,000`` (a change), ``between 20 and 30``, ``20-30`` (a range);
* a vague count: ``dozens of``, ``hundreds of``, ``several``.

The noun counted is not in the regex: it comes from spaCy's tokens after the match
(:mod:`sitroom.extract.quantities`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sitroom.extract.quantities_lexicon import (
    APPROXIMATE_CUES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    LOWER_CUES,
    SCALE_ABBREVIATIONS,
    SCALES,
    TENS,
    UNITS,
    UPPER_CUES,
    VAGUE_COUNTS,
    number_word_value,
)


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so "more than" wins over "more"; spaces match any whitespace."""
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_HEDGE = _alternation(APPROXIMATE_CUES + LOWER_CUES + UPPER_CUES)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_WORD = _alternation(SCALES)
_SCALE_ABBR = _alternation(SCALE_ABBREVIATIONS)
_NUMBER_WORD = _alternation(list(UNITS) + list(TENS))
_WORD_NUMBER = (rf"(?:(?:{_NUMBER_WORD})(?:(?:\s+|-)(?:and\s+)?(?:{_NUMBER_WORD}|{_SCALE_WORD}))*"
                rf"|an?\s+(?:hundred|thousand|million|billion)(?:\s+(?:{_SCALE_WORD}))*)")
_DOZEN = r"(?:half\s+a|an?|one|two|three|four|five|six|several)\s+dozen|dozen"
_CURRENCY_PREFIX = r"US\$|\$|€|£|¥|₽|₹|₦|(?:USD|EUR|GBP|CHF|XOF|NGN|RUB)(?=\s?\d)"
_CURRENCY_SUFFIX = _alternation(CURRENCY_WORDS)
_PERCENT = r"%|\s+(?:percent|per\s+cent|percentage\s+points?)\b"
_VAGUE = _alternation(VAGUE_COUNTS)


def _amount(tag: str) -> str:
    """One amount; group names carry ``tag`` so that two amounts can sit in one pattern."""
    return (
        rf"(?:(?P<cur{tag}>{_CURRENCY_PREFIX})\s?)?"
        rf"(?:(?P<dig{tag}>(?<![\w.,:/])(?<![A-Za-z]-)(?:{_DIGITS}))(?![\d:]|(?:st|nd|rd|th)\b)"
        rf"(?:\s*(?P<scale{tag}>{_SCALE_WORD})\b|(?P<abbr{tag}>{_SCALE_ABBR})\b)?"
        rf"|(?P<dozen{tag}>\b(?:{_DOZEN})\b(?![-‐]))"
        rf"|(?P<word{tag}>\b{_WORD_NUMBER}\b(?![-‐])))"
        rf"(?!\s*(?:GMT|UTC|BST|CET|EST|EDT|am|pm|a\.m\.|p\.m\.)(?!\w))"  # clock times
        rf"(?:\s+(?P<cursuf{tag}>{_CURRENCY_SUFFIX})\b)?"
        rf"(?P<pct{tag}>{_PERCENT})?"
    )


QUANTITY_RE = re.compile(
    rf"(?:\b(?P<hedge>{_HEDGE})\s+)?"
    rf"(?:(?P<pre>\b(?:from|between)\s+)?{_amount('a')}"
    rf"(?:\s*(?P<sep>-|–|\bto\b|(?(pre)\band\b|(?!)))\s*(?:\b(?P<hedge2>{_HEDGE})\s+)?{_amount('b')})?"
    rf"|\b(?P<vague>{_VAGUE})\b(?P<of>\s+of\b)?)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Amount:
    """One parsed amount: its value, currency, whether it was a percentage or a spelled number."""

    value: float
    currency: str | None = None
    percent: bool = False
    spelled: bool = False
    """Written in words ("two", "a dozen"): needs a counted noun to be taken."""


def parse_amount(match: re.Match[str], tag: str) -> Amount | None:
    """The amount of group set ``tag`` (``a`` or ``b``), or ``None`` when it did not match."""
    digits, dozen, word = match[f"dig{tag}"], match[f"dozen{tag}"], match[f"word{tag}"]
    if digits:
        # Decimal, so that "8.2bn" is 8200000000 and not 8199999999.999999
        value = float(Decimal(digits.replace(",", "")) * _scale(match, tag))
    elif dozen:
        value = _dozen_value(dozen)
    elif word:
        parsed = number_word_value(word)
        if parsed is None:
            return None
        value = parsed
    else:
        return None
    return Amount(value, _currency(match, tag), bool(match[f"pct{tag}"]), spelled=not digits)


def _scale(match: re.Match[str], tag: str) -> int:
    word, abbr = match[f"scale{tag}"], match[f"abbr{tag}"]
    if word:
        return SCALES[word.lower()]
    if abbr:
        return SCALE_ABBREVIATIONS[abbr.lower()]
    return 1


def _dozen_value(text: str) -> float:
    words = text.lower().split()
    if words[:2] == ["half", "a"]:
        return 6.0
    if len(words) == 1 or words[0] in ("a", "an", "one"):
        return 12.0
    if words[0] == "several":
        return 24.0
    return 12.0 * (number_word_value(words[0]) or 1)


def _currency(match: re.Match[str], tag: str) -> str | None:
    prefix, suffix = match[f"cur{tag}"], match[f"cursuf{tag}"]
    if prefix:
        return CURRENCY_SYMBOLS.get(prefix) or prefix.upper()
    if suffix:
        return CURRENCY_WORDS.get(" ".join(suffix.lower().split()))
    return None


def abbreviation_needs_currency(match: re.Match[str], tag: str) -> bool:
    """"5m" is five metres unless it is money ("£600m"); "bn" and "mn" are always scales."""
    abbr = (match[f"abbr{tag}"] or "").lower()
    return abbr in ("m", "k", "b") and _currency(match, tag) is None
