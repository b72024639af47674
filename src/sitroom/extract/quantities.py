"""Quantity step: counts, amounts of money and percentages as :class:`Quantity` records.

One regex pass (:data:`sitroom.extract.quantities_patterns.QUANTITY_RE`) over the text with the
date expressions masked out (a year is never a quantity), then spaCy's tokens for the noun counted.

How hedged and vague numbers are recorded (``value`` is always the number as written):

| text | value | lower | upper | approximate | vague |
|---|---|---|---|---|---|
| approximately 1,000 troops | 1000 | | | true | |
| over a dozen attacks, more than 400, at least 20 | 12 / 400 / 20 | same | | | |
| below 3,000, up to 50 | 3000 / 50 | | same | | |
| between 20 and 30, 20-30 | | 20 | 30 | | |
| from 5,100 to below 3,000 | 3000 (``change_from`` 5100) | | 3000 | | |
| dozens / hundreds / several | | 12 / 100 / 2 | | | true |

``unit`` is the noun counted ("troops", "weapons" in "$23 million worth of weapons"); for money
with nothing counted it is the currency code, for percentages ``percent``. ``currency`` is always
the ISO 4217 code of money. Spelled-out numbers ("two", "one") are only taken with a counted noun,
so the pronoun "one" is not a quantity. ``about`` is left for the actor and event steps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitroom.extract.context import Context
from sitroom.extract.quantities_context import (
    earlier_count,
    is_age,
    is_denominator,
    is_label,
    is_year,
    one_not_a_count,
    partitive_noun,
    pronoun_like,
    subject_of_verb,
)
from sitroom.extract.quantities_lexicon import APPROXIMATE_CUES, LOWER_CUES, VAGUE_COUNTS
from sitroom.extract.quantities_patterns import (
    QUANTITY_RE,
    Amount,
    abbreviation_needs_currency,
    parse_amount,
)
from sitroom.records import DateRef, Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NAME_ENTITIES = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT"})
"""A number inside one of these is part of a name ("Resolution 2085", "Boeing 737")."""

COUNT_HOLDERS = frozenset({"number", "numbers", "level", "levels", "strength", "count", "total",
                           "figure", "figures", "presence", "contingent", "deployment"})
"""Nouns that hold a count of something else: "troop numbers" counts troops."""

FRACTIONS = frozenset({"half", "halves", "third", "thirds", "fourths", "fifths", "sixths", "tenths"})
"""Nouns after a number that make it a fraction ("two thirds"), not a count."""

CHANGE_LEMMAS = frozenset({"rise", "fall", "increase", "decrease", "cut", "reduce", "draw", "grow",
                           "drop", "jump", "climb", "decline", "slash", "raise", "boost", "shrink",
                           "swell", "double", "halve", "surge", "plunge", "soar", "lower", "expand",
                           "scale", "trim", "go", "change", "move"})
"""Verbs that make "from A to B" a change rather than a range."""

CURRENCY_CODES_AS_UNIT = True
"""Money with nothing counted gets its currency code as unit (so ``unit`` is never empty for money)."""


def quantity_noun(q: Quantity) -> str | None:
    """The noun a quantity counts ("troops", "weapons"); ``None`` for bare money or percentages."""
    if q.unit is None or q.unit == "percent" or q.unit == q.currency:
        return None
    return q.unit


@dataclass(frozen=True)
class _Reading:
    """What one match says, before it becomes a :class:`Quantity`."""

    start: int
    end: int
    value: float | None
    lower: float | None = None
    upper: float | None = None
    approximate: bool = False
    currency: str | None = None
    percent: bool = False
    change_from: float | None = None
    vague: bool = False
    spelled: bool = False
    amount_start: int = -1
    """Where the number itself starts (after any hedge or "from"); -1 when it is ``start``."""
    hedged: bool = False


class QuantityStep:
    """Fills ``ctx.record.quantities``."""

    name = "quantities"
    version = "1"

    def __call__(self, ctx: Context) -> None:
        tokens = _Tokens(ctx.doc, ctx.text)
        text = mask_dates(ctx.text, ctx.record.dates)
        extractor = f"{self.name}/{self.version}"
        pos = 0
        while (match := QUANTITY_RE.search(text, pos)) is not None:
            reading, pos = _read(match, tokens)
            pos = max(pos, match.start() + 1)
            if reading is None or _inside_name(ctx, tokens, reading):
                continue
            quantity = _to_quantity(ctx, tokens, reading, extractor)
            if quantity is not None:
                ctx.record.quantities.append(quantity)


def mask_dates(text: str, dates: list[DateRef]) -> str:
    """The text with every date expression blanked (same length, so offsets hold)."""
    chars = list(text)
    for d in dates:
        chars[d.evidence.start:d.evidence.end] = "#" * (d.evidence.end - d.evidence.start)
    return "".join(chars)


# --- reading a match ----------------------------------------------------------------------------

def _read(match: re.Match[str], tokens: _Tokens) -> tuple[_Reading | None, int]:
    """The reading of a match and where the next search starts (after amount ``a`` when a pair
    turns out not to be one, so that amount ``b`` is read on its own)."""
    if match["vague"]:
        return _vague(match), match.end()
    a = parse_amount(match, "a")
    if a is None or abbreviation_needs_currency(match, "a"):
        return None, match.end()
    b = parse_amount(match, "b") if match["sep"] else None
    if b is not None and not abbreviation_needs_currency(match, "b"):
        pair = _pair(match, a, b, tokens)
        if pair is not None:
            return pair, match.end()
    return _single(match, a), _end_of_a(match)


def _end_of_a(match: re.Match[str]) -> int:
    groups = ("diga", "scalea", "abbra", "dozena", "worda", "cursufa", "pcta")
    return max(match.end(g) for g in groups if match[g] is not None)


def _hedge_start(match: re.Match[str]) -> int:
    if match["hedge"]:
        return match.start("hedge")
    return match.start("pre") if match["pre"] else match.start()


def _single(match: re.Match[str], a: Amount) -> _Reading:
    hedge = " ".join((match["hedge"] or "").lower().split())
    start = match.start("hedge") if hedge else _amount_start(match)
    lower = a.value if hedge in LOWER_CUES else None
    upper = a.value if hedge and hedge not in LOWER_CUES and hedge not in APPROXIMATE_CUES else None
    return _Reading(start, _end_of_a(match), a.value, lower=lower, upper=upper,
                    approximate=hedge in APPROXIMATE_CUES, currency=a.currency, percent=a.percent,
                    spelled=a.spelled, amount_start=_amount_start(match), hedged=bool(hedge))


def _amount_start(match: re.Match[str]) -> int:
    groups = ("cura", "diga", "dozena", "worda")
    return min(match.start(g) for g in groups if match[g] is not None)


def _pair(match: re.Match[str], a: Amount, b: Amount, tokens: _Tokens) -> _Reading | None:
    """"from 5,100 to below 3,000" (a change), "between 20 and 30" / "20-30" (a range), or ``None``
    when the two numbers do not belong together ("rose 2% to $11bn")."""
    if a.percent != b.percent or (a.currency and b.currency and a.currency != b.currency):
        return None
    currency = a.currency or b.currency
    pre = (match["pre"] or "").strip().lower()
    hedge2 = " ".join((match["hedge2"] or "").lower().split())
    start = _hedge_start(match)
    if pre == "from" and (b.value < a.value or hedge2 or _follows_change_verb(tokens, match.start())):
        upper = b.value if hedge2 and hedge2 not in LOWER_CUES and hedge2 not in APPROXIMATE_CUES else None
        lower = b.value if hedge2 in LOWER_CUES else None
        return _Reading(start, match.end(), b.value, lower=lower, upper=upper, currency=currency,
                        percent=a.percent, change_from=a.value, approximate=hedge2 in APPROXIMATE_CUES,
                        amount_start=_amount_start(match), hedged=True)
    if b.value <= a.value or hedge2:
        return None
    return _Reading(start, match.end(), None, lower=a.value, upper=b.value, currency=currency,
                    percent=a.percent, approximate=bool(match["hedge"]), amount_start=_amount_start(match),
                    hedged=True)


def _follows_change_verb(tokens: _Tokens, char: int) -> bool:
    """A change verb among the eight tokens before "from" in its sentence ("the militia grew from")."""
    tok = tokens.at(char)
    if tok is None:
        return False
    for i in range(tok.i - 1, max(-1, tok.i - 9), -1):
        before = tokens.doc[i]
        if before.lemma_.lower() in CHANGE_LEMMAS:
            return True
        if before.is_sent_start:
            break
    return False


def _vague(match: re.Match[str]) -> _Reading:
    word = " ".join(match["vague"].lower().split())
    lower, upper = VAGUE_COUNTS[word]
    start = match.start("hedge") if match["hedge"] else match.start("vague")
    return _Reading(start, match.end(), None, lower=lower, upper=upper, vague=True,
                    approximate=bool(match["hedge"]))


# --- tokens: names and counted nouns -----------------------------------------------------------

class _Tokens:
    """Tokens of the parse by character offset (through ``char_span``: iterating a whole Doc to
    index it costs more than the rest of the step)."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.text = text  # Doc.text joins every token on each access

    def at(self, char: int) -> Token | None:
        """The token covering ``char`` (or the one before it, when ``char`` is whitespace)."""
        while char > 0 and (char >= len(self.text) or self.text[char].isspace()):
            char -= 1
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def after(self, char: int) -> list[Token]:
        """Up to six tokens from the first one starting at or after ``char``."""
        while char < len(self.text) and self.text[char].isspace():
            char += 1
        tok = self.at(char) if char < len(self.text) else None
        if tok is None:
            return []
        i = tok.i if tok.idx >= char else tok.i + 1
        return list(self.doc[i:i + 6])


def _inside_name(ctx: Context, tokens: _Tokens, reading: _Reading) -> bool:
    if reading.currency or reading.percent or reading.vague:
        return False
    tok = tokens.at(reading.start)
    if tok is None:
        return False
    if tok.ent_type_ in NAME_ENTITIES:
        return True
    # The word before the number itself, not before "from" ("the Sahel from 4,000 to 2,500").
    tok = tokens.at(reading.amount_start) if reading.amount_start >= 0 else tok
    if tok is None:
        return False
    prev = tok.nbor(-1) if tok.i > 0 and not tok.is_sent_start else None
    if prev is not None and prev.pos_ == "PROPN" and prev.is_title and prev.ent_type_ not in ("GPE", "NORP"):
        return True  # "Proposition 19", "Flight 17"
    # Only names: a descriptive mention ("1,000 Russian troops" as a group) may hold a count.
    return any(m.is_name and m.kind != "group" and m.start <= reading.start < m.end
               for m in ctx.mentions_covering(reading.start, reading.start + 1))


def _counted_noun(tokens: _Tokens, char: int) -> Token | None:
    """The noun right after a number ("1,000 troops", "12 Malian soldiers", "$5m worth of arms"):
    modifiers may come first; the last noun of a compound run is the head. Nothing when
    punctuation or a sentence end comes first ("£250m. Turnover") or the noun is half of a
    hyphenated modifier ("$639m year-earlier")."""
    following = tokens.after(char)
    if not following or tokens.text[char:following[0].idx].strip():
        return None
    for k, tok in enumerate(following[1:], start=1):
        if tok.is_sent_start:
            following = following[:k]
            break
    if len(following) >= 2 and following[0].lower_ == "worth" and following[1].lower_ == "of":
        following = following[2:]
    if len(following) >= 2 and following[0].text in _HYPHENS and following[1].pos_ == "NOUN":
        # "a 15-year licence", "a 30-day ceasefire": the number measures the hyphenated noun (the
        # licence's length in years), so the unit is "year"; the licence is what it describes.
        return following[1]
    noun: Token | None = None
    skip = False
    for k, tok in enumerate(following):
        if skip:  # the second half of a hyphenated modifier: "state-owned", "year-earlier"
            skip = False
            continue
        if tok.lower_ in TIME_DEICTICS:
            break  # "91 last year": the year is when, not what was counted
        if tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.ent_type_ == "NORP"):
            noun = tok
            continue
        if noun is not None and tok.text in _HYPHENS and not following[k - 1].whitespace_:
            noun, skip = None, True  # "several state-owned mines": "state" only modifies
            continue
        if noun is not None or not _modifier(tok) and tok.text != "-":
            break
    return _measure_of(noun, following)


def _measure_of(noun: Token | None, following: list[Token]) -> Token | None:
    """"300 head of cattle": a measure word before "of" counts the noun after it."""
    if noun is None or noun.lower_ not in MEASURE_WORDS:
        return noun
    rest = following[following.index(noun) + 1:]
    if len(rest) >= 2 and rest[0].lower_ == "of" and rest[1].pos_ == "NOUN":
        return rest[1]
    return noun


TIME_DEICTICS = frozenset({"last", "next", "this", "previous", "same"})
MEASURE_WORDS = frozenset({"head"})


_HYPHENS = ("-", "‐")


def _modifier(tok: Token) -> bool:
    """Words that may stand between a number and its noun: adjectives, names, participles used as
    adjectives ("some 3,000 displaced people")."""
    return tok.pos_ in ("ADJ", "PROPN") or (tok.tag_ in ("VBN", "VBG") and tok.dep_ == "amod")


def _noun_before(tokens: _Tokens, char: int) -> str | None:
    """For "troop numbers from 5,100 to 3,000": the noun just before the change, or what it holds."""
    tok = tokens.at(char - 1)
    if tok is None or tok.pos_ != "NOUN" or tok.idx + len(tok) > char:
        return None
    compounds = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    if tok.lower_ in COUNT_HOLDERS and compounds:
        lemma = compounds[-1].lemma_.lower()
        return lemma if lemma.endswith("s") else lemma + "s"
    return tok.lower_


def _to_quantity(ctx: Context, tokens: _Tokens, reading: _Reading, extractor: str) -> Quantity | None:
    end, unit = reading.end, None
    if reading.percent:
        unit = "percent"
    else:
        noun = _counted_noun(tokens, reading.end)
        if noun is not None and noun.lower_ in FRACTIONS:
            return None
        if _plain(reading) and is_year(ctx.text[reading.start:reading.end], reading.value, noun):
            return None  # "the 2014 arrest": a year the date step left as a modifier
        if noun is not None and reading.spelled and one_not_a_count(reading.value, noun):
            return None
        if noun is not None:
            unit, end = (noun.text if noun.pos_ == "PROPN" else noun.lower_), noun.idx + len(noun)
        elif reading.change_from is not None:
            unit = _noun_before(tokens, reading.start)
    if unit is None and not reading.currency and not reading.percent and not reading.vague:
        bare = _bare(ctx, tokens, reading)
        if bare is None:
            return None
        unit, end = bare
    if unit is None and reading.vague:
        return None  # "several of them": no counted thing, no quantity
    if unit is None and reading.currency and CURRENCY_CODES_AS_UNIT:
        unit = reading.currency
    span = ctx.span(reading.start, end)
    return Quantity(
        id=ctx.new_id("q"), text=span.text, value=reading.value, evidence=ctx.evidence(span.start, span.end),
        span=span, lower=reading.lower, upper=reading.upper, approximate=reading.approximate, unit=unit,
        currency=reading.currency, change_from=reading.change_from, vague=reading.vague, extractor=extractor,
    )


def _plain(reading: _Reading) -> bool:
    """A number with nothing around it: no hedge, range, currency, percent sign or vague word."""
    return not (reading.hedged or reading.currency or reading.percent or reading.vague
                or reading.change_from is not None or reading.value is None)


def _bare(ctx: Context, tokens: _Tokens, reading: _Reading) -> tuple[str | None, int] | None:
    """A number with no counted noun after it: ``(unit, span end)`` when it is a count (its unit
    taken from an earlier count in the sentence, or ``None``), ``None`` when it is a label, year,
    age, denominator or pronoun (see :mod:`sitroom.extract.quantities_context`)."""
    first = tokens.at(reading.amount_start if reading.amount_start >= 0 else reading.start)
    last = tokens.at(reading.end - 1)
    if first is None or last is None:
        return None
    prev = first.nbor(-1) if first.i > 0 and not first.is_sent_start else None
    prev2 = prev.nbor(-1) if prev is not None and prev.i > 0 and not prev.is_sent_start else None
    after = [t for t in tokens.after(reading.end) if t.sent == last.sent]
    if is_denominator(prev, prev2) or is_age(prev, prev2, after):
        return None
    if not reading.hedged and is_label(prev):
        return None
    earlier = (earlier_count(ctx.record.quantities, last.sent.start_char, reading.start)
               if reading.change_from is None else None)  # "cut from twelve to three": its own noun
    unit = earlier.unit if earlier is not None else None
    end = reading.end
    partitive = partitive_noun(after)
    if partitive is not None:
        kind, tok = partitive
        if kind == "noun" and tok is not None:
            unit = tok.lower_
        if tok is not None:
            end = tok.idx + len(tok)
    if not reading.spelled:
        return unit, end
    return (unit, end) if _spelled_count(reading, first, last, partitive, earlier) else None


def _spelled_count(reading: _Reading, first: Token, last: Token, partitive: tuple[str, Token | None] | None,
                   earlier: Quantity | None) -> bool:
    """A spelled number with no noun after it is a count only where the sentence says so: a
    partitive ("three of them"), an ellipsis after an earlier count ("... killed and seven
    wounded", "two gangs instead of one"), a subject ("Five bled to death") or a scale word
    ("eight million"). "one" needs an earlier count: alone it is mostly a pronoun."""
    value = reading.value or 0
    if pronoun_like(first, value):
        return False
    if partitive is not None:
        return value >= 2 or (earlier is not None and partitive[0] == "pronoun")
    if earlier is not None:
        nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
        return nxt is None or nxt.pos_ not in ("NOUN", "ADJ", "PROPN") and nxt.lower_ not in ("another", "of")
    if value >= 1000:
        return True
    return value >= 2 and subject_of_verb(last)
