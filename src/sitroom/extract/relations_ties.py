"""Relation patterns between organisations and places: rivalries, alliances, branches, presence.

| pattern                                                  | relation                    |
|----------------------------------------------------------|-----------------------------|
| "the rivalry between Y and Z", "rival gangs Y and Z"     | Y competes_with Z           |
| "Y's rival Z", "Y and its rival Z"                       | Z competes_with Y           |
| "Y is allied with Z", "Y, in alliance with Z"            | Y ally_of Z                 |
| "the Vell Chapter of the Union", "X, a branch of Y"      | X part_of Y                 |
| "Y is active / present in P", "Y controls (the port of) P" | Y operates_in P           |
| "Y operates (mines) in P", "Y has a presence in P"       | Y operates_in P             |
| "the Herald, a newspaper in Kesh", "the Institute in Dakar" | based_in                 |

"Backed by" is left alone on purpose: it covers money, arms and words alike and none of the
vocabulary's types fits all three.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitroom.extract.context import Context
from sitroom.extract.relations_base import (
    Found,
    clause_actor,
    entity_of,
    prep_objects,
    subject_or_head,
    with_conjuncts,
)
from sitroom.records import Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

ORGANISED_KINDS = ("organization", "group")
PLACE_KINDS = ("place", "country")
# Sectors of states' own organs: an army "controlling" a town is an event, not a standing presence.
STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}


def _organised(entity: Entity | None) -> bool:
    return entity is not None and entity.kind in ORGANISED_KINDS


# --- rivalries --------------------------------------------------------------------------------------

# "rival(s)" or "rivalry between", then two names joined by "and" within one noun phrase.
_RIVALS_PAIR = re.compile(r"\b(?:rival|rivals|rivalry between|feud between|turf war between)\b"
                          r"(?:\s+(?:gangs|groups|cartels|factions|clans|militias|organi[sz]ations))?\s+$",
                          re.IGNORECASE)
# "Y's rival Z", "Y and its rival(s) Z", "Y, whose rival Z": the text between Y and Z.
_POSSESSED_RIVAL = re.compile(r"^(?:['\u2019]s|\s+and\s+(?:its|their))\s+(?:main\s+|arch-?)?rivals?\s*,?\s+$",
                              re.IGNORECASE)


def rivals(ctx: Context) -> Found:
    """Rivalries between named organisations (text patterns: the parser splits "rival gangs Y and Z"
    every way there is)."""
    organised = sorted((m for m in ctx.mentions if m.entity and _organised(ctx.entity(m.entity))),
                       key=lambda m: (m.start, -m.end))
    for first, second in zip(organised, organised[1:], strict=False):
        yield from _rival_pair(ctx, first, second)
        yield from _possessed_rival(ctx, first, second)


def _mention_entities(ctx: Context, first: Mention, second: Mention) -> tuple[Entity, Entity] | None:
    a, b = ctx.entity(first.entity), ctx.entity(second.entity)
    if a is None or b is None or a.id == b.id or first.sentence != second.sentence:
        return None
    return a, b


def _rival_pair(ctx: Context, first: Mention, second: Mention) -> Found:
    between = ctx.text[first.end:second.start]
    before = ctx.text[max(0, first.start - 40):first.start]
    if not re.fullmatch(r"\s+and\s+(?:the\s+)?", between) or not _RIVALS_PAIR.search(before):
        return
    pair = _mention_entities(ctx, first, second)
    if pair is not None:
        yield "competes_with", pair[0], pair[1], first.start, "asserted"


def _possessed_rival(ctx: Context, first: Mention, second: Mention) -> Found:
    between = ctx.text[first.end:second.start]
    between = re.sub(r"\s+the\s+$", " ", between)
    if not _POSSESSED_RIVAL.match(between):
        return
    pair = _mention_entities(ctx, first, second)
    if pair is not None:
        yield "competes_with", pair[1], pair[0], first.start, "asserted"


# --- alliances --------------------------------------------------------------------------------------

def allied(ctx: Context, token: Token) -> Found:
    """"Y is allied with Z", "Y, allied to Z", "in (an) alliance with Z"."""
    lemma = token.lemma_.lower()
    if token.lower_ == "allied":
        side = entity_of(ctx, subject_or_head(token))
        partners = prep_objects(token, ("with", "to"))
    elif lemma == "alliance" and token.head.lower_ == "in":
        side = entity_of(ctx, subject_or_head(token.head.head))
        partners = prep_objects(token, ("with",))
    else:
        return
    for partner in (entity_of(ctx, p) for p in partners):
        if side is not None and partner is not None and side.kind != "place" and partner.kind != "place":
            yield "ally_of", side, partner, token.idx, "asserted"


# --- branches ---------------------------------------------------------------------------------------

BRANCH_WORDS = {"branch", "chapter", "local", "wing", "cell", "faction", "subsidiary", "division",
                "section", "affiliate", "offshoot", "splinter"}


def branch_of(ctx: Context, token: Token) -> Found:
    """"The Kesh Chapter of the Teachers Union" (the branch is itself a name): part_of its parent."""
    if token.lemma_.lower() not in BRANCH_WORDS:
        return
    branch = entity_of(ctx, token)
    if branch is None or not _organised(branch) or not _named_by(ctx, branch, token):
        return
    for parent in (entity_of(ctx, o) for o in prep_objects(token, ("of",))):
        if parent is not None and parent.kind in (*ORGANISED_KINDS, "country") and parent.id != branch.id:
            yield "part_of", branch, parent, token.idx, "asserted"


def _named_by(ctx: Context, entity: Entity, token: Token) -> bool:
    """True when a name mention of ``entity`` holds ``token`` (not a bare "the branch")."""
    end = token.idx + len(token.text)
    return any(m.entity == entity.id and m.is_name for m in ctx.mentions_covering(token.idx, end))


# --- presence ---------------------------------------------------------------------------------------

PRESENCE_ADJECTIVES = {"active", "present"}
PRESENCE_NOUNS = {"presence", "operations"}


def present_in(ctx: Context, token: Token) -> Found:
    """"Y is active in P", "Y, present in P", "Y has a presence (operations) in P", "Y controls P",
    "Y operates mines in P": a non-state organisation's standing presence in a place."""
    lemma = token.lemma_.lower()
    if token.lower_ in PRESENCE_ADJECTIVES and token.pos_ == "ADJ":
        actor_token = token.head if token.dep_ == "amod" else subject_or_head(token.head)
        places = prep_objects(token, ("in",))
    elif lemma in PRESENCE_NOUNS and token.dep_ == "dobj" and token.head.lemma_ == "have":
        actor_token, places = subject_or_head(token.head), prep_objects(token, ("in",))
    elif lemma == "control" and token.pos_ == "VERB":
        actor_token, places = None, _controlled(token)
    elif lemma == "operate" and token.pos_ == "VERB":
        actor_token = None
        places = [p for c in token.children if c.dep_ == "dobj" for p in prep_objects(c, ("in",))]
    else:
        return
    actor = entity_of(ctx, actor_token) if actor_token is not None else clause_actor(ctx, token)
    if actor is None or not _organised(actor) or actor.sector in STATE_SECTORS:
        return
    for place in (entity_of(ctx, p) for p in places):
        if place is not None and place.kind in PLACE_KINDS:
            yield "operates_in", actor, place, token.idx, "asserted"


def _controlled(verb: Token) -> list[Token]:
    """"controls Vell", "controls the port of Vell", "controls trafficking in Vell"."""
    found: list[Token] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        found += [o for o in with_conjuncts(obj) if o.pos_ == "PROPN"]
        found += prep_objects(obj, ("of", "in"))
    return found + prep_objects(verb, ("in",))


# --- seats ------------------------------------------------------------------------------------------

# Institutions whose "in <place>" is their seat, not a field of operation.
SEATED_NOUNS = {"newspaper", "daily", "weekly", "paper", "broadcaster", "radio", "station", "magazine",
                "outlet", "agency", "institute", "university", "college", "tank", "foundation",
                "ngo", "charity", "consultancy", "headquarters"}
SEATED_NAME_HEADS = {"institute", "university", "college", "centre", "center", "foundation", "herald",
                     "times", "post", "tribune", "gazette", "journal", "observer"}


def seated_in(ctx: Context, token: Token) -> Found:
    """"The Herald, an independent newspaper in Kesh", "the Sahel Policy Institute in Dakar"."""
    if token.lower_ in SEATED_NAME_HEADS and token.pos_ == "PROPN":
        institution = entity_of(ctx, token)
    elif token.lemma_.lower() in SEATED_NOUNS and token.pos_ == "NOUN" and token.dep_ == "appos":
        institution = entity_of(ctx, token.head)
    else:
        return
    if institution is None or institution.kind != "organization":
        return
    for place in (entity_of(ctx, p) for p in prep_objects(token, ("in",))):
        if place is not None and place.kind in PLACE_KINDS and place.id != institution.id:
            yield "based_in", institution, place, token.idx, "asserted"
