"""Names the knowledge tables do not have, learned from how one document uses them.

An invented or unlisted state ("Karesia") and its towns ("Kesh", "Dumeni") are not in any table, and the
statistical model types them at random (place, person, organisation). The document itself says what they
are, and once it says so every use of the name in that document is read the same way:

- a **state**: ``the Republic of Karesia``; a demonym built on the name elsewhere in the text (``Karesia``
  beside ``the Karesian army``); or a state organ owned by it (``Karesia's foreign ministry``);
- a **place**: a dateline (``KESH, March 3 -``, ``VELL, Karesia, April 7 -``); a settlement noun before it
  (``the northern town of Dumeni``, ``residents of Dumeni``); ``in``/``near`` before a name the model
  left untagged or called a place (``In Kesh, the government ...``);
- a **town that names a local body**: ``the New Milford Police Department``, ``Litchfield Superior
  Court``, ``Danbury police``, ``Beaconsfield Mayor Jane Roe`` (see :func:`institution_towns`). The
  body keeps its own mention; the town is read inside it, and everywhere else the text uses it.

:func:`learned_hits` returns gazetteer-style hits (token offsets) for every use; the gazetteer step adds
them to its table hits, so they beat the model's label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from sitroom.extract.context import doc_text
from sitroom.extract.mentions import Hit
from sitroom.knowledge import (
    lookup_admin,
    lookup_admin_abbreviation,
    lookup_city,
    lookup_country,
    lookup_demonym,
    lookup_known_actor,
)

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
                              "governor", "mayor", "state", "states", "department", "departments",
                              "provinces", "municipality", "municipalities", "towns", "cities", "villages",
                              "territory", "commune", "hamlet", "township", "chiefdom"})
"""``the town of X``, ``residents of X``: the X after ``of`` is a place."""
OFFICE_NOUNS = frozenset({"governor", "mayor"})
"""Settlement nouns that name an office: ``the governor of X`` is a place's, ``the governor, X`` a person."""
LOCATIVES = frozenset({"in", "near", "outside", "around", "over", "into", "towards", "toward", "across",
                       "through"})
MOTION_BEFORE_TO = frozenset({"road", "route", "way", "trip", "flight", "flights", "travel", "return", "go",
                              "fly", "head", "move", "retreat", "flee", "march", "drive", "ship", "send", "transport"})
"""``the road to Dumeni``, ``travel to Kesh``: ``to`` is a locative only after these (not ``spoke to X``)."""
_DATELINE = re.compile(r"(?:^|\n)[ \t]*([A-Z][A-Z\-' ]{2,30}[A-Z])(?:,( [A-Z][a-z]+,)? | ?\(| +(?:\u2014|\u2013|--?) )")
"""``KESH, March 3 -``, ``VELL, Karesia, April 7 -``, ``KESH (Reuters)``, ``KESH — ``: a line that
starts with a name in capitals and a comma, a bracketed outlet or a dash."""
_DASH_DATELINE = re.compile(r"[.!?]\s+([A-Z][A-Z\-']{2,30}[A-Z]) +(?:\u2014|\u2013|--?) (?=[A-Z])")
"""``... of the headline. KESH — A court ...``: a dateline run into its headline (the dash form only:
a capitalised word then a comma is too often an acronym)."""
_BARE_DATELINE = re.compile(r"^\s*([A-Z]{4,}(?: [A-Z]{4,})?) (?=[A-Z][a-z])")
"""``VELL President Anton Brask said``: the text's first words in capitals, punctuation lost; only
believed for a populated place the geo index knows."""
_NAME = r"[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){0,3}"
_HIERARCHY = re.compile(rf"\b(?P<x>{_NAME}) \((?P<a>{_NAME}), (?P<b>{_NAME})\)")
"""``Dumeni (Vell, Tarsk Province)``: a place with the two units it lies in, in brackets, as conflict
event notes write it; all three are places. A single bracketed name is an acronym or an outlet."""
SETTLEMENT_LOCATIVES = frozenset({"from", "at"})
"""Prepositions that make a following name a place only when the geo index knows a town of that
name (``born in Churchill``, ``flown from Churchill``): alone they precede people (``a letter from
Brask``)."""
INSTITUTION_WORDS = frozenset({"Parliament", "Congress", "Senate", "Court", "Government", "Church",
                               "University", "Council", "Assembly", "Cabinet", "Office", "Police"})


def learned_hits(doc: Doc) -> list[Hit]:
    """Country and place hits for every use of a name this document teaches (see module docstring)."""
    states = _state_names(doc)
    spans = _hierarchy_spans(doc) + _dateline_spans(doc)
    placed = _towns_with_country(doc, states)
    places = {name for name in _place_names(doc) if name not in states} | (set(placed) - states)
    text = doc_text(doc)
    places |= {_title(t) if t.isupper() else t for t in (text[s:e] for s, e in spans) if " " not in t} - states
    hits = _uses(doc, states, places, placed)
    towns = [hit for hit in institution_town_hits(doc) if hit.canonical not in states]
    return hits + _span_hits(doc, spans) + _abbreviation_hits(doc) + towns


_TOWN_COUNTRY = re.compile(r"(?<![\w'])([A-Z][a-z][\w'\u2019-]*), ((?:[A-Z][\w'\u2019-]*)(?: [A-Z][\w'\u2019-]*){0,3})"
                           r"(?=[.;:]|,? (?:\u2014|\u2013|--?) |\n|$)")
"""``Djibo, Burkina Faso.``, ``2 October 2022 - Dumeni, Karesia.``, ``of Hugo, Oklahoma;``: a one-word name
and a state (or a province the tables know), the clause ending there, as incident notes, datelines and
notices place a town."""


def _towns_with_country(doc: Doc, states: set[str]) -> dict[str, str | None]:
    """Town name -> its state's code (None for a learned state) for every ``Town, State.`` of the text.
    The town must be unknown to the actor and country tables and not a person's name in the text."""
    persons = {t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
    found: dict[str, str | None] = {}
    for match in _TOWN_COUNTRY.finditer(doc_text(doc)):
        town, state = match.group(1), match.group(2)
        country = lookup_country(state)
        admin = lookup_admin(state) if country is None else None
        if country is None and admin is None and state not in states:
            continue
        if town in persons or lookup_country(town) or lookup_known_actor(town) or lookup_demonym(town):
            continue
        if admin is not None and not _populated(town):
            continue  # "Leonard of Ada, Oklahoma": a state or province only vouches for a town the geo index has
        found[town] = country.alpha3 if country is not None else admin.country if admin is not None else None
    return found


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


def _republic_spans(doc: Doc) -> Iterator[tuple[Token, int, str]]:
    """``the Republic of Karesia``: (the state word, the end of the name, ``Karesia``)."""
    for token in doc:
        if token.text not in STATE_WORDS or token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "of":
            continue
        end = token.i + 2
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        yield token, end, doc[token.i + 2:end].text


def _republic_names(doc: Doc) -> Iterable[str]:
    """``the Republic of Karesia`` -> ``Karesia`` (only names the tables do not know)."""
    for token, end, short in _republic_spans(doc):
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
    names = {_title(m.group(1)) for m in _DATELINE.finditer(doc_text(doc))
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
    if token.dep_ == "appos" and token.head.i < token.i and token.head.lower_ in SETTLEMENT_NOUNS:
        return token.head.lower_ not in OFFICE_NOUNS  # "the capital, Kesh"; not "the governor, Ana Guerrero"
    first = token
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # "the states of Colima or Guerrero": the list's first item carries the noun
    if first is not token and first.pos_ == "PROPN":
        token = first
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
    listed = _listed_after(token)
    if listed is not None and listed.ent_type_ in ("GPE", "LOC", "FAC", "ORG", ""):
        prev = doc[listed.i - 1]  # "near Sake and Minova": the list's first item carries the locative
    if prev.lower_ in SETTLEMENT_LOCATIVES:
        return token.ent_type_ != "PERSON" and _populated(token.text) or (
            token.ent_type_ == "PERSON" and _populated(token.text) and not _is_surname(doc, token.text))
    locative = prev.lower_ in LOCATIVES or (
        prev.lower_ == "to" and prev.i > 0 and (doc[prev.i - 1].lower_ in MOTION_BEFORE_TO
                                                or doc[prev.i - 1].lemma_.lower() in MOTION_BEFORE_TO))
    if not locative:
        return False
    if token.ent_type_ == "PERSON":
        return not _is_surname(doc, token.text)
    if token.ent_type_ == "ORG":  # "in Parliament", "into Congress" are bodies; "over Tarsk" is not
        return prev.lower_ not in ("in", "into", "through") or _populated(token.text)
    return token.ent_type_ in ("", "GPE", "LOC", "FAC")


def _listed_after(token: Token) -> Token | None:
    """The first item of a two-name list ending in ``token`` (``Sake and Minova``), or None."""
    doc = token.doc
    if token.i < 3 or doc[token.i - 1].lower_ not in ("and", "or"):
        return None
    first = doc[token.i - 2]
    if not (first.is_title and first.pos_ == "PROPN") or (token.dep_ == "conj" and token.head.i != first.i):
        return None
    return first


def _populated(name: str) -> bool:
    """True when the geo index has a town of that name (``Churchill``, ``Djibo``), and the name is
    not an institution's (``Parliament``)."""
    from sitroom.resolve.geo_index import geo_index

    if name in INSTITUTION_WORDS:
        return False
    return any(p.feature == "city" for p in geo_index().lookup(name))


def _is_surname(doc: Doc, word: str) -> bool:
    return any(ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == word for ent in doc.ents)


# ---- uses -------------------------------------------------------------------------------------

def _uses(doc: Doc, states: set[str], places: set[str], placed: dict[str, str | None] | None = None) -> list[Hit]:
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
            country = (placed or {}).get(text) or (city.country if city else None)
            hits.append(Hit(token.i, token.i + 1, "place", country, None, city.name if city else text))
        else:
            name = _demonym_of(token.text, stems)
            if name is not None:
                hits.append(Hit(token.i, token.i + 1, "demonym", None, None, name, adjective=token.text))
    return hits


def _republic_hits(doc: Doc, states: set[str]) -> list[Hit]:
    hits = []
    for token, end, short in _republic_spans(doc):
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


# ---- places written as spans: bracket hierarchies, datelines, state abbreviations -----------------

def _hierarchy_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of ``X``, ``A`` and ``B`` in every ``X (A, B)`` of the text."""
    spans = []
    for found in _HIERARCHY.finditer(doc_text(doc)):
        names = [found.group(g) for g in ("x", "a", "b")]
        if any(name.isupper() or not _unknown_or_place(name) for name in names):
            continue  # "(ISGS, JNIM)", "(Volkov Group, Reuters)": actors, not places
        spans += [found.span(g) for g in ("x", "a", "b")]
    return spans


def _unknown_or_place(name: str) -> bool:
    return lookup_known_actor(name) is None and lookup_country(name) is None or lookup_city(name) is not None


def _dateline_spans(doc: Doc) -> list[tuple[int, int]]:
    """The place of a dateline, whether or not the tables know it (see :data:`_DATELINE`)."""
    spans = []
    for pattern in (_DATELINE, _DASH_DATELINE):
        for found in pattern.finditer(doc_text(doc)):
            if _dateline_name(_title(found.group(1))):
                spans.append(found.span(1))
    bare = _BARE_DATELINE.match(doc_text(doc))
    if bare and _populated(_title(bare.group(1))):
        spans.append(bare.span(1))
    return spans


def _dateline_name(name: str) -> bool:
    """A dateline names a town; not a known actor, country or demonym written in capitals."""
    return _unknown(name) or lookup_city(name) is not None or _populated(name)


def _span_hits(doc: Doc, spans: list[tuple[int, int]]) -> list[Hit]:
    hits = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        text = _title(span.text) if span.text.isupper() else span.text
        city = lookup_city(text)
        hits.append(Hit(span.start, span.end, "place", city.country if city else None, None,
                        city.name if city else text))
    return hits


def _abbreviation_hits(doc: Doc) -> list[Hit]:
    """``Gatineau, Que.``, ``VELL, Ky.``: a state or province abbreviation right after ``Town,``."""
    hits = []
    for token in doc:
        if token.i < 2 or doc[token.i - 1].text != "," or not (doc[token.i - 2].is_title or doc[token.i - 2].is_upper):
            continue
        end = token.i + 1
        if end < len(doc) and doc[end].text == "." and not token.whitespace_:
            end += 1
        if not token.text[:1].isupper():
            continue
        admin = lookup_admin_abbreviation(doc[token.i:end].text)
        if admin is not None:
            hits.append(Hit(token.i, end, "place", admin.country, None, admin.name))
    return hits


# ---- towns that name a local body: "New Milford Police Department", "Danbury police" -----------

LOCAL_BODY_HEADS = frozenset({"police", "sheriff", "sheriff's", "sheriff\u2019s", "superior", "municipal",
                              "council", "fire", "opp", "rcmp", "constabulary", "magistrates",
                              "magistrate's", "selectmen", "aldermen", "city", "town", "village", "borough",
                              "township", "crown"})
"""First words of a local body after its town's name (``New Milford Police Department``, ``Litchfield
Superior Court``, ``Brant OPP``, ``Enfield Council``, ``Dover City Council``). Person titles
(``Beaconsfield Mayor``) are left out: with them a held-out gold article gained a wrong relation, and
the relations step reads "X Mayor Y" itself."""
BODY_AFTER_CITY = frozenset({"council", "hall", "police", "mayor", "manager", "attorney", "councillor",
                             "councilor", "clerk", "court", "commission"})
"""After ``City``/``Town``/``Village``/``Borough``/``Township`` the next word must make a body (``Dover City
Council``), or ``Karesia City`` is only a longer town name."""
LOWERCASE_HEADS = frozenset({"police", "sheriff's", "sheriff\u2019s", "council", "firefighters",
                             "councillors", "councilors", "constabulary"})
"""Written in lower case after the town (``Danbury police``): only these; ``Karesia officials`` may be a state's."""
NOT_TOWN_WORDS = frozenset({
    "federal", "national", "state", "military", "border", "capitol", "metropolitan", "royal", "provincial",
    "regional", "transit", "secret", "tribal", "university", "campus", "port", "airport", "traffic", "highway",
    "judicial", "supreme", "high", "security", "mounted", "county", "district", "deputy", "former", "acting",
    "interim", "the", "city", "town", "village", "local", "central", "general", "special", "international",
    "new", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "auxiliary", "riot",
    "religious", "morality", "tourist", "tourism", "railway", "railroad", "park", "parks", "housing", "school",
    "european", "african", "arab", "world", "global", "islamic", "catholic", "civil", "criminal",
    "family", "juvenile", "appeals", "appellate", "circuit", "crown", "magistrates", "superior", "police", "fire",
    "mr", "mrs", "ms", "dr", "senior", "chief", "assistant", "vice", "lord", "lady", "sir",
})
"""Words that qualify a body rather than name its town (``Federal Police``, ``Capitol Police``,
``Deputy Mayor``, ``Circuit Court``): a town name made only of these is not a town."""
ADMIN_TAILS = frozenset({"County", "Parish", "Borough", "Township"})
"""``Metcalfe County Sheriff's Office``: a town name ending in these is a place whatever the geo index
says (``Karesia County`` is still a county)."""


def institution_towns(doc: Doc) -> dict[tuple[str, ...], str]:
    """Town names (as word tuples) that open the name of a local body, mapped to their text."""
    found: dict[tuple[str, ...], str] = {}
    i = 0
    while i < len(doc):
        end = i
        while end < len(doc) and _name_word(doc[end]):
            end += 1
        if end > i:
            town = _town_before_body(doc, i, end)
            if town is not None:
                words = tuple(t.text for t in doc[town[0]:town[1]])
                found.setdefault(words, doc[town[0]:town[1]].text)
        i = max(end, i + 1)
    return found


def _name_word(token: Token) -> bool:
    return (token.is_title or token.is_upper and len(token.text) > 1) and token.pos_ in ("PROPN", "NOUN", "ADJ") \
        or token.text in ("St.", "Ste.", "Mt.", "Ft.") or token.text in ("'s", "\u2019s") and token.i > 0 \
        and token.doc[token.i - 1].lower_ == "sheriff"


def _town_before_body(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The town part of the capitalised run ``start:end`` when a local-body word follows it (inside the
    run, or in lower case right after it), else None."""
    for k in range(start + 1, end + 1):
        word = doc[k] if k < len(doc) else None
        if word is None:
            return None
        if k == end and word.lower_ not in LOWERCASE_HEADS:
            return None
        if word.lower_ in LOCAL_BODY_HEADS and (k == end or _body_head(doc, k, end)):
            return (start, k) if _plausible_town(doc, start, k) else None
    return None


def _body_head(doc: Doc, k: int, end: int) -> bool:
    """``City``/``Town`` only make a body with a body word after them (``Dover City Council``), and
    ``Crown`` only before ``Court``."""
    if doc[k].lower_ == "crown":
        return k + 1 < end and doc[k + 1].lower_ == "court"  # "Wood Green Crown Court"
    if doc[k].lower_ not in ("city", "town", "village", "borough", "township"):
        return True
    return k + 1 < end and doc[k + 1].lower_ in BODY_AFTER_CITY


def _plausible_town(doc: Doc, start: int, end: int) -> bool:
    """A run of proper nouns that is not only qualifier words, not a country, demonym, known actor or
    person in the text, and that the geo index knows as a place (or that ends in ``County``)."""
    span = doc[start:end]
    words = [t.text for t in span]
    if all(w.lower().rstrip(".") in NOT_TOWN_WORDS for w in words) or words[0].lower() in ("the", "a", "an"):
        return False
    text = span.text
    if lookup_country(text) or lookup_demonym(text) or lookup_known_actor(text) or _is_surname(doc, text):
        return False
    if _person_inside(doc, start, end):
        return False
    return words[-1] in ADMIN_TAILS and len(words) > 1 or _known_place(text)


def _person_inside(doc: Doc, start: int, end: int) -> bool:
    """A PERSON entity of the model covering the run's words (``John Smith Police Department`` is rare;
    ``Officer Jane Roe`` before ``police`` is common)."""
    return any(ent.label_ == "PERSON" and ent.start < end and start < ent.end and len(ent) > 1
               for ent in doc.ents)


def _known_place(name: str) -> bool:
    """A populated place or an admin unit of that name in the geo index, or in the knowledge tables."""
    from sitroom.resolve.geo_index import geo_index

    if name in INSTITUTION_WORDS:
        return False
    if lookup_city(name) or lookup_admin(name):
        return True
    return any(p.feature in ("city", "admin1", "admin2") for p in geo_index().lookup(name))


def institution_town_hits(doc: Doc) -> list[Hit]:
    """A place hit for every use of a town learned by :func:`institution_towns`, in any case."""
    towns = institution_towns(doc)
    if not towns:
        return []
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in towns:
        by_first.setdefault(words[0].lower(), []).append(words)
    hits = []
    for token in doc:
        for words in by_first.get(token.lower_, ()):
            end = token.i + len(words)
            found = doc[token.i:end]
            if end <= len(doc) and [t.lower_ for t in found] == [w.lower() for w in words] \
                    and (found[0].is_title or found[0].is_upper):
                city = lookup_city(towns[words])
                hits.append(Hit(token.i, end, "place", city.country if city else None, None,
                                city.name if city else towns[words]))
    return hits
