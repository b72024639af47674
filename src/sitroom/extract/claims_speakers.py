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

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from sitroom.extract.claims_descriptions import (
    BLOC_NOUNS,
    COLLECTIVE_ORG_NOUNS,
    description_span,
    head_word,
    kind_of_description,
    role_of,
    same_role,
    sector_of_description,
)
from sitroom.extract.claims_lexicon import PRONOUN_KINDS, RELATIVE_PRONOUNS, REPORTING_VERBS, SPEAKER_KINDS
from sitroom.extract.context import doc_text
from sitroom.records import Entity, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from sitroom.extract.context import Context

EXTRACTOR = "claims/1"
# "VELL, Karesia, April 7, 2022 - ": an all-caps place, a comma, at most a few words, a dash.
DATELINE = re.compile(r"(?m)^[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)*,[^.!?\n]{0,60}?\s[-–—]{1,2}\s+")
# PLOVER's international codes: what "the bloc" or "the alliance" can be.
INTERNATIONAL = frozenset({"IGO", "UNO", "EUR"})
_DATELINE_KEY = "sitroom.claims.datelines"
ROMANCE_ARTICLES = frozenset({"el", "la", "le", "il", "o", "los", "las", "les", "lo"})
# How many sentences back a pronoun may look for its antecedent (news prose rarely goes further).
PRONOUN_LOOKBACK = 3
# How many sentences back "the minister" or "the bloc" may look for the one it means.
DESCRIPTION_LOOKBACK = 12
# "the force said": the nearest armed body, whatever its name ("Operation Sentinel", "MINUSKA").
ARMED_BODY_NOUNS = frozenset({"force", "forces"})
ARMED_SECTORS = frozenset({"MIL", "PMC", "COP", "PRM", "REB"})
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
    if participle_of_speaker(verb):
        current = verb.head.head  # the parser hung "declaring" on the reported clause: the speaker declares
    for _ in range(4):
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child
        if current.dep_ in ("relcl", "acl"):
            return current.head
        if current.dep_ not in ("xcomp", "advcl", "conj") or current.head.i == current.i:
            return None
        current = current.head
    return None


def participle_of_speaker(verb: Token) -> bool:
    """ "Orn said the group was a criminal gang, declaring that ...": a speech participle after a comma
    that the parser hung on the reported clause belongs to the reporting verb above it."""
    clause = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.lemma_.lower() not in REPORTING_VERBS:
        return False
    if any(c.dep_ == "nsubj" for c in verb.children) or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return False
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING_VERBS and clause.head.i < clause.i


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
        # Indexes: speaker lookup runs for every cue and pronoun; scanning every mention each time made
        # the step quadratic in document length.
        self._by_id: dict[str, Entity] = {e.id: e for e in ctx.record.entities}
        self._by_sentence: dict[int, list[Mention]] = {}
        for mention in ctx.mentions:
            self._index(mention)

    def _index(self, mention: Mention) -> None:
        if mention.entity is None:
            return
        self._by_sentence.setdefault(self.ctx.sentence_index(mention.start), []).append(mention)

    def entity(self, entity_id: str | None) -> Entity | None:
        return self._by_id.get(entity_id) if entity_id else None

    def mentions_in_sentence(self, index: int) -> list[Mention]:
        return self._by_sentence.get(index, [])

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
        if in_dateline(token):  # "MOSCOW, March 8 - The Kremlin dismissed": the parser's subject is the city
            return self._after_dateline(token, outlet_context, create)
        if outlet_context and token.pos_ == "PROPN":
            title = self._longer_title(token, create)
            if title is not None:
                return title
        found = self.entity_of_token(token)
        if found is not None:
            return found
        for child in token.children:
            if child.dep_ == "appos":
                found = self.entity_of_token(child) or self._by_surname(child)
                if found is not None and token.pos_ == "NOUN" and found.kind in ("place", "country"):
                    continue  # "Officials in the capital, Bamako, said": where they are, not who
                if found is not None:
                    return found
        description = kind_of_description(token) if token.pos_ == "NOUN" else None
        if description not in (None, "document"):
            found = self._named_after_description(token, description, outlet_context, create)
            if found is not None:
                return found
        if description == "document":
            return self._author_of_document(token, create)
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
        if description is not None:
            found = self._describe(token, description, create)
            if found is not None:
                return found
        if token.lemma_.lower() in PURPOSE_NOUNS and create:
            return self.previous_topic(token)
        return None

    def _longer_title(self, token: Token, create: bool) -> Entity | None:
        """ "according to Karesia Today": the parser cut the title after "Karesia" (a place to the mention
        step); a source's name runs over the capitalised words right after it."""
        start, end = name_span(token)
        run = _name_after(token)
        if run is None or run[1].idx + len(run[1].text) <= end:
            return None
        end = run[1].idx + len(run[1].text)
        if self.ctx.text[start:end].lower().startswith("the "):
            start += 4
        covering = [m for m in self.mentions_in_sentence(self.ctx.sentence_index(start))
                    if m.start <= start and end <= m.end]
        if covering:
            return None  # the mention step knows the whole name: the usual lookup finds it
        return self._new_named(start, end, "organization", True) if create else None

    def _named_after_description(self, token: Token, description: str, outlet_context: bool,
                                 create: bool) -> Entity | None:
        """ "A pharmacist in the old town, Lucia, said", "according to the news site Karesia Today": the
        name that follows a description says who it is (the parser often hangs it elsewhere)."""
        press = description == "press"
        run = _name_after(token) if press else _apposed_name(token)
        if run is None:
            return None
        first, last = run
        found = self.entity_of_token(last) if first.i == last.i or not press else None
        if found is None and not press:
            found = self._by_surname(last)
        if found is not None and found.kind in ("place", "country"):
            if last.ent_type_ != "PERSON":
                return None
            found = None  # "A pharmacist in the old town, Lucia, said": the model says a person
        if found is not None:
            return found
        if not create:
            return None
        kind = "organization" if press or description in ("org", "orgs") else "person"
        found = self._new_named(first.idx, last.idx + len(last.text), kind, press or outlet_context)
        found.sector = found.sector or sector_of_description([token.lemma_])  # "A pharmacist, Lucia": MED
        return found

    def _after_dateline(self, token: Token, outlet_context: bool, create: bool) -> Entity | None:
        """The real subject: the first noun between the dateline and the verb."""
        verb = token.head
        for candidate in token.doc[token.i + 1:verb.i]:
            if in_dateline(candidate) or candidate.pos_ not in ("NOUN", "PROPN"):
                continue
            head = candidate
            for _ in range(4):  # "The Karesian army": climb to the phrase's head, never into the dateline
                up = head.head
                if up.i >= verb.i or up.i == head.i or up.pos_ not in ("NOUN", "PROPN") or in_dateline(up):
                    break
                head = up
            return self._resolve_noun(head, outlet_context, create)
        return None

    # ---- descriptions (see claims_descriptions) --------------------------------------------------------

    def _author_of_document(self, token: Token, create: bool) -> Entity | None:
        """ "a report by EFE", "a press release from the Attorney General's Office": the author."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                target = _pobj(child)
                if target is not None and target.lower_ not in PRONOUN_KINDS:
                    return self.resolve(target, outlet_context=True, create=create)
        return None

    def _describe(self, token: Token, kind: str, create: bool) -> Entity | None:
        if kind == "role":
            role = role_of(token)
            found = self._nearest(token.idx, lambda e: e.kind == "person" and same_role(e, role or ""))
            return found or self._described_person(token, create)
        if kind == "person":
            return self._described_person(token, create)
        if kind == "press":
            return self._nearest(token.idx, is_outlet)
        if kind == "org":
            return self._described_org(token)
        if kind == "group":
            return self._described(token, "group", create)
        if kind == "orgs":
            return self._described(token, "organization", create)
        return None

    def _described_org(self, token: Token) -> Entity | None:
        """ "the union" after "the National Teachers Union": an organisation named with the word comes
        first; then, for collectives, any international body ("the bloc") or any organisation ("the
        group"); "the force" last of all takes the nearest armed body."""
        lemma = token.lemma_.lower()
        found = self._nearest(token.idx, lambda e: e.kind == "organization" and _named_with(e, lemma))
        if found is not None:
            return found
        if lemma in BLOC_NOUNS:
            return self._nearest(token.idx, lambda e: e.kind == "organization" and e.country in INTERNATIONAL)
        if lemma in COLLECTIVE_ORG_NOUNS:
            return self._nearest(token.idx, lambda e: e.kind == "organization")
        if lemma in ARMED_BODY_NOUNS:
            return self._nearest(token.idx, lambda e: e.kind == "organization" and e.sector in ARMED_SECTORS)
        return None

    def _described_person(self, token: Token, create: bool) -> Entity | None:
        """ "the official" after "a local official": the same person; else a new one by description."""
        head = token.lemma_.lower()
        found = self._nearest(token.idx, lambda e: e.kind == "person" and e.extractor == EXTRACTOR
                              and head_word(e.name) == head)
        if found is None and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            introduced = self._introduction(token)  # claims are not read in text order
            if introduced is not None:
                return self._described(introduced, "person", create)
        return found or self._described(token, "person", create)

    def _introduction(self, token: Token) -> Token | None:
        """The "a local official" that "the official" refers back to, within the look-back window."""
        here = self.ctx.sentence_index(token.idx)
        sentences = self.ctx.record.sentences
        first = sentences[max(0, here - DESCRIPTION_LOOKBACK)].start if sentences else 0
        lemma = token.lemma_.lower()
        i = token.i - 1
        while i >= 0 and token.doc[i].idx >= first:
            earlier = token.doc[i]
            if earlier.lemma_.lower() == lemma and earlier.pos_ == "NOUN" and any(
                    c.dep_ == "det" and c.lower_ in ("a", "an") for c in earlier.children):
                return earlier
            i -= 1
        return None

    def _described(self, token: Token, kind: str, create: bool) -> Entity | None:
        start, end = description_span(token)
        name = self.ctx.text[start:end]
        for ent in self._by_id.values():
            if ent.kind == kind and ent.name.lower() == name.lower():
                return ent
        if not create:
            return None
        ent = Entity(id=self.ctx.new_id("e"), name=name, kind=kind, extractor=EXTRACTOR,
                     sector=sector_of_description(name.split()))
        mention = Mention(start=start, end=end, text=name, kind=kind, label="CLAIM-SPEAKER", is_name=False,
                          sentence=self.ctx.sentence_index(start), entity=ent.id, extractor=EXTRACTOR)
        self._add(ent, mention)
        return ent

    def _nearest(self, char: int, fits: Callable[[Entity], bool]) -> Entity | None:
        """The entity of the nearest mention before ``char`` (this sentence, then earlier ones) that fits."""
        here = self.ctx.sentence_index(char)
        for index in range(here, max(-1, here - DESCRIPTION_LOOKBACK - 1), -1):
            for m in sorted(self.mentions_in_sentence(index), key=lambda m: -m.start):
                ent = self.entity(m.entity) if m.start < char else None
                if ent is not None and ent.role != "author" and fits(ent):
                    return ent
        return None

    def entity_of_token(self, token: Token) -> Entity | None:
        """The entity of the longest resolved mention covering ``token`` and of a speaker kind."""
        best: Mention | None = None
        for m in self.mentions_in_sentence(self.ctx.sentence_index(token.idx)):
            if not (m.start <= token.idx < m.end):
                continue
            if best is None or (m.end - m.start) > (best.end - best.start):
                best = m
        ent = self.entity(best.entity) if best else None
        return ent if ent is not None and ent.kind in SPEAKER_KINDS else None

    def antecedent(self, pronoun: Token, kinds: tuple[str, ...]) -> Entity | None:
        """The most prominent fitting entity before the pronoun, nearest sentence first; for "they", a
        described group that is the subject of the pronoun's own sentence ("Authorities in Karesia
        arrested a man they said was ...") comes first."""
        if pronoun.lower_ == "they":
            described = self._described_subject(pronoun)
            if described is not None:
                return described
        here = self.ctx.sentence_index(pronoun.idx)
        for index in range(here, max(-1, here - PRONOUN_LOOKBACK - 1), -1):
            found = self._most_prominent(index, kinds, before=pronoun.idx)
            if found is not None:
                return found
        return None

    def _described_subject(self, pronoun: Token) -> Entity | None:
        root = pronoun.sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i >= pronoun.i or subject.pos_ != "NOUN":
            return None
        if kind_of_description(subject) not in ("group", "orgs") or self.entity_of_token(subject):
            return None
        return self.resolve(subject)

    def previous_topic(self, token: Token) -> Entity | None:
        here = self.ctx.sentence_index(token.idx)
        if here <= 0:
            return None
        return self._most_prominent(here - 1, ("organization", "country", "person", "place"), token.idx)

    def _most_prominent(self, sentence: int, kinds: tuple[str, ...], before: int) -> Entity | None:
        best: tuple[int, int, Entity] | None = None
        for m in self.mentions_in_sentence(sentence):
            if m.start >= before:
                continue
            ent = self.entity(m.entity)
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
        while token.head.i != token.i and depth < 50:
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
        return self._new_named(start, end, self._guess_kind(token, outlet_context), outlet_context)

    def _new_named(self, start: int, end: int, kind: str, outlet_context: bool) -> Entity:
        text = self.ctx.text[start:end]
        for ent in self._by_id.values():  # the same new name twice is one speaker
            if ent.extractor == EXTRACTOR and ent.kind == kind and ent.name == text:
                return ent
        ent = Entity(id=self.ctx.new_id("e"), name=text, kind=kind, extractor=EXTRACTOR)
        mention = Mention(start=start, end=end, text=text, kind=kind, label="CLAIM-SPEAKER",
                          sentence=self.ctx.sentence_index(start), entity=ent.id, extractor=EXTRACTOR)
        if outlet_context or (kind == "organization" and _looks_like_outlet(text)):
            ent.sector = "JRN"
        self._add(ent, mention)
        return ent

    def _add(self, ent: Entity, mention: Mention) -> None:
        ent.mentions.append(mention)
        self.ctx.mentions.append(mention)
        if ent.id not in self._by_id:
            self.ctx.record.entities.append(ent)
            self._by_id[ent.id] = ent
        self._index(mention)

    def _guess_kind(self, token: Token, outlet_context: bool) -> str:
        if any(c.dep_ == "appos" and kind_of_description(c) == "press" for c in token.children):
            return "organization"  # "Primicias, a local news site": a title, whatever the model says
        if token.ent_type_ in _LABEL_KIND:
            return _LABEL_KIND[token.ent_type_]
        start, end = name_span(token)
        words = set(self.ctx.text[start:end].lower().split())
        if outlet_context or words & _ORG_WORDS:
            return "organization"
        return "person"


def _named_with(entity: Entity, word: str) -> bool:
    """ "the ministry" fits "French defence ministry" (by name, alias or any mention's text)."""
    names = [entity.name, *entity.aliases, *(m.text for m in entity.mentions)]
    return any(word in name.lower().replace("'s", "").split() for name in names)


def in_dateline(token: Token) -> bool:
    """True for a token of a dateline ("MOSCOW, March 8, 2022 - ") at the start of a line."""
    return any(start <= token.idx < end for start, end in datelines_from(token.doc, token.idx)[:1])


def datelines(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the document's datelines, found once per document (kept in ``user_data``)."""
    cached = doc.user_data.get(_DATELINE_KEY)
    if cached is None:
        cached = [(m.start(), m.end()) for m in DATELINE.finditer(doc_text(doc))]
        doc.user_data[_DATELINE_KEY] = cached
    return cached


def datelines_from(doc: Doc, char: int) -> list[tuple[int, int]]:
    """The datelines from the last one starting at or before ``char`` on (bisect: wire copy can hold
    one per story, and every cue asks)."""
    spans = datelines(doc)
    starts = doc.user_data.get(_DATELINE_KEY + ".starts")
    if starts is None or len(starts) != len(spans):
        starts = [s for s, _ in spans]
        doc.user_data[_DATELINE_KEY + ".starts"] = starts
    return spans[max(0, bisect.bisect_right(starts, char) - 1):]


# Model labels a name after a description may carry: people and bodies, not places or dates.
_NAME_LABELS = frozenset({"PERSON", "ORG", ""})
_MAX_NAME_WORDS = 4


def _apposed_name(subject: Token) -> tuple[Token, Token] | None:
    """ "A pharmacist in the old town, Lucia, said": the proper name set off by commas between a
    described subject and its verb, wherever the parser hung it. Returns its first and last token."""
    verb = subject.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or verb.i <= subject.i:
        return None
    between = list(subject.doc[subject.i + 1:verb.i])
    while between and between[-1].dep_ in ("aux", "auxpass", "neg", "advmod"):
        between.pop()  # "..., Lucia, has long said"
    if between and between[-1].text == ",":
        between.pop()
    run: list[Token] = []
    while between and between[-1].pos_ == "PROPN" and len(run) < _MAX_NAME_WORDS:
        run.insert(0, between.pop())
    if not run or not between or between[-1].text != ",":
        return None
    if any(t.ent_type_ not in _NAME_LABELS for t in run):
        return None  # "Officials in Vell, Karesia, said": a place, not a name for the officials
    return run[0], run[-1]


def _name_after(description: Token) -> tuple[Token, Token] | None:
    """ "the news site Karesia Today", "the daily El Heraldo": the title right after a press noun,
    whatever labels the model gave its words (a title is not a place or a date)."""
    run: list[Token] = []
    for token in description.doc[description.i + 1:description.i + 1 + _MAX_NAME_WORDS]:
        if token.pos_ != "PROPN" and not (run and token.text[:1].isupper() and token.is_alpha):
            break
        run.append(token)
    return (run[0], run[-1]) if run else None


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ == "pobj":
            return child
    return None


def _looks_like_outlet(name: str) -> bool:
    from sitroom.extract.claims_lexicon import OUTLET_WORDS

    words = name.lower().replace("-", " ").split()
    if len(words) >= 2 and words[0] in ROMANCE_ARTICLES and name[:1].isupper():
        return True  # "El Tiempo", "La Prensa", "O Globo": titles, not people (the model often says PERSON)
    return bool(set(words) & OUTLET_WORDS) or name.lower() in OUTLET_WORDS


def is_outlet(entity: Entity | None) -> bool:
    """News outlets and similar publishers: a claim attributed through them has them as ``via``."""
    if entity is None:
        return False
    if entity.sector == "JRN":
        return True
    if entity.sector or entity.kind in ("place", "country", "person", "group"):
        return False  # "Los Rastrojos" (a gang) looks like "La Prensa" by its article, not by what it is
    return _looks_like_outlet(entity.name)
