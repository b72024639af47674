"""Helpers every relation pattern shares: token -> entity look-ups and small parse walks.

Kept apart from :mod:`sitroom.extract.relations` so that the pattern modules (``relations_roles``,
``relations_ties``) can use them without importing the step that imports them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sitroom.extract.context import Context
from sitroom.records import Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

Found = Iterator[tuple[str, Entity, Entity, int, str]]
"""What a pattern yields: (relation type, source, target, anchor character, modality)."""

# Characters before a sentence's start still searched for its mentions (see ``nearest_organization``).
SENTENCE_MARGIN = 200


def entity_of(ctx: Context, token: Token | None) -> Entity | None:
    """The entity of the smallest resolved mention holding ``token``.

    Smallest, not longest: "Kremlin" inside the description "spokesman for the Kremlin" is the Kremlin.
    """
    if token is None:
        return None
    return entity_holding(ctx, token.idx, token.idx + len(token.text))


def entity_holding(ctx: Context, start: int, end: int) -> Entity | None:
    holders = [m for m in ctx.mentions_covering(start, end) if m.entity]
    if not holders:
        return ctx.entity_at(start, end)
    return ctx.entity(min(holders, key=lambda m: m.end - m.start).entity)


def with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of ``head``'s prepositions in ``preps``, with their conjuncts ("in Mali and Niger")."""
    return [obj for prep in head.rights if prep.dep_ == "prep" and prep.lower_ in preps
            for pobj in prep.children if pobj.dep_ == "pobj" for obj in with_conjuncts(pobj)]


def subject_or_head(token: Token) -> Token | None:
    """Who a verb or participle is about: its subject, or the noun a participle clause hangs on."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and token.dep_ in ("acl", "relcl", "appos"):
        return token.head
    return subject


def clause_actor(ctx: Context, verb: Token) -> Entity | None:
    """Who a verb is about; for "which"/"who" clauses, the entity the pronoun stands for."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.dep_ == "relcl" and (subject is None or subject.tag_ in ("WDT", "WP")):
        return relative_antecedent(ctx, verb)
    return entity_of(ctx, subject_or_head(verb))


def named(entity: Entity | None) -> bool:
    """True for an entity the text names at least once (not only "the group", "the movement")."""
    return entity is not None and any(m.is_name for m in entity.mentions)


def nearest_organization(ctx: Context, char: int) -> Entity | None:
    """The organisation named last before ``char`` in its sentence or the one before ("Its leader",
    "the movement's chief"): the antecedent a news writer means far more often than not."""
    sentence = ctx.sentence_index(char)
    previous = ctx.record.sentences[max(0, sentence - 1)].start if sentence >= 0 else 0
    # Mentions of this and the previous sentence start there (the margin covers a mention that the
    # resolver widened by a leading "the" after its sentence was set); the test below stays exact.
    nearby = ctx.mentions_in(previous - SENTENCE_MARGIN, char)
    earlier = [m for m in nearby if m.entity and m.end <= char and m.sentence >= sentence - 1]
    for m in sorted(earlier, key=lambda m: -m.end):
        entity = ctx.entity(m.entity)
        if entity is not None and _organised(entity):
            return entity
    return None


# Sectors of collectives that act as organisations though the text never names them ("the gang").
ARMED_SECTORS = {"CRM", "REB", "PRM", "PMC", "UAF"}


def _organised(entity: Entity) -> bool:
    return entity.kind == "organization" or (entity.kind == "group" and entity.sector in ARMED_SECTORS)


# Common nouns that stand for a named organisation ("the movement's political chief", "financing the
# group"): when the resolver left them unresolved, the organisation named just before is meant.
GROUP_NOUNS = {"movement", "group", "gang", "organisation", "organization", "party", "company", "firm",
               "militia", "cartel", "network", "front", "coalition", "union", "alliance"}


def entity_or_antecedent(ctx: Context, token: Token) -> Entity | None:
    """``entity_of(token)``, except that "the group" or "the gang's" with no entity of its own (or a
    stray one only it makes) stands for the organisation named last before it."""
    own = entity_of(ctx, token)
    definite = any(c.lower_ in ("the", "this") for c in token.children if c.dep_ == "det")
    if token.pos_ == "NOUN" and token.lemma_.lower() in GROUP_NOUNS and definite and _stray(own):
        return nearest_organization(ctx, token.idx) or own
    return own


def _stray(entity: Entity | None) -> bool:
    """True for no entity, or one that only a single unnamed description makes."""
    return entity is None or (not named(entity) and len(entity.mentions) <= 1)


def longest_mention_ending(ctx: Context, end: int, floor: int) -> Mention | None:
    """The longest resolved mention that ends at ``end`` and starts at or after ``floor``.

    Longest, so that "Karesia Forward leader X" is Karesia Forward's, not Karesia's."""
    found = [m for m in ctx.mentions_in(floor, end) if m.entity and m.end == end]
    return max(found, key=lambda m: m.end - m.start) if found else None


def relative_antecedent(ctx: Context, verb: Token) -> Entity | None:
    """The entity a "which ..." clause hangs on: the nearest resolved mention before the pronoun.

    The parser often attaches the clause to an earlier noun ("the junta, the giant Rosatom (which
    competes ...)"); the nearest name is right far more often, when nothing but punctuation or a
    parenthesis stands between it and the pronoun. Otherwise ("a network that included ...") only
    a mention holding the noun the clause hangs on counts.
    """
    pronoun = next((c for c in verb.children if c.lower_ in ("which", "that", "who")), None)
    if pronoun is None:
        return entity_of(ctx, verb.head)
    sentence = ctx.sentence_at(pronoun.idx)
    floor = sentence.start if sentence else 0
    before = [m for m in ctx.mentions_in(floor, pronoun.idx) if m.entity]
    if before:
        nearest = max(before, key=lambda m: (m.end, m.end - m.start))
        if _ADJACENT.match(re.sub(r"\([^()]*\)", "", ctx.text[nearest.end:pronoun.idx])):
            return ctx.entity(nearest.entity)
    head = verb.head
    holders = [m for m in ctx.mentions_covering(head.idx, head.idx + len(head.text)) if m.entity]
    if not holders or head.pos_ not in ("NOUN", "PROPN"):
        return None
    return ctx.entity(min(holders, key=lambda m: m.end - m.start).entity)


# What may stand between a relative pronoun and its antecedent: punctuation and spaces only.
_ADJACENT = re.compile(r"^[\s,;:\-\u2013\u2014()\"'\u2019\u201d]*$")
