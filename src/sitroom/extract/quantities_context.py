"""What the words around a bare number say about it: a label, a year, an age, a rate's
denominator (not quantities), or an elliptical count whose noun was given earlier (a quantity).

A *bare* number is one with no counted noun, currency or percent sign after it. Bare digits used
to be taken as they were and bare spelled numbers dropped; news prose needs finer rules:

| text | reading |
|---|---|
| cell 6, number 76, Comuna 13 | a label: not a quantity |
| the 2014 arrest, the 2011 report | a year used as a modifier: not a quantity |
| aged 25, the age of 18, Brask, 52, | an age: not a quantity |
| 20 per 100,000, for every 100,000, 3 out of 10 | a denominator: not a quantity |
| five soldiers were killed and seven wounded | "seven", unit "soldiers" from the earlier count |
| two gangs instead of one | "one", unit "gangs" |
| freed three of them | "three" (unit of the earlier count, if any) |
| two of the hostages | "two", unit "hostages" |
| Five bled to death | "Five": a spelled number as a subject still counts |
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extract.quantities_lexicon import CURRENCY_WORDS
from sitroom.records import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Token

DENOMINATOR_CUES = frozenset({"per", "every"})
"""Words before a number that make it the base of a rate ("20 per 100,000")."""

AGE_CUES = frozenset({"aged", "age", "ages"})
"""Words just before a number that make it an age ("aged 25", "the age of 18")."""

AGE_AFTER = frozenset({"younger", "older", "under", "over"})
"""Words after "N or" that make N an age ("25 or younger")."""

PARTITIVE_PRONOUNS = frozenset({"them", "whom", "those", "these", "us", "you", "which"})
"""``three of them``: the count of a group named before."""

NOT_A_COUNT_BEFORE = frozenset({"the", "no", "any", "each", "every", "this", "that", "which", "at",
                                "number", "no.", "a", "an", "another", "some", "one"})
"""Words before a spelled number that make it a pronoun, a label or a time ("the one", "at seven")."""

YEAR_RANGE = (1900, 2099)

SPEECH_LEMMAS = frozenset({"say", "tell", "add", "note", "explain", "speak", "warn", "claim", "write"})
"""Verbs whose subject "one official" is an unnamed source, not a count of officials."""


def one_not_a_count(value: float | None, noun: Token) -> bool:
    """``one Western diplomat said`` (an unnamed source) and ``will remain one country`` (one as
    "a single, united"): "one" before a noun that does not count anything."""
    if value != 1:
        return False
    if noun.dep_ in ("attr", "acomp"):
        # ... unless existential: "there was only one bathroom" counts bathrooms
        return not any(c.dep_ == "expl" for c in noun.head.children)
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in SPEECH_LEMMAS


def is_label(prev: Token | None) -> bool:
    """``cell 6``, ``number 76``, ``article 22``: a bare number right after a common noun names
    the thing rather than counting it (counts come before their noun in English)."""
    return (prev is not None and prev.pos_ == "NOUN" and prev.is_lower and prev.whitespace_ != ""
            and prev.lower_ not in CURRENCY_WORDS)  # "Australian dollar 29.4bn" is money


def is_denominator(prev: Token | None, prev2: Token | None) -> bool:
    """``per 100,000``, ``for every 100,000``, ``3 out of 10``."""
    if prev is None:
        return False
    if prev.lower_ in DENOMINATOR_CUES:
        return True
    return prev.lower_ == "of" and prev2 is not None and prev2.lower_ == "out"


def is_age(prev: Token | None, prev2: Token | None, after: list[Token]) -> bool:
    """``aged 25``, ``the age of 18``, ``25 or younger``, or an apposition after a person's name
    (``Marta Ruiz, 52,``)."""
    if prev is not None and prev.lower_ in AGE_CUES:
        return True
    if prev is not None and prev.lower_ == "of" and prev2 is not None and prev2.lower_ in AGE_CUES:
        return True
    if len(after) >= 2 and after[0].lower_ == "or" and after[1].lower_ in AGE_AFTER:
        return True
    return (prev is not None and prev.text == "," and prev2 is not None
            and (prev2.ent_type_ == "PERSON" or prev2.pos_ == "PROPN")
            and bool(after) and after[0].text in (",", "."))


def is_year(text: str, value: float | None, noun: Token | None) -> bool:
    """A four-digit number without a comma in the years' range, not counting a plural noun:
    ``the 2014 arrest``, ``its 2003 results`` is a year used as a modifier."""
    if value is None or not text.isdigit() or len(text) != 4:
        return False
    if not YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
        return False
    return noun is None or noun.tag_ != "NNS"


def partitive_noun(after: list[Token]) -> tuple[str, Token | None] | None:
    """For ``N of them`` (``("pronoun", them)``) and ``N of the hostages`` (``("noun", hostages)``);
    ``None`` when the number is not followed by ``of``."""
    if len(after) < 2 or after[0].lower_ != "of":
        return None
    if after[1].lower_ in PARTITIVE_PRONOUNS:
        return "pronoun", after[1]
    if after[1].lower_ not in ("the", "their", "its", "his", "her", "our", "those", "these"):
        return None
    for k, tok in enumerate(after[2:], start=2):
        possessor = k + 1 < len(after) and after[k + 1].tag_ == "POS"  # "five of the country's provinces"
        if tok.pos_ == "NOUN" and tok.dep_ != "compound" and not possessor:
            return "noun", tok
        if possessor or tok.tag_ == "POS":
            continue
        if tok.pos_ not in ("ADJ", "NOUN", "NUM", "ADV", "PROPN") and tok.tag_ not in ("VBN", "VBG"):
            return None
    return None


def pronoun_like(first: Token, value: float | None) -> bool:
    """A spelled number that is not a count: ``the one``, ``no one``, ``one another``, ``at seven``."""
    prev = first.nbor(-1) if first.i > 0 and not first.is_sent_start else None
    if prev is not None and prev.lower_ in NOT_A_COUNT_BEFORE:
        return True
    if prev is not None and prev.pos_ == "DET":
        return True
    return value == 1 and first.i + 1 < len(first.doc) and first.nbor(1).lower_ in ("another", "by")


def subject_of_verb(last: Token) -> bool:
    """``Five bled to death``, ``two were wounded``: the number stands for its noun as a subject."""
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    return (nxt is not None and nxt.pos_ in ("VERB", "AUX") and last.dep_ in ("nsubj", "nsubjpass")
            and nxt.tag_ not in ("VBG",))


TIME_UNITS = frozenset({"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days",
                        "week", "weeks", "month", "months", "year", "years", "decade", "decades",
                        "night", "nights", "quarter", "quarters", "century", "centuries"})
"""Durations set the time of a clause, not the noun a later bare number leaves out ("over the past
two weeks, 10 of the members...")."""


def earlier_count(quantities: list[Quantity], sentence_start: int, char: int) -> Quantity | None:
    """The nearest quantity before ``char`` in the same sentence that counts a noun (not money, a
    percentage, a vague count or a duration): its noun is the one an elliptical number leaves out."""
    for q in reversed(quantities):
        if q.span.start < sentence_start:
            return None
        if q.span.end > char:
            continue
        if q.unit is None or q.unit == "percent" or q.currency or q.vague or q.unit.lower() in TIME_UNITS:
            continue
        return q
    return None
