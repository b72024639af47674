"""Dates, quantities and claims for an event, looked up by character span.

Dates: the event's own subtree first, then its clause (the verb group it belongs to), then its
sentence; never the publication date. Uses ``sitroom.extract.dates.dates_in`` when the dates step
provides it, and ``ctx.record.dates`` filtered by evidence span otherwise.
Claims: ``sitroom.extract.claims.claim_containing`` / ``modality_for_claim`` when present.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sitroom.extract.context import Context
from sitroom.records import Claim, DateRef, Quantity

if TYPE_CHECKING:
    from spacy.tokens import Token

CLAUSE_LINKS = {"xcomp", "conj", "advcl", "acl", "pcomp", "relcl"}
"""Dependencies climbed to find the clause an event belongs to ("is set to send", "killing 12")."""
MAX_CLAUSE_CLIMB = 3


@dataclass(frozen=True)
class CharSpan:
    start: int
    end: int

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def subtree_span(token: Token) -> CharSpan:
    return CharSpan(token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text))


def clause_head(token: Token) -> Token:
    """The head of the clause a trigger belongs to (climbing xcomp/conj/participle links)."""
    current = token
    for _ in range(MAX_CLAUSE_CLIMB):
        if current.dep_ not in CLAUSE_LINKS or current.head == current:
            break
        current = current.head
    return current


def _dates_in(ctx: Context, span: CharSpan) -> list[DateRef]:
    finder: Callable[..., list[DateRef]] | None
    try:
        from sitroom.extract.dates import dates_in as finder  # type: ignore[attr-defined,no-redef]
    except ImportError:
        finder = None
    if finder is not None:
        try:
            return list(finder(ctx, span.start, span.end))
        except Exception:  # a half-written dates module must not break events
            pass
    return [d for d in ctx.record.dates if span.contains(d.evidence.start, d.evidence.end)]


def date_for(ctx: Context, trigger_char: int, spans: list[CharSpan], head: Token | None = None,
             accept: Callable[[DateRef], bool] | None = None) -> DateRef | None:
    """The resolved date closest to the trigger in the first span (innermost first) that has one.

    Closest in the parse first, then in characters: in "On 22 August, militants killed a farmer
    abducted on 10 August" the killing hangs from "On 22 August" and the abduction from the other.
    ``accept`` filters out dates that are not the event's (deadlines, datelines: see events_dating).
    """
    for span in spans:
        found = [d for d in _dates_in(ctx, span) if d.start is not None and (accept is None or accept(d))]
        if found:
            return min(found, key=lambda d: (_tree_distance(ctx, d, head), abs(d.evidence.start - trigger_char)))
    return None


def _tree_distance(ctx: Context, date: DateRef, head: Token | None) -> int:
    """Dependency path length between a date expression and the trigger head (0 when unknown)."""
    if head is None or ctx.doc is None:
        return 0
    span = ctx.doc.char_span(date.evidence.start, date.evidence.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    up_date = [span.root, *span.root.ancestors]
    up_head = {t.i: n for n, t in enumerate([head, *head.ancestors])}
    for n, token in enumerate(up_date):
        if token.i in up_head:
            return n + up_head[token.i]
    return len(up_date) + len(up_head)  # different sentences: farther than anything in the sentence


def quantities_in(ctx: Context, span: CharSpan) -> list[Quantity]:
    """The quantities lying inside ``span``, in list order.

    Through the quantities' sorted starts (bisect) rather than a scan: every clause of every event
    asks, and the scan made the events step quadratic in document length."""
    quantities = ctx.record.quantities
    starts = _quantity_starts(ctx)
    if starts is None:  # not in text order (a step reordered them): scan, as before
        return [q for q in quantities if span.contains(q.span.start, q.span.end)]
    first, last = bisect.bisect_left(starts, span.start), bisect.bisect_right(starts, span.end)
    return [q for q in quantities[first:last] if q.span.end <= span.end]


_QUANTITY_STARTS: dict[int, tuple[list[Quantity], int, list[int] | None]] = {}


def _quantity_starts(ctx: Context) -> list[int] | None:
    """Span starts of ``ctx.record.quantities`` when in text order (else None), kept for the latest
    document, per list object and length."""
    quantities = ctx.record.quantities
    cached = _QUANTITY_STARTS.get(id(ctx))
    if cached is not None and cached[0] is quantities and cached[1] == len(quantities):
        return cached[2]
    starts: list[int] | None = [q.span.start for q in quantities]
    if starts != sorted(starts or []):
        starts = None
    _QUANTITY_STARTS.clear()  # one document at a time
    _QUANTITY_STARTS[id(ctx)] = (quantities, len(quantities), starts)
    return starts


def claim_for(ctx: Context, start: int, end: int) -> Claim | None:
    try:
        from sitroom.extract.claims import claim_containing  # type: ignore[attr-defined]
    except ImportError:
        return _innermost_claim(ctx, start, end)
    try:
        found: Any = claim_containing(ctx, start, end)
    except Exception:
        return _innermost_claim(ctx, start, end)
    return found if isinstance(found, Claim) else None


def _innermost_claim(ctx: Context, start: int, end: int) -> Claim | None:
    containing = [c for c in ctx.record.claims if c.content.start <= start and end <= c.content.end]
    return min(containing, key=lambda c: c.content.end - c.content.start, default=None)


def claim_modality(claim: Claim) -> str:
    """Modality a containing claim lends its events."""
    try:
        from sitroom.extract.claims import modality_for_claim  # type: ignore[attr-defined]

        return str(modality_for_claim(claim))
    except Exception:
        pass
    if claim.stance == "deny":
        return "denied"
    if claim.kind == "opinion":
        return "asserted"
    if claim.speaker is None and claim.cue and "accus" in claim.cue.lower():
        return "alleged"
    return "reported"
