"""Map actor tokens to entity ids, and find an event's place.

A token stands for the noun phrase it heads (without coordinated, relative or appositive parts);
the entity is the one of the longest resolved mention overlapping that phrase, so "Mali's ruling
military junta" gives the junta's entity when the mention step found it, and Mali's otherwise.
Place entities are never actors: "shelled the town of Vell" makes Vell the place.

Two fallbacks, both marked in the entity's ``extractor`` so they can be told apart:

* pronouns the resolver left unlinked ("it sent its minister") take the nearest preceding mention
  of a compatible kind in the same or the previous sentence;
* common-noun actors with no mention ("unknown gunmen", "protesters", "soldiers") become
  entities of kind group/organization with a sector from :data:`ACTOR_NOUNS` (ACLED-style
  reporting names most actors this way, and an event without actors is of little use).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitroom.extract.context import Context
from sitroom.records import Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

ACTOR_KINDS = {"person", "organization", "country", "group", "other"}
PLACE_KINDS = {"place"}
PHRASE_EXCLUDED = {"conj", "cc", "relcl", "acl", "appos", "punct", "prep", "advcl", "parataxis"}
PRONOUN_KINDS = {
    "he": {"person"}, "him": {"person"}, "she": {"person"}, "her": {"person"},
    "it": {"country", "organization"}, "its": {"country", "organization"},
    "they": {"group", "organization", "country"}, "them": {"group", "organization", "country"},
    "their": {"group", "organization", "country"},
}
ACTOR_NOUNS: dict[str, tuple[str, str]] = {
    # noun lemma -> (sector, kind); sectors per conventions.md
    "gunman": ("UAF", "group"), "assailant": ("UAF", "group"), "attacker": ("UAF", "group"),
    "militant": ("REB", "group"), "jihadist": ("REB", "group"), "insurgent": ("REB", "group"),
    "rebel": ("REB", "group"), "terrorist": ("REB", "group"), "islamist": ("REB", "group"),
    "extremist": ("REB", "group"),
    "soldier": ("MIL", "organization"), "troop": ("MIL", "organization"), "army": ("MIL", "organization"),
    "military": ("MIL", "organization"), "gendarme": ("MIL", "organization"),
    "serviceman": ("MIL", "organization"),
    "police": ("COP", "organization"), "policeman": ("COP", "organization"),
    "policemen": ("COP", "organization"), "policewoman": ("COP", "organization"),
    "civilian": ("CVL", "group"), "villager": ("CVL", "group"), "resident": ("CVL", "group"),
    "inhabitant": ("CVL", "group"), "people": ("CVL", "group"), "youth": ("CVL", "group"),
    "protester": ("CVL", "group"), "protestor": ("CVL", "group"), "demonstrator": ("CVL", "group"),
    "rioter": ("CVL", "group"), "mob": ("CVL", "group"), "crowd": ("CVL", "group"),
    "woman": ("CVL", "group"), "child": ("CVL", "group"), "passenger": ("CVL", "group"),
    "farmer": ("AGR", "group"), "herder": ("AGR", "group"), "pastoralist": ("AGR", "group"),
    "worker": ("LAB", "group"), "student": ("EDU", "group"), "teacher": ("EDU", "group"),
    "trader": ("BUS", "group"), "merchant": ("BUS", "group"), "driver": ("CVL", "group"),
    "journalist": ("JRN", "group"), "nurse": ("MED", "group"), "doctor": ("MED", "group"),
    "imam": ("REL", "group"), "priest": ("REL", "group"), "refugee": ("REF", "group"),
    "mercenary": ("PMC", "group"),
    "militia": ("PRM", "group"), "militiaman": ("PRM", "group"), "volunteer": ("PRM", "group"),
    "vigilante": ("PRM", "group"),
}
UNKNOWN_ARMED = {"unknown", "unidentified", "armed", "masked", "suspected"}
"""Modifiers that make "men"/"individuals" unidentified armed actors ("armed men")."""
UNKNOWN_ARMED_HEADS = {"man", "men", "individual", "person", "assailant", "gunman"}
PLACE_NOUNS = {"town", "village", "city", "area", "region", "province", "district", "commune", "department",
               "locality", "neighbourhood", "neighborhood", "quarter", "hamlet", "capital", "camp", "market",
               "outskirts", "vicinity", "municipality", "county", "sector", "zone", "forest"}
"""Nouns naming a place whose "of" phrase or apposition is the place ("the village of Vell")."""
LOCATIVE_PREPS = {"in", "near", "at", "around", "outside", "inside"}
PLACE_PREPS = {"in", "into", "to", "near", "at", "around", "outside", "inside", "across", "from", "within"}


@dataclass
class ActorResult:
    """Entity ids found for a list of actor tokens, and any places among them."""

    actors: list[str]
    places: list[str]


def resolve_tokens(ctx: Context, tokens: list[Token], create: bool) -> ActorResult:
    actors: list[str] = []
    places: list[str] = []
    for token in tokens:
        entity = entity_for_token(ctx, token, create)
        if entity is None:
            continue
        bucket = places if entity.kind in PLACE_KINDS else actors
        if entity.id not in bucket:
            bucket.append(entity.id)
    return ActorResult(actors, places)


def entity_for_token(ctx: Context, token: Token, create: bool) -> Entity | None:
    start, end = phrase_chars(token)
    entity = ctx.entity_at(start, end)
    if entity is not None:
        return entity
    if token.pos_ == "PRON":
        return _pronoun_antecedent(ctx, token)
    counted = _counted_noun(token)
    if counted is not None:  # "a number of residents", "dozens of workers"
        return entity_for_token(ctx, counted, create)
    if create:
        return _common_noun_actor(ctx, token, start, end)
    return None


def phrase_chars(token: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``token``, without clauses and coordination."""
    keep = _phrase_tokens(token)
    first, last = min(keep, key=lambda t: t.i), max(keep, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _phrase_tokens(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ not in PHRASE_EXCLUDED:
            out.extend(_phrase_tokens(child))
    return out


QUANTIFIER_HEADS = {"number", "group", "dozen", "hundred", "thousand", "score", "couple", "handful", "band",
                    "crowd", "member", "some", "many", "several", "most", "all", "one", "two", "three"}


def _counted_noun(token: Token) -> Token | None:
    if token.lemma_.lower() not in QUANTIFIER_HEADS and token.pos_ != "NUM":
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            return pobj
    return None


def _pronoun_antecedent(ctx: Context, pronoun: Token) -> Entity | None:
    kinds = PRONOUN_KINDS.get(pronoun.lower_)
    if not kinds:
        return None
    here = ctx.sentence_index(pronoun.idx)
    for mention in reversed(ctx.mentions):
        if mention.start >= pronoun.idx or mention.entity is None:
            continue
        if mention.sentence >= 0 and here - mention.sentence > 1:
            break
        entity = ctx.entity_of_mention(mention)
        if entity is not None and entity.kind in kinds:
            return entity
    return None


def _common_noun_actor(ctx: Context, token: Token, start: int, end: int) -> Entity | None:
    typed = _actor_type(token)
    if typed is None:
        return None
    sector, kind = typed
    name = _actor_name(token)
    existing = next((e for e in ctx.record.entities
                     if e.extractor.startswith("events") and e.name.lower() == name.lower()), None)
    mention = Mention(start=start, end=end, text=ctx.text[start:end], kind=kind, label="EVENT-ACTOR",
                      sector=sector, is_name=False, sentence=ctx.sentence_index(start),
                      extractor="events/1")
    if existing is None:
        existing = Entity(id=ctx.new_id("e"), name=name, kind=kind, sector=sector, code=sector,
                          extractor="events/1")
        ctx.record.entities.append(existing)
    mention.entity = existing.id
    existing.mentions.append(mention)
    ctx.mentions.append(mention)
    return existing


def _actor_type(token: Token) -> tuple[str, str] | None:
    lemma = token.lemma_.lower()
    modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
    if lemma in UNKNOWN_ARMED_HEADS and modifiers & UNKNOWN_ARMED:
        return ("UAF", "group")
    if lemma in ("gunman", "assailant", "attacker") and not modifiers - UNKNOWN_ARMED:
        return ("UAF", "group")
    found = ACTOR_NOUNS.get(lemma) or ACTOR_NOUNS.get(token.lower_)
    if found is None and lemma == "force":
        police = any(c.lemma_.lower() == "police" for c in token.children)
        return ("COP", "organization") if police else ("MIL", "organization")
    if found is None and lemma == "officer":
        police = any(c.lemma_.lower() == "police" for c in token.children)
        return ("COP", "organization") if police else None
    return found


def _actor_name(token: Token) -> str:
    """A readable name: the head noun with its adjectives ("unknown gunmen", "police officers")."""
    words = [c for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i]
    words.append(token)
    return " ".join(w.text for w in sorted(words, key=lambda t: t.i))


def place_from_preps(ctx: Context, holders: list[Token]) -> str | None:
    """The first place/country entity in an "in"/"near"/"to" phrase of the given tokens."""
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found = place_of_phrase(ctx, pobj) or _untyped_name_place(ctx, prep, pobj)
                if found is not None:
                    return found
            found = first_place_in(ctx, prep.left_edge.idx, prep.right_edge.idx + len(prep.right_edge.text))
            if found is not None:
                return found
    return None


def _untyped_name_place(ctx: Context, prep: Token, pobj: Token) -> str | None:
    """"near Vell": a proper name after a locative preposition that no gazetteer could type.

    The model labels many small places ORG; an organization with no sector, named right after
    "in"/"near"/"at", is far more often a village than a company.
    """
    if prep.lower_ not in LOCATIVE_PREPS or pobj.pos_ != "PROPN":
        return None
    start, end = phrase_chars(pobj)
    entity = ctx.entity_at(start, end)
    if entity is not None and entity.kind in ("organization", "other") and entity.sector is None:
        return entity.id
    return None


def place_of_phrase(ctx: Context, token: Token) -> str | None:
    """"the village of Vell", "the capital, Bamako": the named place, whatever kind the model gave it.

    The statistical model often labels unknown village names ORG or PERSON; the place noun in
    front of them is the better witness.
    """
    if token.lemma_.lower() not in PLACE_NOUNS:
        return None
    for child in token.children:
        names = [child] if child.dep_ == "appos" else []
        if child.dep_ == "prep" and child.lower_ == "of":
            names = [c for c in child.children if c.dep_ == "pobj"]
        for name in names:
            start, end = phrase_chars(name)
            entity = ctx.entity_at(start, end)
            if entity is not None and entity.kind != "person":
                return entity.id
    return None


def first_place_in(ctx: Context, start: int, end: int, exclude: set[str] | None = None) -> str | None:
    """The first place entity in the span; a country only when there is no place."""
    country: str | None = None
    for mention in ctx.mentions_in(start, end):
        entity = ctx.entity_of_mention(mention)
        if entity is None or (exclude and entity.id in exclude):
            continue
        if entity.kind == "place":
            return entity.id
        if entity.kind == "country" and country is None:
            country = entity.id
    return country
