"""Relation step: stable ties between resolved entities, read from appositions, titles and patterns.

| pattern                                   | relation          |
|-------------------------------------------|-------------------|
| "X, a close ally of Y"                    | X ally_of Y       |
| "X, a rival of Y" / "X, a critic of Y"    | X competes_with Y / X opposes Y |
| "a spokesman for Y, X" / "Y spokesman X"  | X spokesperson_of Y |
| "X, the leader of Y", "X is the head of Y" | X leads Y        |
| "the mayor of Vell, X"                    | X leads Vell      |
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

More patterns live beside this module: titles before names, verbs of leading and accusations of
financing in :mod:`~sitroom.extract.relations_roles`; rivalries, alliances, branches, presence and
seats in :mod:`~sitroom.extract.relations_ties`; the shared look-ups in
:mod:`~sitroom.extract.relations_base`. Every candidate must fit ``END_KINDS`` (a leader is a person,
a place is only led by its mayor or governor, and so on) and a pattern's post beats the resolver's
guessed affiliation.

Runs after the resolve step and uses ``ctx.doc`` (the spaCy parse) to find the words, and
``ctx.entity_at`` to turn token spans into entity ids. A pattern whose ends are not both entities
is skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extract.context import Context
from sitroom.extract.relations_base import (
    Found,
    clause_actor,
    entity_of,
    entity_or_antecedent,
    nearest_organization,
    prep_objects,
    relative_antecedent,
    subject_or_head,
    with_conjuncts,
)
from sitroom.extract.relations_roles import (
    accused_of_financing,
    council_of_leader,
    leading_verbs,
    past_title_before,
    titled_names,
)
from sitroom.extract.relations_ties import allied, branch_of, present_in, rivals, seated_in
from sitroom.records import Entity, Relation

if TYPE_CHECKING:
    from spacy.tokens import Token

# Appositive head noun -> (relation, the prepositions that introduce its object).
APPOSITIVE_RELATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ally": ("ally_of", ("of",)), "friend": ("ally_of", ("of",)), "confidant": ("ally_of", ("of",)),
    # rivals compete (gangs over turf, parties over votes); critics and opponents oppose
    "rival": ("competes_with", ("of",)), "competitor": ("competes_with", ("of",)),
    "critic": ("opposes", ("of",)), "opponent": ("opposes", ("of",)),
    "spokesman": ("spokesperson_of", ("for", "of")), "spokeswoman": ("spokesperson_of", ("for", "of")),
    "spokesperson": ("spokesperson_of", ("for", "of")),
    "leader": ("leads", ("of",)), "head": ("leads", ("of",)), "chief": ("leads", ("of",)),
    "founder": ("leads", ("of",)), "commander": ("leads", ("of",)), "chairman": ("leads", ("of",)),
    "chairwoman": ("leads", ("of",)), "boss": ("leads", ("of",)), "director": ("leads", ("of",)),
    "president": ("leads", ("of",)), "mayor": ("leads", ("of",)), "governor": ("leads", ("of",)),
    "expert": ("works_for", ("at", "with", "of")), "analyst": ("works_for", ("at", "with", "of")),
    "researcher": ("works_for", ("at", "with", "of")), "professor": ("works_for", ("at", "of")),
    "fellow": ("works_for", ("at",)), "envoy": ("works_for", ("of",)), "official": ("works_for", ("at", "with")),
    "member": ("member_of", ("of",)), "owner": ("owns", ("of",)), "financier": ("finances", ("of",)),
    "offshoot": ("part_of", ("of",)), "affiliate": ("part_of", ("of",)), "branch": ("part_of", ("of",)),
    "faction": ("part_of", ("of",)), "wing": ("part_of", ("of",)), "subsidiary": ("part_of", ("of",)),
    "chapter": ("part_of", ("of",)), "cell": ("part_of", ("of",)),
}
ROLE_RELATIONS = {"spokesperson": "spokesperson_of", "leader": "leads", "chairman": "leads", "founder": "leads",
                  "chief executive": "leads", "ceo": "leads", "commander": "leads", "president": "leads",
                  "mayor": "leads", "governor": "leads", "member": "member_of"}
# Ties a person holds by post: one found by a pattern beats the resolver's guessed affiliation.
ROLE_TYPES = {"leads", "works_for", "member_of", "spokesperson_of"}
# Entity kinds each relation type accepts at its ends (source, target); None accepts any kind.
# Chosen for precision: a state's officials are not annotated as leading or working for it, and a
# place is only led (a mayor's town) or lived in, never a member, employer or ally.
ACTORS = {"person", "organization", "group", "country"}
ORGANISED = {"organization", "group"}
END_KINDS: dict[str, tuple[set[str] | None, set[str] | None]] = {
    "leads": ({"person"}, ORGANISED | {"place"}),
    "works_for": ({"person"}, ORGANISED | {"country"}),
    "spokesperson_of": ({"person"}, ORGANISED | {"country"}),
    "member_of": (ACTORS, ORGANISED),
    "part_of": (ORGANISED, ORGANISED | {"country"}),
    "based_in": (ACTORS, {"place", "country"}),
    "operates_in": (ACTORS, {"place", "country"}),
    "ally_of": (ACTORS, ACTORS), "opposes": (ACTORS, ACTORS), "competes_with": (ACTORS, ACTORS),
    "finances": (ACTORS, ACTORS),
}
FINANCE_VERBS = {"finance", "fund", "bankroll", "sponsor"}
HEDGES = {"allegedly", "reportedly", "purportedly", "supposedly", "alleged", "accused", "suspected"}
MEMBERSHIP_VERBS = {"include", "comprise", "bring"}


class RelationStep:
    """Fills ``ctx.record.relations`` (see module docstring for the patterns)."""

    name = "relations"
    version = "2"

    def __init__(self, state_parts: bool = False) -> None:
        # Off by default: the gold set does not annotate organ part_of ties, and each one counts as a
        # false positive there. Re-measured with the title/rivalry/presence patterns: dev precision
        # 1.00 -> 0.45 and held-out 1.00 -> 0.44 with it on, recall unchanged on both.
        self.state_parts = state_parts

    def __call__(self, ctx: Context) -> None:
        seen: set[tuple[str, str, str]] = set()
        for kind, source, target, anchor, modality in self._candidates(ctx):
            key = (kind, source.id, target.id)
            if source.id == target.id or key in seen or not _fits(kind, source, target):
                continue
            seen.add(key)
            ctx.record.relations.append(Relation(
                id=ctx.new_id("r"), type=kind, source=source.id, target=target.id,
                evidence=ctx.evidence(anchor, anchor + 1), modality=modality,
                extractor=f"{self.name}/{self.version}",
            ))

    def _candidates(self, ctx: Context) -> Found:
        yield from titled_names(ctx)
        yield from rivals(ctx)
        for token in ctx.doc:
            yield from _appositive(ctx, token)
            yield from _copular(ctx, token)
            yield from leading_verbs(ctx, token)
            yield from council_of_leader(ctx, token)
            yield from accused_of_financing(ctx, token)
            yield from allied(ctx, token)
            yield from branch_of(ctx, token)
            yield from present_in(ctx, token)
            yield from seated_in(ctx, token)
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


def _appositive(ctx: Context, token: Token) -> Found:
    """"X, a close ally of Y (and the commander of Z)", "a spokesman for Y, X", "Its leader, X": the
    appositive noun names the tie; its object is a prepositional object or a possessor."""
    if token.dep_ != "appos":
        return
    pairs = [(token, token.head), (token.head, token)]
    pairs += [(conj, token.head) for conj in token.conjuncts]  # "a close ally of Y and the commander of Z"
    if token.head.dep_ == "pobj" and token.head.pos_ == "PROPN":
        pairs.append((token.head.head.head, token))  # "a spokesman for the Kremlin, X" parsed X <- Kremlin
    yield from _titled_pairs(ctx, pairs, token.idx)


def _copular(ctx: Context, token: Token) -> Found:
    """"X is a researcher at Y", "X and Y are rivals": the predicate noun names the tie."""
    if token.dep_ != "attr" or token.head.lemma_ != "be":
        return
    subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return
    subjects = with_conjuncts(subject)
    if len(subjects) == 2 and token.lemma_.lower() in ("rival", "ally", "competitor"):
        yield from _titled_pairs(ctx, [(token, subjects[0])], token.idx, [entity_of(ctx, subjects[1])])
        return
    yield from _titled_pairs(ctx, [(token, s) for s in subjects], token.idx)


def _titled_pairs(ctx: Context, pairs: list[tuple[Token, Token]], anchor: int,
                  extra: list[Entity | None] | None = None) -> Found:
    """For each (relational noun, name): the name's entity tied to the noun's object or possessor."""
    for noun, name in pairs:
        rule = APPOSITIVE_RELATIONS.get(noun.lemma_.lower())
        if rule is None or noun.pos_ == "PROPN":
            continue
        if any(c.lower_ in PAST_MARKERS for c in noun.lefts):
            continue  # "a former member of": no standing tie
        person = entity_of(ctx, name)
        kind = _qualified(rule[0], noun)
        others = [entity_of(ctx, obj) for obj in prep_objects(noun, rule[1])] + [_possessor(ctx, noun)]
        if not any(others):
            others = [entity_of(ctx, c) for c in noun.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
        for other in others + (extra or []):
            if person is None or other is None:
                continue
            if other.kind == "place" and noun.lemma_.lower() not in PLACE_TITLES:
                continue  # "the Vell police chief" leads the police, not the town
            yield kind, person, other, anchor, "asserted"


# The only titles that make their holder lead a place: a town's mayor, a province's governor.
PLACE_TITLES = {"mayor", "governor"}
PAST_MARKERS = {"former", "ex", "ex-", "erstwhile", "onetime", "one-time", "late"}
# A qualified head ("political chief", "deputy leader") leads a part, not the whole: a member of it.
QUALIFIERS = {"political", "military", "deputy", "regional", "local", "vice", "assistant", "armed", "field"}


def _qualified(kind: str, noun: Token) -> str:
    if kind == "leads" and any(c.lower_ in QUALIFIERS for c in noun.lefts):
        return "member_of"
    return kind


def _possessor(ctx: Context, noun: Token) -> Entity | None:
    """"The NLF's political chief" -> the NLF; "Its founder", "the movement's chief" -> the organisation
    the pronoun or common noun stands for (see :func:`nearest_organization`)."""
    poss = next((c for c in noun.lefts if c.dep_ == "poss"), None)
    if poss is None:
        return None
    if poss.lower_ in ("its", "their"):
        return nearest_organization(ctx, poss.idx)
    return entity_or_antecedent(ctx, poss)


def _financed(ctx: Context, token: Token) -> Found:
    """"the group is allegedly financed by X": X finances the subject."""
    if token.lemma_.lower() not in FINANCE_VERBS or token.tag_ != "VBN":
        return
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if subject is None and token.dep_ in ("acl", "relcl"):
        subject = token.head
    hedged = any(t.lower_ in HEDGES for t in token.children) or token.head.lemma_ in ("accuse", "allege")
    for agent in (c for c in token.children if c.dep_ == "agent"):
        for obj in (o for c in agent.children if c.dep_ == "pobj" for o in with_conjuncts(c)):
            funder, funded = entity_of(ctx, obj), entity_of(ctx, subject)
            if funder is not None and funded is not None:
                yield "finances", funder, funded, token.idx, "alleged" if hedged else "asserted"


def _founded(ctx: Context, token: Token) -> Found:
    """"The Volkov Group, a company founded by Viktor Salnikov": the founder (a person) leads it."""
    if token.lemma_.lower() not in ("found", "establish", "create") or token.tag_ != "VBN":
        return
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if subject is None and token.dep_ in ("acl", "relcl"):
        subject = token.head
    founded = entity_of(ctx, subject)
    for agent in (c for c in token.children if c.dep_ == "agent"):
        for obj in (o for c in agent.children if c.dep_ == "pobj" for o in with_conjuncts(c)):
            founder = entity_of(ctx, obj)
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
    current, former = entity_of(ctx, old.head), entity_of(ctx, old)
    if current is not None and former is not None:
        yield "formerly", current, former, token.idx, "asserted"


def _membership(ctx: Context, token: Token) -> Found:
    """"Y, which includes A, B and C": each of A, B, C is a member of Y."""
    if token.lemma_.lower() not in MEMBERSHIP_VERBS or token.dep_ != "relcl":
        return
    group = relative_antecedent(ctx, token)
    for obj in (o for c in token.children if c.dep_ == "dobj" for o in with_conjuncts(c)):
        member = entity_of(ctx, obj)
        if group is not None and member is not None:
            yield "member_of", member, group, token.idx, "asserted"


def _competes(ctx: Context, token: Token) -> Found:
    """"X competes (directly) with Y"; a relative clause's subject is the noun it hangs on."""
    if token.lemma_.lower() != "compete":
        return
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if token.dep_ == "relcl":
        rival = relative_antecedent(ctx, token)
    else:
        rival = entity_of(ctx, subject)
    for obj in prep_objects(token, ("with", "against")):
        other = entity_of(ctx, obj)
        if rival is not None and other is not None:
            yield "competes_with", rival, other, token.idx, "asserted"


def _from_affiliations(ctx: Context) -> Found:
    """Persons the resolver gave an affiliation ("Kremlin spokesman Dmitry Peskov")."""
    for entity in ctx.record.entities:
        target = ctx.entity(entity.affiliation)
        if target is None or not entity.mentions:
            continue
        if any(r.source == entity.id and r.type in ROLE_TYPES for r in ctx.record.relations):
            continue  # a pattern read the post from the words; the resolver's guess may be a shortened name
        if _past_post(ctx, entity):
            continue  # "the former owner of X", "ex-governor Y": no standing tie
        kind = ROLE_RELATIONS.get(entity.role or "", "works_for")
        if _spokesperson_title(ctx, entity):
            kind = "spokesperson_of"  # "army spokesman Colonel Idris Fane": the rank is the role
        if kind == "leads" and any(w in QUALIFIERS for m in entity.mentions if not m.is_name
                                   for w in m.text.lower().split()):
            kind = "member_of"  # "the NLF's political chief"
        yield kind, entity, target, entity.mentions[0].start, "asserted"


def _past_post(ctx: Context, person: Entity) -> bool:
    """True when a title describing one of the person's names is marked as past ("the former head of",
    "former governor X")."""
    for mention in (m for m in person.mentions if m.is_name):
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        post = _title_of_role(root, person.role)
        if post is not None:
            # "Borel's chairman, the former British trade envoy Sir Paul Renn": the post is the title
            # that gave the role; a "former" on another title in the chain is another post
            if any(w.lower_ in PAST_MARKERS for w in post.lefts):
                return True
            continue
        titles = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
        words = [t for t in root.lefts if t.i < span.start] + [w for t in titles for w in t.lefts]
        if any(w.lower_ in PAST_MARKERS for w in words) or past_title_before(ctx, mention):
            return True
    return False


def _title_of_role(name: Token, role: str | None) -> Token | None:
    """The title noun naming ``role`` up the name's chain of appositions, if any."""
    if not role:
        return None
    token = name
    while token.dep_ == "appos" and token.head != token:
        token = token.head
        if token.lower_ == role or token.lemma_.lower() == role:
            return token
    return None


def _located(ctx: Context, token: Token) -> Found:
    """"X, based (headquartered) in Y" -> based_in; "X operates in Y" -> operates_in."""
    lemma = token.lemma_.lower()
    if lemma in ("base", "headquarter") and token.tag_ == "VBN":
        kind = "based_in"
    elif lemma == "operate" and token.pos_ == "VERB":
        kind = "operates_in"
    else:
        return
    actor = clause_actor(ctx, token)
    for obj in prep_objects(token, ("in",)):
        place = entity_of(ctx, obj)
        if actor is not None and place is not None and place.kind in ("country", "place"):
            yield kind, actor, place, token.idx, "asserted"


def _owned(ctx: Context, token: Token) -> Found:
    """"X owns Y" and "Y, owned by X"."""
    if token.lemma_.lower() != "own" or token.pos_ != "VERB":
        return
    if token.tag_ == "VBN":
        owned = entity_of(ctx, subject_or_head(token))
        owners = [o for a in token.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"
                  for o in with_conjuncts(c)]
    else:
        owners = [c for c in token.children if c.dep_ == "nsubj"]
        owned = next((entity_of(ctx, c) for c in token.children if c.dep_ == "dobj"), None)
    for owner in (entity_of(ctx, o) for o in owners):
        if owner is not None and owned is not None:
            yield "owns", owner, owned, token.idx, "asserted"


SPOKES_WORDS = ("spokesman", "spokeswoman", "spokesperson")


def _fits(kind: str, source: Entity, target: Entity) -> bool:
    """True when both ends are of kinds the relation type accepts (see ``END_KINDS``)."""
    sources, targets = END_KINDS.get(kind, (None, None))
    return (sources is None or source.kind in sources) and (targets is None or target.kind in targets)


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
