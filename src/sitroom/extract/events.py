"""Event step: PLOVER events with actors, modality, date, place, quantities and casualties.

For each sentence: detect triggers (:mod:`events_detect`), merge casualty verbs into the attack
they report ("ambushed a convoy, killing 12" is one ASSAULT with 12 killed; :mod:`events_candidates`),
find actor tokens
(:mod:`events_roles`) and map them to entities (:mod:`events_actors`), read modality
(:mod:`events_modality` plus the containing claim), then attach date, place, quantities and
casualties. PLOVER rules that need actors and modality are in :mod:`events_labels`; one event per act in
:mod:`events_merge`, :mod:`events_repeats` and :mod:`events_cleanup`. Decided here:

* violence by demonstrators is a riot, and so is the demonstration it happens in
  (:mod:`events_riots`);
* habits and generalisations ("gangs extort shopkeepers", "typically kidnaps") are no events
  (:mod:`events_generic`).

Noun triggers with nothing attached (no actor, place, date, number) are dropped: "violent attacks
remain a threat" is not an event record anyone can use. Sentences whose only subject is the
author ("I agree") are skipped.
"""

from __future__ import annotations

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
from sitroom.extract.events_candidates import Candidate, candidates_in, scope_tokens
from sitroom.extract.events_casualties import casualty_counts, fields_for
from sitroom.extract.events_cleanup import (
    drop_agent_echoes,
    drop_headline_echoes,
    fold_stated_contents,
    release_after_detention,
    target_reacted_events,
)
from sitroom.extract.events_dating import event_date
from sitroom.extract.events_detect import Trigger, names_its_maker
from sitroom.extract.events_generic import is_generic
from sitroom.extract.events_labels import final_label, refused_engagement, renounced_violence
from sitroom.extract.events_lexicon import Label, Lexicon, load_lexicon
from sitroom.extract.events_modality import is_recommendation, modality_from_parse, strongest
from sitroom.extract.events_repeats import store_event
from sitroom.extract.events_riots import mark_riots
from sitroom.extract.events_roles import roles_for, subject_act_mode
from sitroom.records import Casualties, Event

if TYPE_CHECKING:
    from spacy.tokens import Token

STATE_ACTS = {"SANCTION", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE", "SUPPORT", "CONSULT",
              "CONCEDE", "AID", "COOPERATE"}
"""Acts only governments perform: a place named as their subject is metonymy for its government."""
SUSPECTED = {"suspected", "alleged", "presumed", "purported"}


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
            for candidate in candidates_in(sent, self.lexicon):
                event = self._event(ctx, candidate, counted)
                if event is not None and store_event(ctx, event, candidate):
                    counted.update(candidate.counted)
                    reactions.extend(self._reaction(event, candidate.trigger))
        target_reacted_events(ctx, reactions)
        release_after_detention(ctx)
        drop_headline_echoes(ctx)
        mark_riots(ctx)
        drop_agent_echoes(ctx)
        fold_stated_contents(ctx)

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

    # building ---------------------------------------------------------------------------------

    def _event(self, ctx: Context, cand: Candidate, counted: set[int]) -> Event | None:
        trigger = cand.trigger
        if is_recommendation(trigger.head):
            return None  # "ECOWAS should lift the closures": advice, not an act
        if trigger.kind not in ("noun", "agent") and is_generic(trigger.head):
            return None  # "gangs extort shopkeepers": what a kind of actor does, not one act
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
        if label.type == "ASSAULT" and label.mode is None and trigger.kind == "verb":
            label = Label("ASSAULT", subject_act_mode(trigger.head))  # "an airstrike killed 11": aerial
        if renounced_violence(trigger):
            label, modality = Label("CONCEDE"), "planned"
        elif refused_engagement(trigger) and modality == "negated":
            label, modality = Label("REJECT"), "reported" if claim_id else "asserted"  # the refusal is said
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
        if trigger.kind == "noun" and _generic_condition(trigger, event):
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

    def _place(self, ctx: Context, cand: Candidate, actor_places: list[str], spans: list[CharSpan],
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

    def _quantities(self, ctx: Context, event: Event, cand: Candidate, spans: list[CharSpan]) -> None:
        for span in spans:
            found = quantities_in(ctx, span)
            if not found:
                continue
            for quantity in found:
                event.quantities.append(quantity.id)
                if quantity.about is None:
                    quantity.about = _quantity_owner(ctx, cand, quantity.span.start, event)
            return

    def _casualties(self, cand: Candidate, counted: set[int], event_type: str) -> Casualties:
        scope = scope_tokens(cand)
        trial = set(counted)  # committed only when the event is kept (see __call__)
        counts = casualty_counts(cand.trigger.head, self.lexicon, scope, trial, fields_for(event_type))
        cand.counted = trial - counted
        return Casualties(**counts)


# helpers ----------------------------------------------------------------------------------------


def _quantity_owner(ctx: Context, cand: Candidate, char: int, event: Event) -> str | None:
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


CONDITION_NOUNS = {"violence", "unrest", "insecurity", "abuse", "fighting"}
"""Nouns that name a state of affairs as often as an act ("the root causes of violence in Vell")."""


def _generic_condition(trigger: Trigger, event: Event) -> bool:
    """"violence in Latin America": a condition noun with only a place is a situation, not an event."""
    if trigger.head.lemma_.lower() not in CONDITION_NOUNS or event.source or event.target:
        return False
    own_date = event.date is not None and not event.date_fallback
    counted = any(v for v in event.casualties.to_json().values())
    return not own_date and not counted and not event.quantities


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


