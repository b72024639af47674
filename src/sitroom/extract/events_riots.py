"""Riots: violence by demonstrators or crowds is PROTEST/riot, not ASSAULT (PLOVER and ACLED agree).

Run once per document after its events exist:

* an ASSAULT (burning, looting, storming, beating...) whose every source is a crowd, becomes
  PROTEST/riot. A crowd is an entity named by a crowd noun ("protesters", "the mob", "rioters")
  or one that is the source of a demonstration in the same document ("residents staged a
  demonstration ... they set fire to the town hall");
* a demonstration (PROTEST/demo) becomes PROTEST/riot when crowd violence, vandalism or
  barricades follow it in the same sentence or the next :data:`RIOT_WINDOW` sentences: ACLED's
  "violent demonstration". Blocking traffic alone is not violence (no trigger fires on it).

Plans and threats ("they would barricade the road") do not count: only asserted, reported or
alleged acts do. Violence by police against protesters stays ASSAULT (its source is no crowd).
Communal clashes ("farmers clashed with herders") stay ASSAULT: the sides are communities, not
crowds of demonstrators.
"""

from __future__ import annotations

from sitroom.extract.context import Context
from sitroom.records import Event

CROWD_NOUNS = {"protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators",
               "rioter", "rioters", "mob", "mobs", "crowd", "crowds", "marcher", "marchers"}
RIOT_WINDOW = 2
"""Sentences after a demonstration in which its crowd's violence makes it a riot."""
DONE = {"asserted", "reported", "alleged"}
UNRULY_PROTEST_MODES = {"riot", "vandalize", "obstruct"}
CROWD_MODES = {"demo", "riot", "strike"}
ARMED_SECTORS = {"REB", "MIL", "UAF", "PRM", "PMC", "CRM", "COP", "SPY"}


def mark_riots(ctx: Context) -> None:
    """Retype crowd violence as riots and demonstrations that turned violent as riots."""
    events = ctx.record.events
    _armed_vandalism(ctx, events)
    crowds = _crowd_entities(ctx, events)
    unruly: list[Event] = []
    for event in events:
        if event.type == "ASSAULT" and event.source and all(s in crowds for s in event.source):
            event.type, event.mode = "PROTEST", "riot"
        if event.modality in DONE and event.type == "PROTEST" and event.mode in UNRULY_PROTEST_MODES:
            unruly.append(event)
    for event in events:
        if event.type == "PROTEST" and event.mode == "demo" and _followed_by(ctx, event, unruly):
            event.mode = "riot"


def _armed_vandalism(ctx: Context, events: list[Event]) -> None:
    """"militants vandalized a health centre": destruction by an armed actor is no protest, and
    "soldiers blocked the road" is coercion, not a protest blockade."""
    for event in events:
        if event.type != "PROTEST" or event.mode not in ("vandalize", "obstruct") or not event.source:
            continue
        if all(_sector(ctx, s) in ARMED_SECTORS for s in event.source):
            event.type, event.mode = ("ASSAULT", "destroy") if event.mode == "vandalize" else ("COERCE", None)


def _crowd_entities(ctx: Context, events: list[Event]) -> set[str]:
    """Unorganised civilians who demonstrate, and anyone named by a crowd noun."""
    crowds = {s for e in events if e.type == "PROTEST" and e.mode in CROWD_MODES and e.modality in DONE
              for s in e.source if _sector(ctx, s) in (None, "CVL")}
    for entity in ctx.record.entities:
        words = entity.name.lower().split()
        if words and words[-1] in CROWD_NOUNS:
            crowds.add(entity.id)
    return crowds


def _sector(ctx: Context, entity_id: str) -> str | None:
    entity = ctx.record.entity(entity_id)
    return entity.sector if entity is not None else None


def _followed_by(ctx: Context, demo: Event, unruly: list[Event]) -> bool:
    here = ctx.sentence_index(demo.trigger.start)
    for other in unruly:
        if other is demo:
            continue
        distance = ctx.sentence_index(other.trigger.start) - here
        if 0 <= distance <= RIOT_WINDOW:
            return True
    return False
