"""Names the knowledge tables do not have, learned from how one document uses them.

An invented or unlisted state ("Karesia") and its towns ("Kesh", "Dumeni") are not in any table, and the
statistical model types them at random (place, person, organisation). The document itself says what they
are, and once it says so every use of the name in that document is read the same way:

- a **state**: ``the Republic of Karesia``; a demonym built on the name elsewhere in the text (``Karesia``
  beside ``the Karesian army``); or a state organ owned by it (``Karesia's foreign ministry``);
- a **place**: a dateline (``KESH, March 3 -``, ``VELL, Karesia, April 7 -``); a settlement noun before it
  (``the northern town of Dumeni``, ``residents of Dumeni``); ``in``/``near`` before a name the model
  left untagged or called a place (``In Kesh, the government ...``).

:func:`learned_hits` returns gazetteer-style hits (token offsets) for every use; the gazetteer step adds
them to its table hits, so they beat the model's label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from sitroom.extract.mentions import Hit
from sitroom.knowledge import lookup_city, lookup_country, lookup_demonym, lookup_known_actor

STATE_WORDS = frozenset({"Republic", "Kingdom", "Federation", "Emirate", "Sultanate", "Principality",
                         "Commonwealth", "Empire", "Confederation"})
DEMONYM_SUFFIXES = ("ian", "an", "ese", "ish", "i")
STATE_ORGANS = frozenset({"government", "army", "military", "junta", "president", "parliament",
                          "armed", "foreign", "defence", "defense", "ministry", "embassy", "ambassador",
                          "envoy", "regime", "navy", "air", "internal", "sovereignty", "territory"})
"""Words right after ``X's`` that make X a state (``Karesia's foreign ministry``, ``Karesia's army``).
A city has a mayor or a council, not an army or a foreign ministry."""
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "region", "province", "district", "capital",
                              "port", "outskirts", "residents", "inhabitants", "suburbs", "streets",
                              "governor", "mayor"})
"""``the town of X``, ``residents of X``: the X after ``of`` is a place."""
LOCATIVES = frozenset({"in", "near", "outside", "around", "over", "into", "towards", "toward", "across",
                       "through"})
MOTION_BEFORE_TO = frozenset({"road", "route", "way", "trip", "flight", "flights", "travel", "return", "go",
                              "fly", "head", "move", "retreat", "flee", "march", "drive", "ship", "send", "transport"})
"""``the road to Dumeni``, ``travel to Kesh``: ``to`` is a locative only after these (not ``spoke to X``)."""
_DATELINE = re.compile(r"(?:^|\n)([A-Z][A-Z\-' ]{2,30}[A-Z]),( [A-Z][a-z]+,)? ")


def learned_hits(doc: Doc) -> list[Hit]:
    """Country and place hits for every use of a name this document teaches (see module docstring)."""
    states = _state_names(doc)
    places = {name for name in _place_names(doc) if name not in states}
    return _uses(doc, states, places)


# ---- states -----------------------------------------------------------------------------------

def _state_names(doc: Doc) -> set[str]:
    names = set(_republic_names(doc))
    by_stem = _titled_words_by_stem(doc)
    for token in _unknown_names(doc):
        if token.text not in names and (_has_demonym(by_stem, token.text) or _owns_state_organ(token)):
            names.add(token.text)
    return names


def _titled_words_by_stem(doc: Doc) -> dict[str, set[str]]:
    """Capitalised words under each of their prefixes that drop at most 4 characters.

    Built once per document: scanning every token for every candidate name was quadratic
    (minutes for a 50,000-character text with a thousand unknown names).
    """
    by_stem: dict[str, set[str]] = {}
    for word in {t.text for t in doc if t.is_title}:
        for cut in range(5):
            by_stem.setdefault(word[: len(word) - cut], set()).add(word)
    return by_stem


def _republic_names(doc: Doc) -> Iterable[str]:
    """``the Republic of Karesia`` -> ``Karesia`` (only names the tables do not know)."""
    for token in doc:
        if token.text not in STATE_WORDS or token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "of":
            continue
        end = token.i + 2
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        short = doc[token.i + 2:end].text
        if end > token.i + 2 and not lookup_country(doc[token.i:end].text) and not lookup_country(short):
            yield short


def _unknown_names(doc: Doc) -> Iterable[Token]:
    """Capitalised proper nouns no table knows: candidates for a learned state or place."""
    for token in doc:
        if token.is_title and token.pos_ == "PROPN" and len(token.text) > 2 and _unknown(token.text):
            yield token


def _unknown(name: str) -> bool:
    return not (lookup_country(name) or lookup_demonym(name) or lookup_city(name) or lookup_known_actor(name))


def _has_demonym(by_stem: dict[str, set[str]], name: str) -> bool:
    """``Karesian`` in the same text as ``Karesia``: an adjective of nationality built on the name."""
    stem = name.rstrip("aeiouy")
    if len(stem) < 4:
        return False
    return any(word != name and word.endswith(DEMONYM_SUFFIXES) for word in by_stem.get(stem, ()))


def _owns_state_organ(token: Token) -> bool:
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text not in ("'s", "\u2019s"):
        return False
    return doc[token.i + 2].lower_ in STATE_ORGANS


# ---- places -----------------------------------------------------------------------------------

def _place_names(doc: Doc) -> set[str]:
    # datelines teach known cities too: the matcher is case-sensitive and misses "ACCRA"
    names = {_title(m.group(1)) for m in _DATELINE.finditer(doc.text)
             if _unknown(_title(m.group(1))) or lookup_city(_title(m.group(1)))}
    for token in _unknown_names(doc):
        if token.ent_type_ in ("NORP", "DATE", "TIME", "EVENT", "WORK_OF_ART"):
            continue
        if _after_settlement_noun(token) or _after_locative(token):
            names.add(token.text)
    return names


def _title(caps: str) -> str:
    """``KESH`` -> ``Kesh``, ``BANDAR ABBAS`` -> ``Bandar Abbas``."""
    return " ".join(word.capitalize() for word in caps.split())


def _after_settlement_noun(token: Token) -> bool:
    """``the (northern) town of X``, ``residents of X``, ``the capital, X``."""
    if token.dep_ == "appos" and token.head.lower_ in SETTLEMENT_NOUNS and token.head.i < token.i:
        return True
    prep = token.doc[token.i - 1] if token.i > 0 else None
    noun = token.doc[token.i - 2] if token.i > 1 else None
    return (prep is not None and noun is not None and prep.lower_ == "of"
            and noun.lower_ in SETTLEMENT_NOUNS)


def _after_locative(token: Token) -> bool:
    """``In Kesh, the government ...``, ``drones over Kesh``, ``the road to Dumeni``: a one-word name after
    a locative. The model's PERSON label is overruled only when no person in the text has that surname."""
    doc = token.doc
    prev = doc[token.i - 1] if token.i > 0 else None
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    single = nxt is None or not (nxt.is_title and nxt.pos_ == "PROPN")
    if prev is None or not single:
        return False
    locative = prev.lower_ in LOCATIVES or (
        prev.lower_ == "to" and prev.i > 0 and (doc[prev.i - 1].lower_ in MOTION_BEFORE_TO
                                                or doc[prev.i - 1].lemma_.lower() in MOTION_BEFORE_TO))
    if not locative:
        return False
    if token.ent_type_ == "PERSON":
        return not _is_surname(doc, token.text)
    if token.ent_type_ == "ORG":  # "in Parliament", "into Congress" are bodies; "over Tarsk" is not
        return prev.lower_ not in ("in", "into", "through")
    return token.ent_type_ in ("", "GPE", "LOC", "FAC")


def _is_surname(doc: Doc, word: str) -> bool:
    return any(ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == word for ent in doc.ents)


# ---- uses -------------------------------------------------------------------------------------

def _uses(doc: Doc, states: set[str], places: set[str]) -> list[Hit]:
    """Every use of a learned name (the full republic name, the bare name, its demonym, its dateline)."""
    hits = _republic_hits(doc, states)
    skip = {i for h in hits for i in range(h.start, h.end)}
    stems = {name.rstrip("aeiouy"): name for name in states if " " not in name}
    for token in doc:
        if token.i in skip or not (token.is_title or token.is_upper):
            continue
        text = _title(token.text) if token.is_upper else token.text
        if text in states:
            hits.append(Hit(token.i, token.i + 1, "country", None, None, text))
        elif text in places:
            city = lookup_city(text)
            hits.append(Hit(token.i, token.i + 1, "place", city.country if city else None, None,
                            city.name if city else text))
        else:
            name = _demonym_of(token.text, stems)
            if name is not None:
                hits.append(Hit(token.i, token.i + 1, "demonym", None, None, name, adjective=token.text))
    return hits


def _republic_hits(doc: Doc, states: set[str]) -> list[Hit]:
    hits = []
    for token in doc:
        if token.text not in STATE_WORDS or token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "of":
            continue
        end = token.i + 2
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        short = doc[token.i + 2:end].text
        if short not in states:
            continue
        start = token.i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ != "the" \
                and doc[start - 1].pos_ in ("PROPN", "ADJ"):
            start -= 1
        hits.append(Hit(start, end, "country", None, None, short))
    return hits


def _demonym_of(word: str, stems: dict[str, str]) -> str | None:
    for stem, name in stems.items():
        if word != name and word.startswith(stem) and word.endswith(DEMONYM_SUFFIXES) and len(word) - len(stem) <= 4:
            return name
    return None
