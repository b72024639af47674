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
| "X, based in Y" / "X operates in Y"       | X based_in Y / X operates_in Y |
| "X owns Y" / "Y, owned by X"              | X owns Y          |
| "Its founder, X" / "Y's political chief, X" | X leads Y / X member_of Y |
| "Y, a company founded by X"               | X leads Y         |
| "Mali's junta", "the Karesian army"       | organ part_of state (``state_parts=True``) |

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
ROLE_RELATIONS = {"spokesperson": "spokesperson_of", "leader": "leads", "chairman": "leads", "founder": "leads",
                  "chief executive": "leads", "ceo": "leads", "commander": "leads", "president": "leads"}
FINANCE_VERBS = {"finance", "fund", "bankroll", "sponsor"}
HEDGES = {"allegedly", "reportedly", "purportedly", "supposedly", "alleged", "accused", "suspected"}
MEMBERSHIP_VERBS = {"include", "comprise", "bring"}


class RelationStep:
    """Fills ``ctx.record.relations`` (see module docstring for the patterns)."""

    name = "relations"
    version = "1"

    def __init__(self, state_parts: bool = False) -> None:
        # Off by default: the gold set does not annotate organ part_of ties, and each one counts as a
        # false positive there (relations precision 1.00 -> 0.38 with it on). See the module docstring.
        self.state_parts = state_parts

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
            yield from _founded(ctx, token)
            yield from _formerly(ctx, token)
            yield from _membership(ctx, token)
            yield from _competes(ctx, token)
            yield from _located(ctx, token)
            yield from _owned(ctx, token)
        yield from _from_affiliations(ctx)
        if self.state_parts:
            yield from _state_parts(ctx)


Found = Iterator[tuple[str, Entity, Entity, int, str]]
# Characters before a sentence's start still searched for its mentions (see ``_possessor``).
_SENTENCE_MARGIN = 200


def _entity(ctx: Context, token: Token | None) -> Entity | None:
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


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def _prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    return [obj for prep in head.rights if prep.dep_ == "prep" and prep.lower_ in preps
            for pobj in prep.children if pobj.dep_ == "pobj" for obj in _with_conjuncts(pobj)]


def _appositive(ctx: Context, token: Token) -> Found:
    """"X, a close ally of Y (and the commander of Z)", "a spokesman for Y, X", "Its leader, X": the
    appositive noun names the tie; its object is a prepositional object or a possessor."""
    if token.dep_ != "appos":
        return
    pairs = [(token, token.head), (token.head, token)]
    pairs += [(conj, token.head) for conj in token.conjuncts]  # "a close ally of Y and the commander of Z"
    if token.head.dep_ == "pobj" and token.head.pos_ == "PROPN":
        pairs.append((token.head.head.head, token))  # "a spokesman for the Kremlin, X" parsed X <- Kremlin
    for noun, name in pairs:
        rule = APPOSITIVE_RELATIONS.get(noun.lemma_.lower())
        if rule is None or noun.pos_ == "PROPN":
            continue
        person = _entity(ctx, name)
        kind = _qualified(rule[0], noun)
        for other in [_entity(ctx, obj) for obj in _prep_objects(noun, rule[1])] + [_possessor(ctx, noun)]:
            if person is not None and other is not None:
                yield kind, person, other, token.idx, "asserted"


# A qualified head ("political chief", "deputy leader") leads a part, not the whole: a member of it.
QUALIFIERS = {"political", "military", "deputy", "regional", "local", "vice", "assistant", "armed", "field"}


def _qualified(kind: str, noun: Token) -> str:
    if kind == "leads" and any(c.lower_ in QUALIFIERS for c in noun.lefts):
        return "member_of"
    return kind


def _possessor(ctx: Context, noun: Token) -> Entity | None:
    """"The NLF's political chief" -> the NLF; "Its founder" -> the organisation "its" stands for: the
    nearest organisation named before it in the same or previous sentence."""
    poss = next((c for c in noun.lefts if c.dep_ == "poss"), None)
    if poss is None:
        return None
    if poss.lower_ not in ("its", "their"):
        return _entity(ctx, poss)
    sentence = ctx.sentence_index(poss.idx)
    previous = ctx.record.sentences[max(0, sentence - 1)].start if sentence >= 0 else 0
    # Mentions of this and the previous sentence start there (the margin covers a mention that the
    # resolver widened by a leading "the" after its sentence was set); the test below stays exact.
    nearby = ctx.mentions_in(previous - _SENTENCE_MARGIN, poss.idx)
    earlier = [m for m in nearby if m.entity and m.end <= poss.idx and m.sentence >= sentence - 1]
    for m in sorted(earlier, key=lambda m: -m.end):
        entity = ctx.entity(m.entity)
        if entity is not None and entity.kind == "organization":
            return entity
    return None


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


def _founded(ctx: Context, token: Token) -> Found:
    """"The Volkov Group, a company founded by Viktor Salnikov": the founder (a person) leads it."""
    if token.lemma_.lower() not in ("found", "establish", "create") or token.tag_ != "VBN":
        return
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if subject is None and token.dep_ in ("acl", "relcl"):
        subject = token.head
    founded = _entity(ctx, subject)
    for agent in (c for c in token.children if c.dep_ == "agent"):
        for obj in (o for c in agent.children if c.dep_ == "pobj" for o in _with_conjuncts(c)):
            founder = _entity(ctx, obj)
            if founder is not None and founder.kind == "person" and founded is not None \
                    and founded.kind == "organization":
                yield "leads", founder, founded, token.idx, "asserted"


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
    before = [m for m in ctx.mentions_in(floor, pronoun.idx) if m.entity]
    if not before:
        return None
    return ctx.entity(max(before, key=lambda m: (m.end, m.end - m.start)).entity)


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
        target = ctx.entity(entity.affiliation)
        if target is None or not entity.mentions:
            continue
        if any(r.source == entity.id and r.target == target.id for r in ctx.record.relations):
            continue
        kind = ROLE_RELATIONS.get(entity.role or "", "works_for")
        if _spokesperson_title(ctx, entity):
            kind = "spokesperson_of"  # "army spokesman Colonel Idris Fane": the rank is the role
        if kind == "leads" and any(w in QUALIFIERS for m in entity.mentions if not m.is_name
                                   for w in m.text.lower().split()):
            kind = "member_of"  # "the NLF's political chief"
        yield kind, entity, target, entity.mentions[0].start, "asserted"


def _subject_or_head(token: Token) -> Token | None:
    """Who a verb or participle is about: its subject, or the noun a participle clause hangs on."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and token.dep_ in ("acl", "relcl", "appos"):
        return token.head
    return subject


def _located(ctx: Context, token: Token) -> Found:
    """"X, based (headquartered) in Y" -> based_in; "X operates in Y" -> operates_in."""
    lemma = token.lemma_.lower()
    if lemma in ("base", "headquarter") and token.tag_ == "VBN":
        kind = "based_in"
    elif lemma == "operate" and token.pos_ == "VERB":
        kind = "operates_in"
    else:
        return
    actor = _entity(ctx, _subject_or_head(token))
    for obj in _prep_objects(token, ("in",)):
        place = _entity(ctx, obj)
        if actor is not None and place is not None and place.kind in ("country", "place"):
            yield kind, actor, place, token.idx, "asserted"


def _owned(ctx: Context, token: Token) -> Found:
    """"X owns Y" and "Y, owned by X"."""
    if token.lemma_.lower() != "own" or token.pos_ != "VERB":
        return
    if token.tag_ == "VBN":
        owned = _entity(ctx, _subject_or_head(token))
        owners = [o for a in token.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"
                  for o in _with_conjuncts(c)]
    else:
        owners = [c for c in token.children if c.dep_ == "nsubj"]
        owned = next((_entity(ctx, c) for c in token.children if c.dep_ == "dobj"), None)
    for owner in (_entity(ctx, o) for o in owners):
        if owner is not None and owned is not None:
            yield "owns", owner, owned, token.idx, "asserted"


SPOKES_WORDS = ("spokesman", "spokeswoman", "spokesperson")


def _spokesperson_title(ctx: Context, entity: Entity) -> bool:
    """A spokesperson word in the title words right before one of the person's names."""
    for m in entity.mentions:
        if m.is_name:
            before = ctx.text[max(0, m.start - 30):m.start].lower().split()[-3:]
            if any(w in SPOKES_WORDS for w in before):
                return True
    return False


# Sectors of a state's own organs: "Mali's ruling military junta" is part of Mali.
STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}


def _state_parts(ctx: Context) -> Found:
    """A state organ named with its state ("Mali's junta", "the Karesian army") is part_of that state,
    when the state itself is an entity of the document. The evidence is the organ mention that names it."""
    countries = [e for e in ctx.record.entities if e.kind == "country"]
    for organ in ctx.record.entities:
        if organ.kind != "organization" or organ.sector not in STATE_SECTORS:
            continue
        for state in countries:
            mention = next((m for m in organ.mentions if not m.is_name and _names_state(m.text, state)), None)
            if mention is not None and state.id != organ.id:
                yield "part_of", organ, state, mention.start, "asserted"
                break


def _names_state(text: str, state: Entity) -> bool:
    """True when a word of ``text`` is the state's name or its demonym ("Malian", "Karesian", "Mali's")."""
    from sitroom.resolve import typing_lexicon as lex

    names = {state.name, *state.aliases}
    for word in text.replace("\u2019", "'").replace("'s", "").split():
        if state.country and lex.country_code(word) == state.country:
            return True
        if any(word == name or lex.demonym_stem_matches(word, name) for name in names if " " not in name):
            return True
    return False
