"""Relation step: stable ties between resolved entities, read from appositions, titles and patterns.

| pattern                                   | relation          |
|-------------------------------------------|-------------------|
| "X, a close ally of Y"                    | X ally_of Y       |
| "a spokesman for Y, X" / "Y spokesman X"  | X spokesperson_of Y |
| "X, the leader of Y"                      | X leads Y         |
| "X, an expert at Y"                       | X works_for Y     |
| "S is (allegedly) financed by X"          | X finances S (alleged when hedged) |
| "X, formerly (known as) the Y"            | X formerly Y      |
| "Y, which includes A, B and C"            | A member_of Y ... |
| "X competes (directly) with Y"            | X competes_with Y |
| "an offshoot of Y"                        | X part_of Y       |

Runs after the resolve step and uses ``ctx.doc`` (the spaCy parse) to find the words, and
``ctx.entity_at`` to turn token spans into entity ids. A pattern whose ends are not both entities
is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sitroom.extract.context import Context
from sitroom.records import Entity, Relation

if TYPE_CHECKING:
    from spacy.tokens import Token

# Appositive head noun -> (relation, the prepositions that introduce its object).
APPOSITIVE_RELATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ally": ("ally_of", ("of",)), "friend": ("ally_of", ("of",)), "confidant": ("ally_of", ("of",)),
    "rival": ("opposes", ("of",)), "critic": ("opposes", ("of",)), "opponent": ("opposes", ("of",)),
    "spokesman": ("spokesperson_of", ("for", "of")), "spokeswoman": ("spokesperson_of", ("for", "of")),
    "spokesperson": ("spokesperson_of", ("for", "of")),
    "leader": ("leads", ("of",)), "head": ("leads", ("of",)), "chief": ("leads", ("of",)),
    "founder": ("leads", ("of",)), "commander": ("leads", ("of",)), "chairman": ("leads", ("of",)),
    "expert": ("works_for", ("at", "with", "of")), "analyst": ("works_for", ("at", "with", "of")),
    "researcher": ("works_for", ("at", "with", "of")), "professor": ("works_for", ("at", "of")),
    "member": ("member_of", ("of",)), "owner": ("owns", ("of",)), "financier": ("finances", ("of",)),
    "offshoot": ("part_of", ("of",)), "affiliate": ("part_of", ("of",)), "branch": ("part_of", ("of",)),
}
ROLE_RELATIONS = {"spokesperson": "spokesperson_of", "leader": "leads"}
FINANCE_VERBS = {"finance", "fund", "bankroll", "sponsor"}
HEDGES = {"allegedly", "reportedly", "purportedly", "supposedly", "alleged", "accused", "suspected"}
MEMBERSHIP_VERBS = {"include", "comprise", "bring"}


class RelationStep:
    """Fills ``ctx.record.relations`` (see module docstring for the patterns)."""

    name = "relations"
    version = "1"

    def __call__(self, ctx: Context) -> None:
        seen: set[tuple[str, str, str]] = set()
        for kind, source, target, anchor, modality in self._candidates(ctx):
            key = (kind, source.id, target.id)
            if source.id == target.id or key in seen:
                continue
            seen.add(key)
            ctx.record.relations.append(Relation(
                id=ctx.new_id("r"), type=kind, source=source.id, target=target.id,
                evidence=ctx.evidence(anchor, anchor + 1), modality=modality,
                extractor=f"{self.name}/{self.version}",
            ))

    def _candidates(self, ctx: Context) -> Iterator[tuple[str, Entity, Entity, int, str]]:
        for token in ctx.doc:
            yield from _appositive(ctx, token)
            yield from _financed(ctx, token)
            yield from _formerly(ctx, token)
            yield from _membership(ctx, token)
            yield from _competes(ctx, token)
        yield from _from_affiliations(ctx)


Found = Iterator[tuple[str, Entity, Entity, int, str]]


def _entity(ctx: Context, token: Token | None) -> Entity | None:
    """The entity of the smallest resolved mention holding ``token``.

    Smallest, not longest: "Kremlin" inside the description "spokesman for the Kremlin" is the Kremlin.
    """
    if token is None:
        return None
    return entity_holding(ctx, token.idx, token.idx + len(token.text))


def entity_holding(ctx: Context, start: int, end: int) -> Entity | None:
    holders = [m for m in ctx.mentions if m.entity and m.start <= start and end <= m.end]
    if not holders:
        return ctx.entity_at(start, end)
    return ctx.record.entity(min(holders, key=lambda m: m.end - m.start).entity)


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def _prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    return [obj for prep in head.rights if prep.dep_ == "prep" and prep.lower_ in preps
            for pobj in prep.children if pobj.dep_ == "pobj" for obj in _with_conjuncts(pobj)]


def _appositive(ctx: Context, token: Token) -> Found:
    """"X, a close ally of Y" and "a spokesman for Y, X": the appositive noun names the tie."""
    if token.dep_ != "appos":
        return
    pairs = [(token, token.head), (token.head, token)]
    if token.head.dep_ == "pobj" and token.head.pos_ == "PROPN":
        pairs.append((token.head.head.head, token))  # "a spokesman for the Kremlin, X" parsed X <- Kremlin
    for noun, name in pairs:
        rule = APPOSITIVE_RELATIONS.get(noun.lemma_.lower())
        if rule is None or noun.pos_ == "PROPN":
            continue
        person = _entity(ctx, name)
        for obj in _prep_objects(noun, rule[1]):
            other = _entity(ctx, obj)
            if person is not None and other is not None:
                yield rule[0], person, other, token.idx, "asserted"


def _financed(ctx: Context, token: Token) -> Found:
    """"the group is allegedly financed by X": X finances the subject."""
    if token.lemma_.lower() not in FINANCE_VERBS or token.tag_ != "VBN":
        return
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if subject is None and token.dep_ in ("acl", "relcl"):
        subject = token.head
    hedged = any(t.lower_ in HEDGES for t in token.children) or token.head.lemma_ in ("accuse", "allege")
    for agent in (c for c in token.children if c.dep_ == "agent"):
        for obj in (o for c in agent.children if c.dep_ == "pobj" for o in _with_conjuncts(c)):
            funder, funded = _entity(ctx, obj), _entity(ctx, subject)
            if funder is not None and funded is not None:
                yield "finances", funder, funded, token.idx, "alleged" if hedged else "asserted"


def _formerly(ctx: Context, token: Token) -> Found:
    """"X, formerly (known as) the Y": Y is X's former name."""
    if token.lower_ not in ("formerly", "previously") or token.dep_ != "advmod":
        return
    old = token.head
    if old.lower_ == "known":
        old = next((c for p in old.children if p.lower_ == "as" for c in p.children), old)
    current, former = _entity(ctx, old.head), _entity(ctx, old)
    if current is not None and former is not None:
        yield "formerly", current, former, token.idx, "asserted"


def _relative_antecedent(ctx: Context, verb: Token) -> Entity | None:
    """The entity a "which ..." clause hangs on: the nearest resolved mention before the pronoun.

    The parser often attaches the clause to an earlier noun ("the junta, the giant Rosatom (which
    competes ...)"); the nearest name is right far more often.
    """
    pronoun = next((c for c in verb.children if c.lower_ in ("which", "that", "who")), None)
    if pronoun is None:
        return _entity(ctx, verb.head)
    sentence = ctx.sentence_at(pronoun.idx)
    floor = sentence.start if sentence else 0
    before = [m for m in ctx.mentions if m.entity and floor <= m.start and m.end <= pronoun.idx]
    if not before:
        return None
    return ctx.record.entity(max(before, key=lambda m: (m.end, m.end - m.start)).entity)


def _membership(ctx: Context, token: Token) -> Found:
    """"Y, which includes A, B and C": each of A, B, C is a member of Y."""
    if token.lemma_.lower() not in MEMBERSHIP_VERBS or token.dep_ != "relcl":
        return
    group = _relative_antecedent(ctx, token)
    for obj in (o for c in token.children if c.dep_ == "dobj" for o in _with_conjuncts(c)):
        member = _entity(ctx, obj)
        if group is not None and member is not None:
            yield "member_of", member, group, token.idx, "asserted"


def _competes(ctx: Context, token: Token) -> Found:
    """"X competes (directly) with Y"; a relative clause's subject is the noun it hangs on."""
    if token.lemma_.lower() != "compete":
        return
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if token.dep_ == "relcl":
        rival = _relative_antecedent(ctx, token)
    else:
        rival = _entity(ctx, subject)
    for obj in _prep_objects(token, ("with", "against")):
        other = _entity(ctx, obj)
        if rival is not None and other is not None:
            yield "competes_with", rival, other, token.idx, "asserted"


def _from_affiliations(ctx: Context) -> Found:
    """Persons the resolver gave an affiliation ("Kremlin spokesman Dmitry Peskov")."""
    for entity in ctx.record.entities:
        target = ctx.record.entity(entity.affiliation)
        if target is None or not entity.mentions:
            continue
        kind = ROLE_RELATIONS.get(entity.role or "", "works_for")
        yield kind, entity, target, entity.mentions[0].start, "asserted"
