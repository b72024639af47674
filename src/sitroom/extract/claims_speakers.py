"""Who is speaking: subjects of reporting verbs resolved to entities.

The order of attempts for a subject noun phrase:

1. the entity of a mention covering the subject's head word ("Karesian spokesman Pavel Orn");
2. a pronoun ("he", "it") -> the most prominent entity of a fitting kind in the same sentence before it,
   else in up to three sentences before (prominence = fewest dependency steps to the sentence root, so
   "financed by Yevgeny Prigozhin, a close ally of Putin" gives Prigozhin);
3. a relative pronoun ("Maiga, who asked") -> its antecedent;
4. an apposition ("A spokesman for the Kremlin, Dimitry Peskov") -> the named person; then the
   organisation the role belongs to ("a spokesman for the Kremlin" -> Kremlin, "Karesia's minister");
5. a bare surname or short name that no mention covers ("Marten went on to say") -> the person entity
   whose name ends with it;
6. a proper name nothing else knows -> a new entity (kind from the model's label or the context), so
   that an outlet like "the Karesia Herald" can still be a speaker when the mention step missed it;
7. a purpose noun ("The goal of the visit was to stress ...") -> the most prominent actor of the
   previous sentence (the one whose goal it is).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitroom.extract.claims_lexicon import PRONOUN_KINDS, RELATIVE_PRONOUNS, SPEAKER_KINDS
from sitroom.records import Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from sitroom.extract.context import Context

EXTRACTOR = "claims/1"
# How many sentences back a pronoun may look for its antecedent (news prose rarely goes further).
PRONOUN_LOOKBACK = 3
# Subjects that stand for the intention of an actor named just before.
PURPOSE_NOUNS = frozenset({"goal", "aim", "purpose", "objective", "intent", "intention", "point", "message"})
_LABEL_KIND = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "country"}
_ORG_WORDS = frozenset({"policy", "institute", "agency", "ministry", "group", "company", "herald", "times",
                        "news", "post", "journal", "university", "council", "office", "foundation",
                        "center", "centre", "committee", "network", "reuters", "press", "gazette"})


def author_entity(ctx: Context) -> Entity | None:
    """The byline author as an entity (kind person, role author), added to the record if missing."""
    name = (ctx.document.author or "").strip()
    if not name:
        return None
    for ent in ctx.record.entities:
        if ent.name.lower() == name.lower() and ent.kind == "person":
            ent.role = ent.role or "author"
            return ent
    ent = Entity(id=ctx.new_id("e"), name=name, kind="person", role="author", extractor=EXTRACTOR)
    ctx.record.entities.append(ent)
    return ent


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, climbing through control and coordination ("went on to say", "and added")."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child
        if current.dep_ in ("relcl", "acl"):
            return current.head
        if current.dep_ not in ("xcomp", "advcl", "conj") or current.head is current:
            return None
        current = current.head
    return None


def agent_of(verb: Token) -> Token | None:
    """The "by X" of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def name_span(token: Token) -> tuple[int, int]:
    """Characters of a name around its head word: "Dimitry Peskov", "Foreign Policy"."""
    left = token
    for child in token.lefts:
        if child.dep_ in ("compound", "flat") and child.i < left.i:
            left = child
    right = token
    for child in token.rights:
        if child.dep_ in ("compound", "flat") and child.i == right.i + 1:
            right = child
    return left.idx, right.idx + len(right.text)


class SpeakerResolver:
    """Maps subject tokens to entity ids for one document; see the module docstring for the order."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def resolve(self, token: Token | None, outlet_context: bool = False, create: bool = True) -> Entity | None:
        """The entity ``token`` stands for; ``create`` allows adding an entity for an unknown name."""
        if token is None:
            return None
        lower = token.lower_
        if lower in PRONOUN_KINDS:
            return self.antecedent(token, PRONOUN_KINDS[lower])
        if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            antecedent = token.head.head  # "Maiga, who asked": the noun the clause hangs on
            if antecedent.pos_ not in ("NOUN", "PROPN"):
                return None
            return self.resolve(antecedent, outlet_context, create)
        return self._resolve_noun(token, outlet_context, create)

    def _resolve_noun(self, token: Token, outlet_context: bool, create: bool) -> Entity | None:
        found = self.entity_of_token(token)
        if found is not None:
            return found
        for child in token.children:
            if child.dep_ == "appos":
                found = self.entity_of_token(child) or self._by_surname(child)
                if found is not None:
                    return found
        for child in token.children:
            if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in ("for", "of", "at")):
                target = child if child.dep_ == "poss" else _pobj(child)
                found = self.entity_of_token(target) if target is not None else None
                if found is not None:
                    return found
        if token.pos_ == "PROPN":
            found = self._by_surname(token)
            if found is None and create:
                found = self._new_entity(token, outlet_context)
            return found
        if token.lemma_.lower() in PURPOSE_NOUNS and create:
            return self.previous_topic(token)
        return None

    def entity_of_token(self, token: Token) -> Entity | None:
        """The entity of the longest resolved mention covering ``token`` and of a speaker kind."""
        best: Mention | None = None
        for m in self.ctx.mentions:
            if m.entity is None or not (m.start <= token.idx < m.end):
                continue
            if best is None or (m.end - m.start) > (best.end - best.start):
                best = m
        ent = self.ctx.record.entity(best.entity) if best else None
        return ent if ent is not None and ent.kind in SPEAKER_KINDS else None

    def antecedent(self, pronoun: Token, kinds: tuple[str, ...]) -> Entity | None:
        """The most prominent fitting entity before the pronoun, nearest sentence first."""
        here = self.ctx.sentence_index(pronoun.idx)
        for index in range(here, max(-1, here - PRONOUN_LOOKBACK - 1), -1):
            found = self._most_prominent(index, kinds, before=pronoun.idx)
            if found is not None:
                return found
        return None

    def previous_topic(self, token: Token) -> Entity | None:
        here = self.ctx.sentence_index(token.idx)
        if here <= 0:
            return None
        return self._most_prominent(here - 1, ("organization", "country", "person", "place"), token.idx)

    def _most_prominent(self, sentence: int, kinds: tuple[str, ...], before: int) -> Entity | None:
        best: tuple[int, int, Entity] | None = None
        for m in self.ctx.mentions:
            if m.entity is None or m.start >= before or self.ctx.sentence_index(m.start) != sentence:
                continue
            ent = self.ctx.record.entity(m.entity)
            if ent is None or ent.kind not in kinds or ent.role == "author":
                continue
            rank = (self._depth(m), m.start)
            if best is None or rank < best[:2]:
                best = (rank[0], rank[1], ent)
        return best[2] if best else None

    def _depth(self, mention: Mention) -> int:
        """Dependency steps from the mention's head word to its sentence root."""
        span = self.ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return 99
        token, depth = span.root, 0
        while token.head is not token and depth < 50:
            token, depth = token.head, depth + 1
        return depth

    def _by_surname(self, token: Token) -> Entity | None:
        """A person entity whose name ends with this word, or any entity with this exact name."""
        start, end = name_span(token)
        text = self.ctx.text[start:end].lower().removeprefix("the ")
        last = text.split()[-1] if text.split() else ""
        for ent in self.ctx.record.entities:
            names = [ent.name.lower(), *(a.lower() for a in ent.aliases)]
            if text in names:
                return ent
            if ent.kind == "person" and ent.name.lower().split()[-1:] == [last]:
                return ent
        return None

    def _new_entity(self, token: Token, outlet_context: bool) -> Entity:
        """A speaker the mention step missed: add it with one mention so it can be referenced."""
        start, end = name_span(token)
        if self.ctx.text[start:end].lower().startswith("the "):
            start += 4
        text = self.ctx.text[start:end]
        kind = self._guess_kind(token, outlet_context)
        ent = Entity(id=self.ctx.new_id("e"), name=text, kind=kind, extractor=EXTRACTOR)
        mention = Mention(start=start, end=end, text=text, kind=kind, label="CLAIM-SPEAKER",
                          sentence=self.ctx.sentence_index(start), entity=ent.id, extractor=EXTRACTOR)
        if outlet_context or (kind == "organization" and _looks_like_outlet(text)):
            ent.sector = "JRN"
        ent.mentions.append(mention)
        self.ctx.mentions.append(mention)
        self.ctx.record.entities.append(ent)
        return ent

    def _guess_kind(self, token: Token, outlet_context: bool) -> str:
        if token.ent_type_ in _LABEL_KIND:
            return _LABEL_KIND[token.ent_type_]
        start, end = name_span(token)
        words = set(self.ctx.text[start:end].lower().split())
        if outlet_context or words & _ORG_WORDS:
            return "organization"
        return "person"


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ == "pobj":
            return child
    return None


def _looks_like_outlet(name: str) -> bool:
    from sitroom.extract.claims_lexicon import OUTLET_WORDS

    return bool(set(name.lower().replace("-", " ").split()) & OUTLET_WORDS) or name.lower() in OUTLET_WORDS


def is_outlet(entity: Entity | None) -> bool:
    """News outlets and similar publishers: a claim attributed through them has them as ``via``."""
    if entity is None:
        return False
    return entity.sector == "JRN" or _looks_like_outlet(entity.name)
