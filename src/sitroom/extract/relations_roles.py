"""Relation patterns for who holds which post: titles before names, verbs of leading, copular titles.

| pattern                                              | relation                     |
|------------------------------------------------------|------------------------------|
| "Volkov Group leader X", "the NLF's commander X"     | X leads Y                    |
| "Cuervo gang member X", "AU envoy X"                 | X member_of Y / X works_for Y|
| "X, who heads Y", "X leads Y", "Y, led by X"         | X leads Y                    |
| "X, who works for Y"                                 | X works_for Y                |
| "the council of President X"                         | X leads the council          |
| "X, who is accused of financing Y"                   | X finances Y (alleged)       |

A title before a name takes the longest mention that ends right before the title, so "Karesia Forward
leader X" leads Karesia Forward, not Karesia. Ministers and presidents of states are left alone: the
gold set does not annotate a state's officials as its employees (precision over recall).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitroom.extract.context import Context
from sitroom.extract.relations_base import (
    Found,
    entity_of,
    entity_or_antecedent,
    longest_mention_ending,
    prep_objects,
    relative_antecedent,
    with_conjuncts,
)
from sitroom.records import Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

# Title word before a name -> the relation it gives with the organisation named before the title.
PREFIX_TITLES: dict[str, str] = {
    "leader": "leads", "head": "leads", "chief": "leads", "boss": "leads", "commander": "leads",
    "founder": "leads", "chairman": "leads", "chairwoman": "leads", "chair": "leads",
    "president": "leads", "director": "leads", "ceo": "leads", "chief executive": "leads",
    "secretary general": "leads", "secretary-general": "leads", "mayor": "leads", "governor": "leads",
    "member": "member_of", "militant": "member_of", "fighter": "member_of", "operative": "member_of",
    "spokesman": "spokesperson_of", "spokeswoman": "spokesperson_of", "spokesperson": "spokesperson_of",
    "envoy": "works_for", "representative": "works_for", "official": "works_for", "analyst": "works_for",
    "researcher": "works_for", "economist": "works_for", "expert": "works_for", "adviser": "works_for",
    "advisor": "works_for", "negotiator": "works_for",
}
# Titles whose holder leads a town or province: the only ones allowed a place as their organisation.
PLACE_TITLES = {"mayor", "governor"}
# Words between a qualified title's organisation and the title: the holder leads a part, a member of it.
TITLE_QUALIFIERS = ("deputy", "political", "military", "regional", "local", "vice", "assistant", "field",
                    "senior", "top", "armed", "former")
# Ranks and honorifics that may stand between a title and the name ("army chief General X").
RANKS = ("General", "Gen.", "Colonel", "Col.", "Major", "Maj.", "Captain", "Capt.", "Lieutenant", "Lt.",
         "Commander", "Admiral", "Brigadier", "Sheikh", "Dr", "Dr.", "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.",
         "Sir", "Dame", "Professor", "Prof.")

_TITLE_ALTERNATION = "|".join(re.escape(t) for t in sorted(PREFIX_TITLES, key=len, reverse=True))
_QUALIFIER_ALTERNATION = "|".join(TITLE_QUALIFIERS)
_RANK_ALTERNATION = "|".join(re.escape(r) for r in RANKS)
# "<org>['s] [qualifiers] TITLE [ranks] <name>": matched against the text right before the name.
TITLE_BEFORE_NAME = re.compile(
    rf"(?P<quals>(?:\b(?:{_QUALIFIER_ALTERNATION})\s+)*)(?P<title>\b(?:{_TITLE_ALTERNATION}))"
    rf"(?:\s+(?:{_RANK_ALTERNATION}))*\s+$",
    re.IGNORECASE,
)
_BETWEEN_ORG_AND_TITLE = re.compile(r"^(?:['\u2019]s)?\s+$")
# Kinds an organisation named before a title may have (states excluded: see the module docstring).
ORGANISED_KINDS = {"organization", "group"}

LEAD_VERBS = {"head", "lead", "chair", "command", "run"}
WORK_VERBS = {"work"}
# Title words before a name that make "the X of <name>" that person's organisation.
LEADER_HONORIFICS = {"president", "prime", "premier", "chairman", "general", "colonel", "leader", "king"}
FINANCE_GERUNDS = {"finance", "fund", "bankroll", "sponsor"}
ACCUSING_VERBS = {"accuse", "suspect", "allege"}


def titled_names(ctx: Context) -> Found:
    """"Volkov Group leader X", "the NLF's deputy commander X", "AU envoy X": for every person named
    after a title, the organisation named right before that title."""
    for entity in ctx.record.entities:
        if entity.kind != "person":
            continue
        for mention in entity.mentions:
            if mention.is_name:
                yield from _titled_mention(ctx, entity, mention)


def _titled_mention(ctx: Context, person: Entity, mention: Mention) -> Found:
    sentence = ctx.sentence_at(mention.start)
    floor = sentence.start if sentence else max(0, mention.start - 200)
    match = TITLE_BEFORE_NAME.search(ctx.text[floor:mention.start])
    if match is None:
        return
    title = match.group("title").lower()
    qualifiers = match.group("quals").lower().split()
    if "former" in qualifiers:
        return  # a past post is no stable tie
    org_end = floor + match.start()
    found = _organisation_before(ctx, org_end, floor, allow_place=title in PLACE_TITLES)
    if found is None or found[0].id == person.id or _past_before(ctx, found[1], floor):
        return
    organisation = found[0]
    kind = PREFIX_TITLES[title]
    if kind == "leads" and qualifiers:
        kind = "member_of"  # "the NLF's deputy commander X" leads a part of it
    yield kind, person, organisation, mention.start, "asserted"


def past_title_before(ctx: Context, mention: Mention) -> bool:
    """True when a title stands right before the name and a past marker before or in the words that
    precede it ("Former Volkov Group commander X", "ex-army chief X")."""
    sentence = ctx.sentence_at(mention.start)
    floor = sentence.start if sentence else max(0, mention.start - 200)
    match = TITLE_BEFORE_NAME.search(ctx.text[floor:mention.start])
    if match is None:
        return False
    title_start = floor + match.start()
    return re.search(r"\b(?:former|ex-)", ctx.text[max(floor, title_start - 40):title_start + len(match.group(0))],
                     re.IGNORECASE) is not None


def _organisation_before(ctx: Context, end: int, floor: int, allow_place: bool) -> tuple[Entity, int] | None:
    """The entity of the longest mention ending just before ``end`` (a possessive "'s" allowed), and
    where that mention starts."""
    gap = re.search(r"(?:['\u2019]s)?\s+$", ctx.text[floor:end])
    if gap is None:
        return None
    found = longest_mention_ending(ctx, floor + gap.start(), floor)
    if found is None or ctx.text[found.end - 1:found.end] == "'":
        return None
    entity = ctx.entity(found.entity)
    if entity is None:
        return None
    if entity.kind in ORGANISED_KINDS or (allow_place and entity.kind == "place"):
        return entity, found.start
    return None


# "former United Nations Secretary-General X", "the late former President and Vell Mayor X".
_PAST_BEFORE = re.compile(r"\b(?:former|ex-|late|then)\b[^,;()]{0,30}$", re.IGNORECASE)


def _past_before(ctx: Context, start: int, floor: int) -> bool:
    """True when a past marker stands before the organisation's mention, or opens it (the model
    sometimes takes a sentence-initial "Former" into the name)."""
    opening = re.match(r"(?:former|ex-)", ctx.text[start:start + 8], re.IGNORECASE)
    return opening is not None or _PAST_BEFORE.search(ctx.text[max(floor, start - 40):start]) is not None


def leading_verbs(ctx: Context, token: Token) -> Found:
    """"X, who heads Y", "X leads Y", "Y, led by X": a person at the head of an organisation;
    "X, who works for Y": an employee."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in LEAD_VERBS | WORK_VERBS:
        return
    if lemma in WORK_VERBS:
        people = [_actor_of(ctx, token)]
        organisations = [entity_of(ctx, o) for o in prep_objects(token, ("for",))]
        kind = "works_for"
    elif token.tag_ == "VBN" and token.dep_ in ("acl", "relcl", "appos"):
        people = [entity_of(ctx, o) for a in token.children if a.dep_ == "agent"
                  for c in a.children if c.dep_ == "pobj" for o in with_conjuncts(c)]
        organisations = [entity_of(ctx, token.head)]
        kind = "leads"
    else:
        people = [_actor_of(ctx, token)]
        organisations = [entity_or_antecedent(ctx, o) for c in token.children if c.dep_ == "dobj"
                         for o in with_conjuncts(c)]
        kind = "leads"
    for person in people:
        for organisation in organisations:
            pair = _person_and_organisation(person, organisation)
            if pair is not None:
                yield kind, pair[0], pair[1], token.idx, "asserted"


def _actor_of(ctx: Context, verb: Token) -> Entity | None:
    if verb.dep_ == "relcl":
        return relative_antecedent(ctx, verb)
    return entity_of(ctx, next((c for c in verb.children if c.dep_ == "nsubj"), None))


def _person_and_organisation(person: Entity | None, organisation: Entity | None) -> tuple[Entity, Entity] | None:
    """Both, when the first is a person and the second an organisation or organised group."""
    if person is None or organisation is None or person.kind != "person":
        return None
    return (person, organisation) if organisation.kind in ORGANISED_KINDS else None


def council_of_leader(ctx: Context, token: Token) -> Found:
    """"The National Council of President X", "the forces of General X": the titled person leads it."""
    if token.dep_ != "pobj" or token.pos_ != "PROPN" or token.head.lower_ != "of":
        return
    if not any(c.dep_ == "compound" and c.lower_ in LEADER_HONORIFICS for c in token.children):
        return
    pair = _person_and_organisation(entity_of(ctx, token), entity_of(ctx, token.head.head))
    if pair is not None:
        yield "leads", pair[0], pair[1], token.idx, "asserted"


def accused_of_financing(ctx: Context, token: Token) -> Found:
    """"X, who is accused of financing Y": an alleged financer."""
    if token.lemma_.lower() not in FINANCE_GERUNDS or token.tag_ != "VBG" or token.head.lower_ != "of":
        return
    accusing = token.head.head
    if accusing.lemma_.lower() not in ACCUSING_VERBS:
        return
    if accusing.dep_ == "relcl":
        funder = relative_antecedent(ctx, accusing)
    else:
        funder = entity_of(ctx, next((c for c in accusing.children if c.dep_ == "nsubjpass"), None))
    for obj in (o for c in token.children if c.dep_ == "dobj" for o in with_conjuncts(c)):
        funded = entity_or_antecedent(ctx, obj)
        if funder is not None and funded is not None and funder.kind in ("person", "organization", "country"):
            yield "finances", funder, funded, token.idx, "alleged"
