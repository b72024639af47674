"""PLOVER rules that need the actors: the final type of a trigger once its sources and targets are known.

* signing an agreement is SUPPORT, but a planned or hypothetical signing is AGREE;
* a planned withdrawal is CONCEDE, a done one RETREAT;
* sending troops or arms (``DEPLOY``) is AID when the destination is a state or a government
  other than the sender, MOBILIZE otherwise;
* arriving (``ARRIVE``) troops are a deployment, arriving officials a visit, anyone else no event;
* raids and operations by police or prosecutors with no violence told are coercion (COERCE);
* people captured by an armed group are abducted (ASSAULT), by anyone else arrested (COERCE);
* violence renounced for the future ("the front would not attack army positions", "will not
  strike") is a verbal concession: CONCEDE, planned (see :func:`renounced_violence`).
"""

from __future__ import annotations

from sitroom.extract.context import Context
from sitroom.extract.events_crime import LAW_NAMES, LAW_SECTORS, police_action
from sitroom.extract.events_detect import Trigger
from sitroom.extract.events_lexicon import DEPLOY, Label
from sitroom.extract.events_refine import ARRIVE


def final_label(trigger: Trigger, modality: str, targets: list[str], sources: list[str],
                ctx: Context) -> Label | None:
    """The PLOVER label of a trigger given its actors and modality; None when it is no event."""
    label = trigger.label
    if label.type == ARRIVE:
        arrival = _arrival_label(sources, ctx, _armed_subject(trigger))
        if arrival is None:
            return None
        label = arrival
    if _captured_noun(trigger):
        label = _capture_by_patient(trigger, label, ctx)
    if label == Label("COERCE", "arrest") and trigger.head.lemma_.lower() == "capture" and sources and all(
            _sector(ctx, s) in IRREGULAR_SECTORS for s in sources):
        return Label("ASSAULT", "abduct")  # armed groups do not arrest: they abduct
    if label.type == "ASSAULT" and sources and police_action(trigger.tokens) and all(
            _law_enforcer(ctx, s) for s in sources):
        return Label("COERCE", "seize" if trigger.head.lemma_.lower() == "raid" else None)  # a police raid
    if label.type == DEPLOY:
        return Label("AID") if _helps_a_state(targets, sources, ctx) else Label("MOBILIZE", label.mode)
    not_yet = modality in ("planned", "hypothetical")
    if label.type == "SUPPORT" and not_yet:
        return Label("AGREE")
    if label.type == "RETREAT" and modality == "planned":
        return Label("CONCEDE", "ceasefire" if label.mode == "ceasefire" else None)
    return label


def _captured_noun(trigger: Trigger) -> bool:
    return trigger.kind == "noun" and trigger.head.lemma_.lower() == "capture"


PLACE_KINDS = {"place", "country"}
ACTOR_KINDS = {"person", "organization", "group"}


def _capture_by_patient(trigger: Trigger, label: Label, ctx: Context) -> Label:
    """"the capture of X" by what the resolved entity X is: a town is taken (ASSAULT), a gang or a
    person arrested (COERCE/arrest). The parser's guess for an unknown name ("Los Rastrojos" as a
    place, "Vell" as a person) is overruled by the entity typing, which reads the whole article."""
    for prep in (c for c in trigger.head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            entity = ctx.entity_at(pobj.idx, pobj.idx + len(pobj.text))
            if entity is None or pobj.pos_ != "PROPN":
                continue  # "the capture of the town of Vell": the common noun already decided
            if entity.kind in PLACE_KINDS:
                return Label("ASSAULT")
            if entity.kind in ACTOR_KINDS:
                return Label("COERCE", "arrest")
    return label


FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}


def renounced_violence(trigger: Trigger) -> bool:
    """"would not attack", "will never attack": a promise not to use force, said now.

    A past negation ("did not attack") is no event at all and stays negated.
    """
    if trigger.label.type != "ASSAULT" or trigger.kind not in ("verb", "light", "support"):
        return False
    children = list(trigger.head.children)
    negated = any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in children)
    return negated and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in children)


REFUSABLE_TYPES = {"CONSULT", "COOPERATE", "AGREE", "SUPPORT"}
"""Types whose announced negation is a refusal: "is not going to negotiate" is a REJECT."""


def refused_engagement(trigger: Trigger) -> bool:
    """"will not negotiate", "is not going to talk", "won't sign": a refusal said now (REJECT).

    Like :func:`renounced_violence`, only the negated future counts: "did not meet" tells that
    nothing happened and stays a negated event."""
    if trigger.label.type not in REFUSABLE_TYPES or trigger.kind not in ("verb", "light", "support"):
        return False
    verb = trigger.head
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children) and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in children):
        return True
    # "is not going to negotiate": the negation sits on "going", the verb is its infinitive
    going = verb.head if verb.dep_ == "xcomp" else None
    return going is not None and going.lower_ == "going" and any(c.dep_ == "neg" for c in going.children)


ARMED_SECTORS = {"MIL", "PMC", "PRM", "REB"}
"""Arriving actors whose arrival is a deployment."""
IRREGULAR_SECTORS = {"REB", "UAF", "CRM", "PMC"}
OFFICIAL_SECTORS = {"GOV", "LEG", "IGO"}


def _law_enforcer(ctx: Context, entity_id: str) -> bool:
    """Police, prosecutors, "the authorities": by sector, or by name when the sector is unknown."""
    entity = ctx.record.entity(entity_id)
    if entity is None:
        return False
    if entity.sector in LAW_SECTORS:
        return True
    return entity.sector is None and bool(set(entity.name.lower().split()) & LAW_NAMES)


def _sector(ctx: Context, entity_id: str) -> str | None:
    entity = ctx.record.entity(entity_id)
    return entity.sector if entity is not None else None


ARMED_WORDS = ("mercenar", "troop", "soldier", "fighter", "army", "militia", "contractor", "paratrooper")


def _armed_name(ctx: Context, entity_id: str) -> bool:
    entity = ctx.record.entity(entity_id)
    return entity is not None and any(w in entity.name.lower() for w in ARMED_WORDS)


def _armed_subject(trigger: Trigger) -> bool:
    """"mercenaries from the Volkov Group arrived": the noun says they are armed, whoever sent them."""
    subjects = [c for c in trigger.head.children if c.dep_ == "nsubj"]
    return any(s.lemma_.lower().startswith(ARMED_WORDS) for s in subjects)


def _arrival_label(sources: list[str], ctx: Context, armed: bool) -> Label | None:
    """Troops arriving are a deployment (AID or MOBILIZE by destination), officials a visit."""
    sectors = {_sector(ctx, s) for s in sources}
    if armed or sectors & ARMED_SECTORS or any(_armed_name(ctx, s) for s in sources):
        return Label(DEPLOY, "troops")
    people = [ctx.record.entity(s) for s in sources]
    if sectors & OFFICIAL_SECTORS or any(e is not None and e.kind == "person" and e.role for e in people):
        return Label("CONSULT", "visit")
    return None  # "the shipment arrived", "tourists arrived": no event


def _helps_a_state(targets: list[str], sources: list[str], ctx: Context) -> bool:
    for target in targets:
        entity = ctx.record.entity(target)
        if entity is None or target in sources:
            continue
        if entity.kind == "country" or entity.sector in ("GOV", "MIL"):
            return True
    return False
