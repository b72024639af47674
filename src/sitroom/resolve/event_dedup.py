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
  at its document's publication date; with neither, or with a span of :data:`MAX_SPAN_DAYS` or more
  (a year), it joins nothing;
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

MAX_SPAN_DAYS = 31
"""An event dated only to a year (or a range longer than a month) cannot tell one attack from the
next, so it joins no other report; this also lets a store find candidates by a bounded date range."""

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


def _too_vague(days: tuple[date, date]) -> bool:
    return (days[1] - days[0]).days >= MAX_SPAN_DAYS


def stored_days(date_start: str | None, date_end: str | None,
                published: str | None) -> tuple[str | None, str | None]:
    """The ISO first and last day a store keeps for an event (columns ``day_first``/``day_last``):
    :func:`event_days` of its own dates, else its document's publication date; (None, None) if neither."""
    days = iso_bounds(date_start, date_end) or iso_bounds(published)
    return (days[0].isoformat(), days[1].isoformat()) if days else (None, None)


def dates_close(a: EventFacts, b: EventFacts) -> bool:
    first, second = event_days(a), event_days(b)
    if first is None or second is None or _too_vague(first) or _too_vague(second):
        return False
    return _days_close(first, second)


def _days_close(first: tuple[date, date], second: tuple[date, date]) -> bool:
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
    same = _SameEvent()
    for v in new_events:
        home = next((c for c in pool if c.members and all(same(v, m) for m in c.members)), None)
        if home is None:
            home = Cluster(None)
            pool.append(home)
        home.members.append(v)
        touched[id(home)] = home
    return list(touched.values())


class _SameEvent:
    """:func:`same_event` with each report's signature and days computed once (a store hands in
    hundreds of candidate reports, each compared with every new event)."""

    def __init__(self) -> None:
        self._signatures: dict[int, tuple[str, str, frozenset[int], frozenset[int]] | None] = {}
        self._days: dict[int, tuple[date, date] | None] = {}

    def _signature(self, v: EventFacts) -> tuple[str, str, frozenset[int], frozenset[int]] | None:
        if id(v) not in self._signatures:
            self._signatures[id(v)] = signature(v)
        return self._signatures[id(v)]

    def _event_days(self, v: EventFacts) -> tuple[date, date] | None:
        if id(v) not in self._days:
            days = event_days(v)
            self._days[id(v)] = None if days is None or _too_vague(days) else days
        return self._days[id(v)]

    def __call__(self, a: EventFacts, b: EventFacts) -> bool:
        sig = self._signature(a)
        if sig is None or sig != self._signature(b) or not places_agree(a, b):
            return False
        first, second = self._event_days(a), self._event_days(b)
        return first is not None and second is not None and _days_close(first, second)


def source_count(members: Sequence[EventFacts]) -> int:
    """How many distinct documents report the cluster's event."""
    return len({m.doc_id for m in members})
