"""Event step: PLOVER events with actors, modality, date, place, quantities and casualties.

For each sentence: detect triggers (:mod:`events_detect`), merge casualty verbs into the attack
they report ("ambushed a convoy, killing 12" is one ASSAULT with 12 killed), find actor tokens
(:mod:`events_roles`) and map them to entities (:mod:`events_actors`), read modality
(:mod:`events_modality` plus the containing claim), then attach date, place, quantities and
casualties. PLOVER rules that need actors and modality are in :mod:`events_labels`; one event per act in
:mod:`events_merge` and :mod:`events_cleanup`. Decided here:

* violence by demonstrators is a riot, and so is the demonstration it happens in
  (:mod:`events_riots`).

Noun triggers with nothing attached (no actor, place, date, number) are dropped: "violent attacks
remain a threat" is not an event record anyone can use. Sentences whose only subject is the
author ("I agree") are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitroom.extract.context import Context
from sitroom.extract.events_actors import (
    coarser_geocoded_place,
    first_place_in,
    locative_name_place,
    phrase_chars,
    place_from_preps,
    place_of_phrase,
    resolve_tokens,
)
from sitroom.extract.events_attach import (
    CharSpan,
    claim_for,
    claim_modality,
    clause_head,
    quantities_in,
    subtree_span,
)
from sitroom.extract.events_casualties import casualty_counts, fields_for
from sitroom.extract.events_cleanup import (
    drop_headline_echoes,
    release_after_detention,
    target_reacted_events,
)
from sitroom.extract.events_dating import event_date
from sitroom.extract.events_detect import Trigger, find_triggers, names_its_maker
from sitroom.extract.events_labels import final_label, renounced_violence
from sitroom.extract.events_lexicon import Label, Lexicon, load_lexicon
from sitroom.extract.events_merge import elaboration_host, is_setting, pledged_retreats, promise_contents
from sitroom.extract.events_modality import is_recommendation, modality_from_parse, strongest
from sitroom.extract.events_riots import mark_riots
from sitroom.extract.events_roles import roles_for
from sitroom.records import Casualties, Event

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

PURE_CASUALTY_LEMMAS = {"kill", "wound", "injure", "die", "murder"}
"""Verbs that only report the toll of an attack; merged into a nearby attack trigger."""
STATE_ACTS = {"SANCTION", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE", "SUPPORT", "CONSULT",
              "CONCEDE", "AID", "COOPERATE"}
"""Acts only governments perform: a place named as their subject is metonymy for its government."""
SUSPECTED = {"suspected", "alleged", "presumed", "purported"}
ORPHAN_WINDOW = 2
"""Sentences back that a subject-less casualty clause ("Three people were killed") may attach to."""


@dataclass
class _Candidate:
    trigger: Trigger
    merged: list[Trigger] = field(default_factory=list)
    counted: set[int] = field(default_factory=set)
    """Casualty words this candidate's toll was read from."""
    others: list[Token] = field(default_factory=list)
    """Heads of the sentence's other events: their clauses tell their own tolls."""


class EventStep:
    """Fills ``ctx.record.events``; runs after entities, dates, quantities and claims exist."""

    name = "events"
    version = "1"

    def __init__(self, lexicon: Lexicon | None = None, create_actors: bool = True) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.create_actors = create_actors

    @property
    def extractor(self) -> str:
        return f"{self.name}/{self.version}"

    def __call__(self, ctx: Context) -> None:
        if ctx.doc is None or len(ctx.doc) == 0:
            return
        counted: set[int] = set()  # casualty words already counted, so a toll is counted once
        reactions: list[tuple[Event, str]] = []
        for sent in ctx.doc.sents:
            for candidate in self._candidates(sent):
                event = self._event(ctx, candidate, counted)
                if event is not None and self._add(ctx, event, candidate):
                    counted.update(candidate.counted)
                    reactions.extend(self._reaction(event, candidate.trigger))
        target_reacted_events(ctx, reactions)
        release_after_detention(ctx)
        drop_headline_echoes(ctx)
        mark_riots(ctx)

    def _reaction(self, event: Event, trigger: Trigger) -> list[tuple[Event, str]]:
        """(event, type of the event noun it reacts to) for "condemned the attack"."""
        objects = [trigger.obj] if trigger.obj is not None else []
        objects += [c for c in trigger.head.children if c.dep_ == "dobj"]
        for obj in objects:
            label = self.lexicon.noun(obj.lemma_)
            if label is not None and label.type != event.type:
                return [(event, label.type)]
        return []

    # detection -------------------------------------------------------------------------------

    def _candidates(self, sent: SpacySpan) -> list[_Candidate]:
        triggers = [t for t in find_triggers(sent, self.lexicon) if not _author_voice(t)]
        promised = promise_contents(triggers, self.lexicon) + pledged_retreats(triggers)
        verb_heads = {t.head.i for t in triggers if t.kind != "noun"}
        triggers = [t for t in triggers if t not in promised and not is_setting(t, verb_heads)]
        candidates = [_Candidate(t) for t in triggers]
        for cand in list(candidates):
            host = _casualty_host(cand.trigger, candidates) or _elaborated(cand.trigger, candidates)
            if host is not None:
                host.merged.append(cand.trigger)
                candidates.remove(cand)
        for cand in candidates:
            cand.others = [c.trigger.head for c in candidates
                           if c is not cand and c.trigger.kind not in ("noun", "agent")]
        return candidates

    # building ---------------------------------------------------------------------------------

    def _event(self, ctx: Context, cand: _Candidate, counted: set[int]) -> Event | None:
        trigger = cand.trigger
        if is_recommendation(trigger.head):
            return None  # "ECOWAS should lift the closures": advice, not an act
        roles = roles_for(trigger)
        for merged in cand.merged:  # victims of "killing 12 civilians" are the attack's targets
            roles.targets.extend(t for t in roles_for(merged).targets if t not in roles.sources)
        sources = resolve_tokens(ctx, roles.sources, self.create_actors)
        targets = resolve_tokens(ctx, roles.targets, self.create_actors)
        if not sources.actors and sources.places and trigger.label.type in STATE_ACTS:
            # "Niamey has since expelled the envoy": a capital acting stands for its government
            sources.actors, sources.places = sources.places[:1], sources.places[1:]
        own = subtree_span(trigger.head)
        # participants ("demonstrators ... urged") share the clause of the verb they are subject of
        # so do offers and requests named as the object of their answer ("in January he rejected an ECOWAS offer")
        answered = trigger.kind == "noun" and names_its_maker(trigger.head, self.lexicon)
        anchor = trigger.head.head if trigger.kind == "agent" or answered else trigger.head
        clause = subtree_span(clause_head(anchor))
        sent_span = CharSpan(trigger.head.sent.start_char, trigger.head.sent.end_char)
        # a nominal event only owns what its own phrase says; the sentence may be about another
        spans = [own, clause] if trigger.kind in ("noun", "agent") else [own, clause, sent_span]
        modality, claim_id = self._modality(ctx, trigger, roles.sources)
        label = final_label(trigger, modality, targets.actors, sources.actors, ctx)
        if label is None:
            return None
        if renounced_violence(trigger):
            label, modality = Label("CONCEDE"), "planned"
        event = Event(
            id="",
            type=label.type,
            mode=label.mode,
            modality=modality,
            evidence=ctx.evidence(trigger.start_char, trigger.end_char),
            trigger=ctx.span(trigger.start_char, trigger.end_char),
            source=sources.actors,
            target=[t for t in targets.actors if t not in sources.actors],
            claim=claim_id,
            extractor=self.extractor,
        )
        dated = event_date(ctx, trigger.start_char, spans, trigger.head, modality)
        event.date, event.date_fallback = dated.date, dated.fallback
        event.place = self._geocoded(ctx, self._place(ctx, cand, sources.places + targets.places, spans,
                                                      set(event.source) | set(event.target)), spans)
        self._quantities(ctx, event, cand, [own, clause])
        event.casualties = self._casualties(cand, counted, event.type)
        if trigger.kind in ("noun", "agent") and not _has_arguments(event) and not _is_headline(trigger):
            return None
        event.confidence = _confidence(event, trigger)
        return event

    def _modality(self, ctx: Context, trigger: Trigger, sources: list[Token]) -> tuple[str, str | None]:
        found = {modality_from_parse(trigger.head)}
        if any(c.lower_ in SUSPECTED for s in sources for c in s.children if c.dep_ in ("amod", "advmod", "compound")):
            found.add("alleged")  # "Suspected NLF fighters ambushed ...": who did it is alleged
        if trigger.planned:
            found.add("planned")
        claim = claim_for(ctx, trigger.start_char, trigger.end_char)
        if claim is not None:
            found.add(claim_modality(claim))
        if trigger.kind == "noun" and names_its_maker(trigger.head, self.lexicon):
            found -= {"denied", "negated"}  # "rejected an ECOWAS offer": the offer was made
        if trigger.label.type == "REJECT" and any(t.dep_ == "neg" for t in trigger.tokens):
            # "would never accept autonomy": the negation and the modal make the refusal, said now
            found -= {"negated", "planned", "hypothetical", "reported"}
        return strongest(found), claim.id if claim is not None else None

    def _place(self, ctx: Context, cand: _Candidate, actor_places: list[str], spans: list[CharSpan],
               exclude: set[str]) -> str | None:
        holders = [cand.trigger.head] + ([cand.trigger.obj] if cand.trigger.obj is not None else [])
        holders += [t.head for t in cand.merged]
        objects = [c for h in holders for c in h.children if c.dep_ in ("dobj", "nsubjpass")]
        for obj in objects:  # "shelled the town of Vell"
            found = place_of_phrase(ctx, obj)
            if found is not None:
                return found
        found = place_from_preps(ctx, holders + objects)
        if found is not None:
            return found
        if actor_places:
            return actor_places[0]
        for span in spans:
            found = first_place_in(ctx, span.start, span.end, exclude)
            if found is not None:
                return found
        # "killed a farmer in Djika (Arbinda, Soum)": a name after "in" deeper in the clause
        sent = cand.trigger.head.sent
        return locative_name_place(ctx, [t for t in sent if spans[-1].contains(t.idx, t.idx + len(t.text))])

    def _geocoded(self, ctx: Context, place: str | None, spans: list[CharSpan]) -> str | None:
        """The place, or the geocoded place its qualifier names when it has no coordinates."""
        entity = ctx.record.entity(place)
        if entity is None or entity.geo:
            return place
        wide = spans[-1]
        return coarser_geocoded_place(ctx, entity.id, wide.start, wide.end) or place

    def _quantities(self, ctx: Context, event: Event, cand: _Candidate, spans: list[CharSpan]) -> None:
        for span in spans:
            found = quantities_in(ctx, span)
            if not found:
                continue
            for quantity in found:
                event.quantities.append(quantity.id)
                if quantity.about is None:
                    quantity.about = _quantity_owner(ctx, cand, quantity.span.start, event)
            return

    def _casualties(self, cand: _Candidate, counted: set[int], event_type: str) -> Casualties:
        scope = _scope_tokens(cand)
        trial = set(counted)  # committed only when the event is kept (see __call__)
        counts = casualty_counts(cand.trigger.head, self.lexicon, scope, trial, fields_for(event_type))
        cand.counted = trial - counted
        return Casualties(**counts)

    def _add(self, ctx: Context, event: Event, cand: _Candidate) -> bool:
        """Store the event (or add its toll to the attack it reports); False when it is dropped."""
        if _is_orphan_toll(cand, event) and _attach_to_previous(ctx, event):
            return True
        if _is_anaphoric(cand.trigger, event, ctx.record.events):
            return False
        if _claims_told_event(cand.trigger, event, ctx.record.events):
            return False
        event.id = ctx.new_id("v")
        ctx.record.events.append(event)
        return True


# helpers ----------------------------------------------------------------------------------------


def _author_voice(trigger: Trigger) -> bool:
    """"I agree with ...": the author's opinion, not an event between actors."""
    subjects = [c for c in trigger.head.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(s.lower_ == "i" for s in subjects)


def _is_pure_casualty(trigger: Trigger) -> bool:
    return trigger.kind == "verb" and trigger.head.lemma_.lower() in PURE_CASUALTY_LEMMAS


def _casualty_host(trigger: Trigger, candidates: list[_Candidate]) -> _Candidate | None:
    """The attack a pure casualty verb reports the toll of, when they are syntactically linked."""
    if not _is_pure_casualty(trigger):
        return None
    head = trigger.head
    first = head
    while first.dep_ == "conj" and first.head != first:  # "killing 12 and wounding 20": the first verb's links
        first = first.head
    for cand in candidates:
        other = cand.trigger
        if other is trigger or other.label.type != "ASSAULT":
            continue
        if _is_pure_casualty(other) and other.start_char > trigger.start_char:
            continue  # "killed 3 and wounded 5": the first one hosts
        linked = any(h.head == other.head or other.head.head == h
                     or any(c == other.head for c in h.children if c.dep_ in ("nsubj", "nsubjpass"))
                     for h in {head, first})
        if linked or _participle_of(first, other.head, {c.trigger.head.i for c in candidates}):
            return cand
    return None


PARTICIPLE_CLIMB = 4
CLIMBED = {"advcl", "relcl", "ccomp", "dobj", "pobj", "prep"}
"""Clauses a "killing four people" participle may sit below its attack ("bombed a village that
the army says shelters rebels, killing four"): the parser hangs it on the nearest verb."""


def _participle_of(verb: Token, attack: Token, trigger_heads: set[int]) -> bool:
    """A casualty participle whose chain of non-event clauses leads up to the attack verb."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj"):
        return False
    current = verb.head
    for _ in range(PARTICIPLE_CLIMB):
        if current == attack:
            return True
        if current.i in trigger_heads or current.dep_ not in CLIMBED or current.head == current:
            return False
        current = current.head
    return current == attack


def _elaborated(trigger: Trigger, candidates: list[_Candidate]) -> _Candidate | None:
    host = elaboration_host(trigger, [c.trigger for c in candidates])
    return next((c for c in candidates if c.trigger is host), None)


def _scope_tokens(cand: _Candidate) -> list[Token]:
    """Tokens whose casualty words count for this event: its subtree and the merged triggers'."""
    heads = [cand.trigger.head] + [t.head for t in cand.merged]
    own = {h.i for h in heads}
    # "killed two policemen who shot dead a woman": the relative clause's killing is its own event
    # an event whose clause holds this one ("imposed a curfew after clashes left seven dead") blocks nothing
    blocked = {t.i for other in cand.others if other.i not in own and not _dominates(other, heads)
               for t in other.subtree}
    seen: dict[int, Token] = {}
    for head in heads:
        for token in head.subtree:
            if token.i not in blocked or token.i in own:
                seen[token.i] = token
        seen[head.i] = head
    if cand.trigger.kind == "noun" and cand.trigger.head.dep_ in ("nsubj", "nsubjpass"):
        verb = cand.trigger.head.head  # "clashes resulted in one dead"; "the raid left five dead"
        for token in verb.subtree:
            seen.setdefault(token.i, token)
    return [seen[i] for i in sorted(seen)]


def _dominates(other: Token, heads: list[Token]) -> bool:
    return any(other == h or other in h.ancestors for h in heads)


def _quantity_owner(ctx: Context, cand: _Candidate, char: int, event: Event) -> str | None:
    """The actor a quantity in the event's clause describes, when clear."""
    trigger = cand.trigger
    if trigger.obj is not None:
        start, end = phrase_chars(trigger.obj)
        if start <= char < end and event.source and event.type in ("AID", "MOBILIZE"):
            return event.source[0]  # "deploy 500 fighters": the sender's fighters
    entity = ctx.entity_at(char, char + 1)
    if entity is not None and (entity.id in event.source or entity.id in event.target):
        return entity.id
    return None


def _is_headline(trigger: Trigger) -> bool:
    """"Protest against the sale of land": a verbless fragment whose root is the event noun."""
    head = trigger.head
    return trigger.kind == "noun" and head.dep_ == "ROOT" and not any(
        t.pos_ in ("VERB", "AUX") for t in head.sent)


def _has_arguments(event: Event) -> bool:
    own_date = event.date is not None and not event.date_fallback  # a date from elsewhere says nothing of it
    return bool(event.source or event.target or event.place or own_date or event.quantities
                or any(v for v in event.casualties.to_json().values()))


def _confidence(event: Event, trigger: Trigger) -> float:
    """0.4 for a bare trigger, up to 0.9 with actors on both sides, a date and a place."""
    score = 0.4
    score += 0.15 if event.source else 0.0
    score += 0.1 if event.target else 0.0
    score += 0.1 if event.date and not event.date_fallback else 0.0
    score += 0.1 if event.place else 0.0
    score += 0.05 if trigger.kind != "noun" else 0.0
    return round(min(score, 0.9), 2)


def _is_anaphoric(trigger: Trigger, event: Event, earlier: list[Event]) -> bool:
    """"the visit", "since the coup" with no actors of their own refer back to a told event."""
    if trigger.kind != "noun" or event.source or event.target:
        return False
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in trigger.head.children)
    return definite and any(e.type == event.type for e in earlier)


def _is_orphan_toll(cand: _Candidate, event: Event) -> bool:
    """"Three people were killed.": a toll with no perpetrator, likely of the attack just told."""
    return _is_pure_casualty(cand.trigger) and not event.source


def _attach_to_previous(ctx: Context, event: Event) -> bool:
    here = ctx.sentence_index(event.trigger.start)
    for previous in reversed(ctx.record.events):
        if here - ctx.sentence_index(previous.trigger.start) > ORPHAN_WINDOW:
            return False
        if previous.type == "ASSAULT" and _same_footing(previous.modality, event.modality):
            _add_casualties(previous.casualties, event.casualties)
            return True
    return False


ATTESTED = {"asserted", "reported", "alleged"}


def _same_footing(first: str, second: str) -> bool:
    """A toll attributed to a source ("military sources said 30 were killed") still belongs to the
    attack the text asserts, and so does the toll of an attack whose author is only alleged
    ("Suspected rebels ambushed a convoy. Three soldiers were killed."); a hypothetical or denied
    toll belongs to no attack told as fact."""
    return first == second or {first, second} <= ATTESTED


def _claims_told_event(trigger: Trigger, event: Event, earlier: list[Event]) -> bool:
    """"claimed responsibility for the assault", "had ordered the deployment": the claimer or the
    one who gave the order joins the told act as a source."""
    if trigger.head.lemma_.lower() not in ("claim", "order") or trigger.obj is None or not event.source:
        return False
    definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in trigger.obj.children)
    if trigger.head.lemma_.lower() == "order" and any(c.dep_ == "prep" for c in trigger.obj.children):
        return False  # "ordered the arrest of two reporters": a new act, told with its own patient
    previous = next((e for e in reversed(earlier) if e.type == event.type and e.modality in ATTESTED), None)
    if not definite or previous is None:
        return False
    previous.source.extend(s for s in event.source if s not in previous.source)
    previous.target = [t for t in previous.target if t not in previous.source]
    return True


def _add_casualties(into: Casualties, extra: Casualties) -> None:
    for name in ("killed", "injured", "arrested", "abducted"):
        value = getattr(extra, name)
        if value is not None:
            setattr(into, name, (getattr(into, name) or 0) + value)
