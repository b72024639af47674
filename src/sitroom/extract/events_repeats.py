"""One act, one event: what a new event adds to the events already told in the document.

A toll with no perpetrator ("Three people were killed.") joins the attack just told; a definite
noun with no actors ("the visit") refers back to a told event; "claimed responsibility for the
assault" adds its claimer to the told assault's sources.
"""

from __future__ import annotations

from sitroom.extract.context import Context
from sitroom.extract.events_candidates import Candidate, is_pure_casualty
from sitroom.extract.events_detect import Trigger
from sitroom.records import Casualties, Event

ORPHAN_WINDOW = 2
"""Sentences back that a subject-less casualty clause ("Three people were killed") may attach to."""


def store_event(ctx: Context, event: Event, cand: Candidate) -> bool:
    """Store the event (or add its toll to the attack it reports); False when it is dropped."""
    if _is_orphan_toll(cand, event) and _attach_to_previous(ctx, event):
        return True
    if _is_anaphoric(cand.trigger, event, ctx.record.events):
        return False
    if _claims_told_event(cand.trigger, event, ctx.record.events):
        return False
    if _found_remains_of_told_killing(cand.trigger, event, ctx.record.events):
        return False
    event.id = ctx.new_id("v")
    ctx.record.events.append(event)
    return True


DEFINITE = ("the", "this", "that", "these", "those")


def _is_anaphoric(trigger: Trigger, event: Event, earlier: list[Event]) -> bool:
    """"the visit", "since the coup" with no actors of their own refer back to a told event, and so
    does a participle naming people by what was done to them ("the nine people arrested were
    released"), when an event of its type was told before."""
    if _recap_participle(trigger):
        return any(e.type == event.type for e in earlier)
    if trigger.kind != "noun" or event.source or event.target:
        return False
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE[:3] for c in trigger.head.children)
    return definite and any(e.type == event.type for e in earlier)


def _is_orphan_toll(cand: Candidate, event: Event) -> bool:
    """"Three people were killed.": a toll with no perpetrator, likely of the attack just told."""
    return is_pure_casualty(cand.trigger) and not event.source


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


FINDING_VERBS = {"find", "discover", "recover", "locate", "uncover", "exhume"}
REMAINS = {"body", "corpse", "remains", "cadaver"}
KILLING_STEMS = ("kill", "murder", "massacr", "slaughter", "execut", "assassinat", "behead", "shot", "shoot",
                 "homicide")
"""Starts of trigger words that tell a killing ("killed", "murders", "the execution")."""


def _found_remains_of_told_killing(trigger: Trigger, event: Event, earlier: list[Event]) -> bool:
    """"Gunmen killed five villagers ... The bodies were found in a ditch": the find reports the
    remains of a killing already told, not a new attack. A find with its own perpetrator, or in
    another place than the killing, stays an event."""
    if trigger.head.lemma_.lower() not in FINDING_VERBS or event.source:
        return False
    if trigger.obj is None or trigger.obj.lemma_.lower() not in REMAINS:
        return False
    for previous in earlier:
        if previous.type != "ASSAULT" or previous.modality not in ATTESTED:
            continue
        killing = bool(previous.casualties.killed) or _tells_killing(previous)
        same_place = event.place is None or previous.place is None or event.place == previous.place
        if killing and same_place:
            return True
    return False


def _tells_killing(event: Event) -> bool:
    text = event.trigger.text.lower() if event.trigger is not None else ""
    return any(word.startswith(KILLING_STEMS) for word in text.split())


def _add_casualties(into: Casualties, extra: Casualties) -> None:
    for name in ("killed", "injured", "arrested", "abducted"):
        value = getattr(extra, name)
        if value is not None:
            setattr(into, name, (getattr(into, name) or 0) + value)


def _recap_participle(trigger: Trigger) -> bool:
    """"the nine people arrested", "those detained": a past participle after a definite noun."""
    verb = trigger.head
    if trigger.kind != "verb" or verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.i < verb.head.i:
        return False
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in verb.head.children)
