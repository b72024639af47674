"""Casualty counts from the parse: "killed 12 soldiers", "at least 20 people were killed",
"two civilians were abducted", "leaving five dead", "one dead, one wounded", "killed a farmer".

A count is read from the noun phrase the casualty word governs (object of an active verb, subject
of a passive one, the noun an adjective like "dead" modifies) or the number right before it.
A singular noun with "a"/"an"/"the" counts one ("killed a farmer"); bare plurals and vague words
("several", "dozens of") give no count, since a wrong number is worse than none.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitroom.extract.events_lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
SINGLE_DETERMINERS = {"a", "an", "the", "one", "another", "this", "that"}
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")


def parse_number(text: str) -> int | None:
    """``"12"``, ``"1,000"``, ``"twenty-two"``, ``"a dozen"``, ``"three hundred"`` -> int; else None."""
    words = [w for w in re.split(r"[\s\-]+", text.lower().strip()) if w and w not in ("and", "a", "an")]
    if not words:
        return 1 if text.lower().strip() in ("a", "an") else None
    if len(words) == 1 and _DIGITS.match(words[0]):
        return int(words[0].replace(",", ""))
    total, current = 0, 0
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        elif _DIGITS.match(word):
            current += int(word.replace(",", ""))
        else:
            return None
    value = total + current
    return value if value > 0 or words == ["zero"] else None


def count_of(noun: Token) -> int | None:
    """How many the noun phrase headed by ``noun`` counts, summed over coordination."""
    total: int | None = None
    for part in _conjuncts(noun):
        value = _count_one(part)
        if value is None:
            return total if total is not None and part != noun else None
        total = (total or 0) + value
    return total


def _conjuncts(noun: Token) -> list[Token]:
    out = [noun]
    for child in noun.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "NUM"):
            out.extend(_conjuncts(child))
    return out


def _count_one(noun: Token) -> int | None:
    if noun.pos_ == "NUM" or noun.like_num:
        return _number_phrase(noun)
    nummods = [c for c in noun.children if c.dep_ == "nummod"]
    if nummods:
        return _number_phrase(nummods[0])
    if noun.lower_ in ("dozen",):
        return 12
    quantifier = _of_quantifier(noun)
    if quantifier is not None:
        return quantifier
    singular = noun.tag_ in ("NN", "NNP")
    det = next((c.lower_ for c in noun.children if c.dep_ in ("det", "poss")), None)
    if singular and (det in SINGLE_DETERMINERS or det in ("his", "her", "their", "its") or noun.pos_ == "PROPN"):
        return 1
    return None


def _of_quantifier(noun: Token) -> int | None:
    """"two of the soldiers": the number heading the "of" phrase."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ == "NUM":
        return _number_phrase(prep.head)
    return None


def _number_phrase(num: Token) -> int | None:
    """The value of a number token with its compound parts ("twenty - two", "1,000")."""
    parts = [t for t in num.subtree if t.dep_ in ("compound", "nummod", "punct") or t == num]
    parts = [t for t in parts if t.pos_ in ("NUM", "PUNCT") or t.lower_ in ("a", "dozen", "hundred")]
    parts.sort(key=lambda t: t.i)
    text = " ".join(t.text for t in parts if t.text != ",")
    return parse_number(text) if text else None


ATTEMPT_VERBS = {"attempt", "try", "seek", "fail", "threaten", "plan", "intend", "want", "aim"}
"""Verbs whose infinitive did not (or not yet) happen: "attempted to kill a farmer" kills no one."""
RESULT_WORDS = {"dead", "death"}
"""Result phrases that make an act a killing: "shot dead", "beaten to death"."""


VIOLENT_TYPES = {"ASSAULT", "PROTEST"}
"""Event types a death or injury can be the toll of; a curfew imposed "after clashes left seven
dead" did not kill the seven, the clashes did."""
BODILY_FIELDS = {"killed", "injured"}


def fields_for(event_type: str) -> set[str] | None:
    """Casualty fields an event of this type may count (None: all of them)."""
    return None if event_type in VIOLENT_TYPES else {"arrested", "abducted"}


def casualty_counts(head: Token, lexicon: Lexicon, scope: list[Token],
                    counted: set[int] | None = None, fields: set[str] | None = None) -> dict[str, int]:
    """Counts per casualty field for casualty words among ``scope`` tokens (the event's clause).

    ``fields`` limits the fields read (see :func:`fields_for`); words of other fields stay uncounted.
    ``counted`` holds the indices of casualty words an earlier event of the document already
    counted; they are skipped and the new ones added, so a toll told once is counted once
    ("assaulted and shot and killed a farmer" is one death, whichever verbs become events).
    """
    counts: dict[str, int] = {}
    for token in scope:
        if counted is not None and token.i in counted:
            continue
        field_name = casualty_field_of(token, lexicon)
        if field_name is None or (fields is not None and field_name not in fields):
            continue
        value = _count_for_word(token)
        if value is not None:
            counts[field_name] = counts.get(field_name, 0) + value
            if counted is not None:
                counted.add(token.i)
    return counts


def casualty_field_of(token: Token, lexicon: Lexicon) -> str | None:
    """``killed``/``injured``/... for a casualty word, with "shot dead" and "beaten to death"."""
    found = lexicon.casualty_field(token.lemma_) or lexicon.casualty_field(token.lower_)
    if found is None and token.pos_ == "VERB" and _has_result(token):
        return "killed"
    return found


def _has_result(verb: Token) -> bool:
    """"shot dead a woman", "beaten to death"; not "left five dead", where "dead" counts itself."""
    for child in verb.children:
        # the small model also makes "dead" a preposition of "shot" ("shot dead a village chief")
        if child.lower_ == "dead" and child.dep_ in ("oprd", "acomp", "xcomp", "advmod", "dobj", "ccomp", "prep"):
            return _adjective_count(child) is None
        if child.dep_ == "prep" and child.lower_ == "to" and any(c.lower_ == "death" for c in child.children):
            return True
    return False


def _count_for_word(word: Token) -> int | None:
    if word.pos_ in ("VERB", "AUX") and word.dep_ not in ("amod",):
        if _attempted(word):
            return None
        if word.lemma_.lower() == "die":
            return _first_count(c for c in word.children if c.dep_ == "nsubj")
        return _verb_count(word)
    return _adjective_count(word)


def _verb_count(word: Token) -> int | None:
    objects = [c for c in word.children if c.dep_ == "dobj" and c.lower_ not in RESULT_WORDS]
    if not objects and _has_result(word):  # "shot dead a boy": the parser makes the victim npadvmod
        objects = [c for c in word.children if c.dep_ == "npadvmod" and c.pos_ in ("NOUN", "PROPN")]
    # "IS" in "presumed IS Sahel militants killed" parses as a passive auxiliary: an object says active
    passive = any(c.dep_ == "nsubjpass" for c in word.children) or (
        any(c.dep_ == "auxpass" for c in word.children) and not objects)
    if passive:
        return _first_count(c for c in word.children if c.dep_ in ("nsubjpass", "nsubj"))
    if word.dep_ == "acl" and word.tag_ == "VBN":  # "five soldiers killed in the ambush"
        return count_of(word.head)
    objs = [c for c in word.children if c.dep_ in ("dobj", "nsubj") and c.pos_ == "NUM"]
    objs += [c for c in objects if c.pos_ != "NUM"]
    found = _first_count(objs)
    if found is None and word.tag_ == "VBN" and not objects:  # "7 killed." (a headline-style toll)
        found = _first_count(c for c in word.children if c.pos_ == "NUM" and c.i < word.i)
    return found


def _attempted(verb: Token) -> bool:
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ATTEMPT_VERBS


def _adjective_count(word: Token) -> int | None:
    """"five dead", "one wounded", "left three injured": the number next to the adjective."""
    nummods = [c for c in word.children if c.dep_ == "nummod"]
    if nummods:
        return _number_phrase(nummods[0])
    if word.head.pos_ == "NUM":
        return _number_phrase(word.head)
    if word.head.pos_ in ("NOUN", "PROPN") and word.dep_ == "amod":
        return count_of(word.head)
    if word.dep_ in ("oprd", "xcomp", "ccomp") and word.head.pos_ == "VERB":
        # "left at least seven people dead": the object the result is predicated of
        found = _first_count(c for c in word.head.children if c.dep_ == "dobj")
        if found is not None:
            return found
    if word.i > 0 and word.nbor(-1).pos_ == "NUM":
        return _number_phrase(word.nbor(-1))
    return None


def _first_count(tokens: object) -> int | None:
    for token in tokens:  # type: ignore[attr-defined]
        value = count_of(token)
        if value is not None:
            return value
    return None
