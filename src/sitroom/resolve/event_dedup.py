"""One event, many reports: which stored event cluster a newly read event joins.

Two reports are of the same happening when all of these hold (conservative: a wrong merge hides
an event, a missed one only shows it twice):

- the same PLOVER type;
- the same cross-document actors on each side (source set equal, target set equal), and at least
  one actor named: two actorless "attacks" say nothing about being the same attack;
- compatible modality: reports that it happened (asserted, reported, alleged, and denied, which
  disputes the same happening) go together; plans, hypotheticals and negations each only with their
  own kind, because "will sign" and "signed" are two stages, not one report;
- dates that overlap or lie within :data:`DATE_SLACK_DAYS` of each other, for every report already in
  the cluster (so clusters cannot drift day by day); an event without a date of its own is placed
  at its document's publication date; with neither, it joins nothing;
- the same place, or no place on one side.

:func:`assign_clusters` is incremental: the store hands it the new document's events and the
clusters that could match, and gets back which cluster each event joins (None: a new one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sitroom.resolve.contradictions import EventFacts, iso_bounds

DATE_SLACK_DAYS = 3
"""Reports of one attack or meeting are dated a day or two apart by time zones, "on Sunday" vs the
wire's "overnight", and late follow-ups; three days keeps those together while a week apart is
another event."""

_HAPPENED = frozenset({"asserted", "reported", "alleged", "denied"})


@dataclass
class Cluster:
    """A stored cluster: its id and the reports already in it."""

    id: int | None
    members: list[EventFacts] = field(default_factory=list)


def modality_class(modality: str) -> str:
    """Reports that something happened share one class; plans, hypotheticals, negations their own."""
    return "happened" if modality in _HAPPENED else modality


def signature(v: EventFacts) -> tuple[str, str, frozenset[int], frozenset[int]] | None:
    """What must be equal for two reports to be one event; None when the event names no actor."""
    source = frozenset(a.actor_id for a in v.source)
    target = frozenset(a.actor_id for a in v.target)
    if not source and not target:
        return None
    return (v.type, modality_class(v.modality), source, target)


def event_days(v: EventFacts) -> tuple[date, date] | None:
    """The event's own date range, else its publication date; None when neither is known."""
    return iso_bounds(v.date_start, v.date_end) or iso_bounds(v.published)


def dates_close(a: EventFacts, b: EventFacts) -> bool:
    first, second = event_days(a), event_days(b)
    if first is None or second is None:
        return False
    slack = timedelta(days=DATE_SLACK_DAYS)
    return first[0] <= second[1] + slack and second[0] <= first[1] + slack


def places_agree(a: EventFacts, b: EventFacts) -> bool:
    return a.place is None or b.place is None or a.place == b.place


def same_event(a: EventFacts, b: EventFacts) -> bool:
    """Whether two reports describe one happening (module docstring)."""
    sig = signature(a)
    return sig is not None and sig == signature(b) and dates_close(a, b) and places_agree(a, b)


def joins(v: EventFacts, cluster: Cluster) -> bool:
    return bool(cluster.members) and all(same_event(v, m) for m in cluster.members)


def assign_clusters(new_events: Sequence[EventFacts], candidates: Sequence[Cluster]) -> list[Cluster]:
    """Put each new event into the first candidate cluster it joins, or a new cluster (``id`` None).

    Returns every cluster that gained a member, in the order they first gained one; events of the
    new document may also join each other (one article repeating a report).
    """
    pool = [Cluster(c.id, list(c.members)) for c in candidates]
    touched: dict[int, Cluster] = {}
    for v in new_events:
        home = next((c for c in pool if joins(v, c)), None)
        if home is None:
            home = Cluster(None)
            pool.append(home)
        home.members.append(v)
        touched[id(home)] = home
    return list(touched.values())


def source_count(members: Sequence[EventFacts]) -> int:
    """How many distinct documents report the cluster's event."""
    return len({m.doc_id for m in members})
