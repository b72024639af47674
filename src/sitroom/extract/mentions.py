"""Mention rules: turn gazetteer hits and the parse into typed mention candidates.

The gazetteer step (:mod:`sitroom.extract.gazetteer`) finds known names with a PhraseMatcher and
hands them here as :class:`Hit` objects; the functions below read the dependency parse around
them and around the model's entities:

- descriptions headed by an actor noun and owned by a country or actor (``Russian military
  representatives``, ``Mali's ruling military junta``, ``the government of Mali``) become
  ``is_name=False`` mentions with the owner's country and a sector read from the words
  (:func:`sitroom.knowledge.sector_for_phrase`);
- persons get a role, country and sector from a title before the name (``Kremlin spokesman``,
  ``Russian President``) or in apposition (``Marten, an expert at ...``); the span stays the name;
- unnamed collectives (``demonstrators``, ``Islamic rebels``, ``the junta``) become group or
  organisation descriptions.

A state organ described through a country (``Russian troops``, ``Mali's army``) gets the
canonical name ``<demonym> <organ>`` (``Russian military``), not ``Russia``: the resolver can then
merge ``Russian troops`` with ``Russian forces`` without merging either with the country.

Bare demonyms that modify anything else (``Russian law``, ``Russian flags``) give no mention: an
adjective is a reference to a country only through the actor noun it describes.

:class:`ModelMentionStep` (the model's entities, untyped) stays as the fallback step.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from sitroom.extract.context import Context
from sitroom.knowledge import (
    Role,
    demonym_for,
    role_for_title,
    sector_for_phrase,
    sector_for_word,
    title_at_end,
)
from sitroom.knowledge.lexicon import FORMER_WORDS, SECTOR_WORDS
from sitroom.records import Mention

LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organization",
    "NORP": "group",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}

ORGAN_NAMES = {"GOV": "government", "MIL": "military", "COP": "police", "LEG": "parliament",
               "JUD": "judiciary", "SPY": "intelligence"}
"""Canonical names for a state's organs: ``Russian troops`` and ``Russian forces`` are both the
``Russian military`` (canonical), so the resolver can cluster them apart from Russia itself."""

POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
NOUNS = frozenset({"NOUN", "PROPN"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
DESCRIPTION_WALK = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB"})
"""Parts of speech a left walk may cross inside a description (``ruling`` is tagged VERB)."""


@dataclass
class Hit:
    """A gazetteer match or a derived owner of descriptions; token offsets into the Doc."""

    start: int
    end: int
    kind: str
    """``country``, ``organization``, ``place``, or ``demonym``/``prefix`` (adjectival forms)."""
    country: str | None = None
    sector: str | None = None
    canonical: str | None = None
    adjective: str | None = None
    """For demonyms: the form as written (``Russian``), used in canonical organ names."""


@dataclass
class Candidate:
    """A mention before overlap resolution; token offsets, converted to characters at the end."""

    start: int
    end: int
    kind: str
    label: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    canonical: str | None = None
    is_name: bool = True
    priority: int = 0
    """Wins ties between candidates over the same span (gazetteer 5, model 4, rules 2)."""
    inside_name: bool = False
    """True for gazetteer countries and places, which may lie inside an organisation's name."""


def description_words(doc: Doc, start: int, head: Token) -> list[str]:
    return [t.text for t in doc[start : head.i + 1] if not t.is_punct and t.text not in POSSESSIVE]


def owner_canonical(owner: Hit, sector: str | None) -> str | None:
    """``Russian military`` for a demonym-owned organ; ``None`` for other descriptions."""
    organ = ORGAN_NAMES.get(sector or "")
    if organ is None or owner.kind not in ("country", "demonym"):
        return None
    name = owner.adjective or (demonym_for(owner.country) if owner.country else None) or owner.canonical
    if name is None:
        return None
    return f"{name} {organ}"


def owned_description(doc: Doc, owner: Hit, head: Token, start: int, end: int) -> Candidate | None:
    """A description headed by ``head`` and owned by ``owner`` (country, actor or demonym).

    The words between ``start`` and the head decide the sector; a title head (``President``)
    makes a person description instead.
    """
    words = description_words(doc, owner.end, head)
    if not words:
        return None
    found = title_at_end(words)
    if found is not None and head.lower_ not in SECTOR_WORDS:
        if head.i + 1 < len(doc) and in_person(doc[head.i + 1]):
            return None  # "Russian President Vladimir Putin": the person carries the title
        role = found[0]
        sector = role.sector or (owner.sector if owner.kind == "organization" else "GOV")
        return Candidate(start, end, "person", "DESC", owner.country, sector, role.role,
                         None, is_name=False, priority=2)
    cue = sector_for_phrase(words)
    if cue is None:
        return None
    return Candidate(start, end, cue.kind, "DESC", owner.country, cue.sector, None,
                     owner_canonical(owner, cue.sector), is_name=False, priority=2)


def modified_head(token: Token) -> Token | None:
    """The noun a modifier (adjective, compound, possessor) describes, when it comes after it."""
    head = token.head
    if token.dep_ not in MODIFIER_DEPS | {"poss"} or head.i <= token.i or head.pos_ not in NOUNS:
        return None
    return head


def in_person(token: Token) -> bool:
    return token.ent_type_ == "PERSON"


def demonym_description(doc: Doc, hit: Hit) -> Candidate | None:
    """``Russian military representatives`` -> organization RUS MIL (span from the demonym)."""
    last = doc[hit.end - 1]
    head = modified_head(last)
    if head is None:
        return plural_people(doc, hit)
    if in_person(head) or any(in_person(t) for t in doc[hit.end : head.i]):
        return None  # "Russian President Vladimir Putin": the person rule reads the title
    return owned_description(doc, hit, head, hit.start, head.i + 1)


def plural_people(doc: Doc, hit: Hit) -> Candidate | None:
    """``Malians`` (a plural demonym heading its phrase) -> group with the country. Counted ones
    (``two Colombians``, ``dozens of Britons``) are those people, civilians until told otherwise,
    never the state: the span then starts at the count."""
    last = doc[hit.end - 1]
    if last.tag_ not in ("NNS", "NNPS") or last.dep_ in MODIFIER_DEPS:
        return None
    count = counted_from(last)
    if count is not None:
        return Candidate(min(count, hit.start), hit.end, "group", "DESC", hit.country, "CVL", None, None,
                         is_name=False, priority=2)
    return Candidate(hit.start, hit.end, "group", "DESC", hit.country, None, None, None,
                     is_name=False, priority=2)


COUNT_WORDS = {"many", "several", "some", "few", "dozens", "hundreds", "thousands", "scores", "two", "three",
               "four", "five", "six", "seven", "eight", "nine", "ten", "numerous"}


def counted_from(noun: Token) -> int | None:
    """Token index where a count of ``noun`` starts: "two Colombians" (nummod), "many Britons"
    (amod), "dozens of Colombians" (the count heads the phrase)."""
    for child in noun.children:
        if child.i < noun.i and (child.dep_ == "nummod" or (child.dep_ in ("amod", "det") and child.lower_ in COUNT_WORDS)):
            return child.i
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in COUNT_WORDS | {"dozen", "hundred", "thousand"}:
        return head.head.i
    return None


def possessive_description(doc: Doc, hit: Hit) -> Candidate | None:
    """``Mali's ruling military junta`` -> organization MLI GOV covering the whole phrase."""
    if hit.end >= len(doc) or doc[hit.end].text not in POSSESSIVE:
        return None
    head = modified_head(doc[hit.end - 1])
    if head is None or in_person(head):
        return None
    return owned_description(doc, hit, head, hit.start, head.i + 1)


def postmodifier_description(doc: Doc, hit: Hit) -> Candidate | None:
    """``the government of Mali``, ``a spokesman for the Kremlin`` -> description ending at the owner."""
    root = doc[hit.start : hit.end].root  # "the Republic of Karesia": "Republic", not "Karesia"
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("of", "for") or prep.dep_ != "prep":
        return None
    head = prep.head
    if head.pos_ not in NOUNS or head.i >= prep.i or in_person(head) or head.ent_type_:
        return None
    start = left_edge(doc, head)
    words = description_words(doc, start, head)
    cue = sector_for_phrase(words)
    found = title_at_end(words)
    if cue is None and found is None:
        return None
    if found is not None:
        role = found[0]
        sector = role.sector or (hit.sector if hit.kind == "organization" else "GOV")
        if any(w.lower() in FORMER_WORDS for w in words):
            sector = "ELI"
        return Candidate(start, hit.end, "person", "DESC", hit.country, sector, role.role,
                         is_name=False, priority=2)
    assert cue is not None
    return Candidate(start, hit.end, cue.kind, "DESC", hit.country, cue.sector, None,
                     owner_canonical(hit, cue.sector), is_name=False, priority=2)


TOWN_BODIES = {"police": "COP", "sheriff's": "COP", "sheriff\u2019s": "COP", "constabulary": "COP",
               "council": "GOV"}
"""Lower-case words that make a town's local body right after its name (``Danbury police``)."""


def town_body(doc: Doc, hit: Hit) -> Candidate | None:
    """``Danbury police``, ``Winnipeg police``: a place followed by a lower-case body word is that town's
    body, one organisation named by both words; the town keeps its own mention inside it (the
    gazetteer's :func:`~sitroom.extract.gazetteer.conflicts` lets a place nest in an organisation's name)."""
    if hit.kind != "place" or hit.end >= len(doc):
        return None
    word = doc[hit.end]
    sector = TOWN_BODIES.get(word.lower_)
    if sector is None or not word.is_lower:
        return None
    end = hit.end + 1
    if word.lower_ in ("sheriff's", "sheriff\u2019s") and end < len(doc) and doc[end].lower_ in ("office", "department"):
        end += 1
    return Candidate(hit.start, end, "organization", "ORG", hit.country, sector, priority=3)


def left_edge(doc: Doc, head: Token) -> int:
    """First token of the modifiers before ``head`` (determiners and numbers left out)."""
    start = head.i
    while start > 0:
        prev = doc[start - 1]
        attached = prev.i < prev.head.i <= head.i and prev.dep_ in MODIFIER_DEPS
        if not attached or prev.pos_ not in DESCRIPTION_WALK or prev.like_num:
            break
        start -= 1
    return start


def collective_description(doc: Doc, token: Token) -> Candidate | None:
    """Unowned actors: ``demonstrators``, ``Islamic rebels``, ``armed groups``, ``the junta``.

    Kept only when the words give a sector and the phrase is a real actor reference: a strong
    group noun (``rebels``), a definite strong organ (``the junta``), or a weak head whose
    modifier sets the sector (``rebel forces``); bare ``troops`` or ``the group`` are left alone.
    """
    head_cue = sector_for_word(token.lower_)
    if head_cue is None or token.pos_ != "NOUN" or token.ent_type_ not in ("", "NORP") \
            or token.dep_ in MODIFIER_DEPS:
        return None
    start = left_edge(doc, token)
    cue = sector_for_phrase(description_words(doc, start, token))
    if cue is None or cue.sector is None:
        return None
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    from_modifier = cue.sector != head_cue.sector
    keep = (head_cue.kind == "group" and head_cue.strong) or from_modifier or (definite and head_cue.strong)
    if not keep:
        return None
    if named_group(doc, start, token) and cue.sector in NAMED_GROUP_SECTORS:
        # "the Cuervo gang", "the Tarsk militia": one named organisation, not a collective
        return Candidate(start, token.i + 1, "organization", "ORG", None, cue.sector, None, None,
                         is_name=True, priority=1)
    return Candidate(start, token.i + 1, cue.kind, "DESC", None, cue.sector, None, None,
                     is_name=False, priority=1)


NAMED_GROUP_SECTORS = frozenset({"CRM", "REB", "PRM"})
"""Sectors of collective nouns that a proper-noun modifier turns into a named organisation."""


def named_group(doc: Doc, start: int, head: Token) -> bool:
    """``the Cuervo gang``: a singular group noun right after a capitalised proper noun that is no
    country, demonym or known actor (``the Karesian rebels`` stay a collective)."""
    if head.tag_ not in ("NN", "NNP") or head.i == start:
        return False
    name = doc[head.i - 1]
    return name.pos_ == "PROPN" and name.is_title and name.ent_type_ not in ("NORP", "GPE") \
        and demonym_for_word(name.text) is None


def demonym_for_word(word: str) -> str | None:
    from sitroom.knowledge import lookup_country, lookup_demonym

    found = lookup_demonym(word)
    if found is not None:
        return found.country.alpha3
    country = lookup_country(word)
    return country.alpha3 if country is not None else None


@dataclass(frozen=True)
class PersonInfo:
    role: str | None = None
    country: str | None = None
    sector: str | None = None


def title_before(doc: Doc, start: int, owners: dict[int, Hit]) -> tuple[PersonInfo, int] | None:
    """Title words right before a name: ``Kremlin spokesman``, ``Mali Prime Minister``.

    Returns the person info and the first token of the title phrase (owner included).
    """
    first = start
    while first > 0 and start - first < 6:
        prev = doc[first - 1]
        if prev.is_punct or prev.pos_ not in DESCRIPTION_WALK | {"PART"} or in_person(prev):
            break
        first -= 1
    words = [t.text for t in doc[first:start]]
    found = title_at_end(words)
    if found is None:
        return None
    role, size = found
    title_start = start - size
    owner_end = title_start - (1 if title_start > 0 and doc[title_start - 1].text in POSSESSIVE else 0)
    owner = owners.get(owner_end - 1)
    former = title_start > 0 and doc[title_start - 1].lower_ in FORMER_WORDS
    return person_info(role, owner, former), (owner.start if owner else title_start)


def person_info(role: Role, owner: Hit | None, former: bool = False) -> PersonInfo:
    """Role and sector of a person; the sector falls back on the owner's (``Kremlin`` -> GOV)."""
    sector = role.sector
    country = owner.country if owner else None
    if sector is None and owner is not None:
        sector = owner.sector if owner.kind == "organization" else "GOV"
    if former:
        sector = "ELI"
    return PersonInfo(role.role, country, sector)


def title_in_apposition(doc: Doc, name: Span, owners: dict[int, Hit]) -> PersonInfo | None:
    """``A spokesman for the Kremlin, Dimitry Peskov`` / ``Marten, an expert at Columbia University``."""
    root = name.root
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += [c for c in root.children if c.dep_ == "appos"]
    for noun in nouns:
        if noun.pos_ != "NOUN":
            continue
        before = noun.doc[noun.i - 1].lower_ if noun.i > 0 else ""
        role = role_for_title(noun.lower_) or role_for_title(f"{before} {noun.lower_}")
        if role is None:
            continue
        return person_info(role, prepositional_owner(noun, owners) or modifier_owner(noun, owners))
    return None


def modifier_owner(noun: Token, owners: dict[int, Hit]) -> Hit | None:
    """The country or actor modifying a title noun: ``A UN envoy``, ``the Kremlin's spokesman``."""
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i in owners:
            return owners[child.i]
    return None


def prepositional_owner(noun: Token, owners: dict[int, Hit]) -> Hit | None:
    """The country or actor after ``for``/``of``/``at``/``from`` attached to ``noun``."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at", "from"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.i in owners:
                    return owners[obj.i]
    return None


def person_candidate(doc: Doc, name: Span, owners: dict[int, Hit]) -> Candidate:
    """A PERSON entity with its role, country and sector; the span is the name without title."""
    start = name.start
    # the model sometimes puts the title inside the entity ("General Anton Brask")
    for size in range(min(3, len(name) - 1), 0, -1):
        if role_for_title(" ".join(t.text for t in name[:size])) is not None:
            start = name.start + size
            break
    found = title_before(doc, start, owners)
    info = found[0] if found else title_in_apposition(doc, doc[start : name.end], owners)
    info = info or PersonInfo()
    if info.country is None:
        owner = prepositional_owner(doc[name.end - 1], owners)
        if owner is not None:
            # "the president of Karesia" governs; "Jane Roe, 49, of Waterloo" only lives there
            sector = info.sector or (None if owner.kind == "place" else "GOV")
            info = replace(info, country=owner.country, sector=sector)
    return Candidate(start, name.end, "person", "PERSON", info.country, info.sector, info.role,
                     None, is_name=True, priority=4)


def descriptor_before(doc: Doc, start: int, owners: dict[int, Hit]) -> Candidate | None:
    """Typing from a description right before a name: ``Russian gold company Nordgold`` -> BUS RUS."""
    head = doc[start - 1] if start > 0 else None
    if head is None or head.pos_ != "NOUN" or sector_for_word(head.lower_) is None:
        return None
    first = left_edge(doc, head)
    cue = sector_for_phrase(description_words(doc, first, head))
    owner = next((owners[i] for i in range(first, head.i) if i in owners), None)
    return Candidate(start, start, cue.kind if cue else "organization", "DESC",
                     owner.country if owner else None, cue.sector if cue else None)


def apposition_descriptor(name: Span, owners: dict[int, Hit]) -> Candidate | None:
    """``the Volkov Group, a private military company`` -> sector PMC from the apposition."""
    doc = name.doc
    for noun in name.root.children:
        if noun.dep_ != "appos" or noun.pos_ != "NOUN" or sector_for_word(noun.lower_) is None:
            continue
        first = left_edge(doc, noun)
        cue = sector_for_phrase(description_words(doc, first, noun))
        owner = next((owners[i] for i in range(first, noun.i) if i in owners), None)
        return Candidate(name.start, name.end, "organization", "DESC",
                         owner.country if owner else None, cue.sector if cue else None)
    return None


def owners_inside(span: Span, owners: dict[int, Hit]) -> Iterator[Hit]:
    for i in range(span.start, span.end):
        if i in owners:
            yield owners[i]


class ModelMentionStep:
    """The statistical model's named entities mapped to sitroom kinds, without any gazetteer."""

    name = "mentions-model"
    version = "0"

    def __call__(self, ctx: Context) -> None:
        for ent in ctx.doc.ents:
            kind = LABEL_KIND.get(ent.label_)
            if kind is None:
                continue
            ctx.mentions.append(
                Mention(
                    start=ent.start_char,
                    end=ent.end_char,
                    text=ent.text,
                    kind=kind,
                    label=ent.label_,
                    sentence=ctx.sentence_index(ent.start_char),
                    extractor=f"{self.name}/{self.version}",
                )
            )
