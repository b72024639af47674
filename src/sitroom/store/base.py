"""The :class:`Store` protocol every backend implements, and the rows its queries return.

A store keeps whole document records (the JSON contract, so export/import round-trips), their
sentences under full-text search, and a cross-document **actor** table: each record's entities are
mapped to actors by :func:`sitroom.resolve.identity.actor_key`. Events, claims and relations keep
their per-document entity ids; queries join them to actors and answer with actor names.

Names given to queries (``actor=``, ``speaker=``, ``place=`` ...) match an actor by any alias it
was seen under, case-insensitively, or by its identity key ("the Wagner Group" finds ``wagner``).

Dates given to ``events(since=, until=)`` are ISO prefixes (``2021``, ``2021-09``, ``2021-09-19``)
compared by overlap: an event dated ``2021-09`` is kept by ``since="2021-09-15"``. An event with no
date of its own is placed at its document's publication date.

Snippets in :class:`SearchHit` mark matched words with :data:`MARK_START` / :data:`MARK_END`
(control characters that never occur in cleaned text); :mod:`sitroom.query.search` turns them
into brackets for a terminal or ``<mark>`` for HTML.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from sitroom.records import DocumentRecord

MARK_START = "\x02"
MARK_END = "\x03"
ELLIPSIS = "\u2026"


@dataclass(frozen=True)
class ActorRef:
    """An actor named in a row, with the id its profile is found under."""

    id: int
    name: str


@dataclass(frozen=True)
class SearchHit:
    """One sentence matching a full-text query."""

    doc_id: str
    title: str | None
    published: str | None
    sentence: int
    """Index of the sentence in its document."""
    start: int
    end: int
    """Character offsets of the sentence in the document text."""
    snippet: str
    """Part of the sentence around the match, matched words between MARK_START and MARK_END."""
    rank: float
    """bm25 score: lower is better (hits come sorted by it)."""


@dataclass(frozen=True)
class ActorSummary:
    """An actor as listed: who, what kind, how often seen."""

    id: int
    name: str
    kind: str
    country: str | None
    sector: str | None
    code: str | None
    role: str | None
    mention_count: int
    doc_count: int
    first_seen: str | None
    """Earliest publication date of a document mentioning the actor."""
    last_seen: str | None


@dataclass(frozen=True)
class DocRef:
    """A document as cited from a profile."""

    id: str
    title: str | None
    published: str | None
    mentions: int = 0
    """Mentions of the profiled actor in it."""


@dataclass(frozen=True)
class EventRow:
    """An event with its actors resolved to cross-document actors."""

    doc_id: str
    id: str
    type: str
    mode: str | None
    modality: str
    date_text: str | None
    date_start: str | None
    date_end: str | None
    published: str | None
    source: list[ActorRef]
    target: list[ActorRef]
    place: ActorRef | None
    confidence: float | None
    evidence: str
    evidence_start: int
    evidence_end: int
    cluster_id: int | None = None
    """The event cluster: every report of one happening shares it (resolve/event_dedup.py)."""
    source_count: int = 1
    """Distinct documents reporting the event."""
    reports: list[EventReport] = field(default_factory=list)
    """Every report in the cluster (this row's own first), each with its document and evidence."""


@dataclass(frozen=True)
class EventReport:
    """One document's report of a clustered event."""

    doc_id: str
    id: str
    modality: str
    published: str | None
    evidence: str
    evidence_start: int
    evidence_end: int


@dataclass(frozen=True)
class ContradictionSide:
    """One side of a contradiction: the denial, or the fact it contradicts, with its sources."""

    doc_id: str
    kind: str
    """``claim``, ``event`` or ``relation``."""
    id: str
    label: str
    """A short summary: ``Dmitry Peskov denies: "..."`` or ``AID (planned) Wagner Group -> Mali``."""
    text: str
    """The claim's content, or the evidence sentence of an event or relation."""
    speaker: ActorRef | None
    via: ActorRef | None
    title: str | None
    published: str | None
    evidence: str
    evidence_start: int
    evidence_end: int


@dataclass(frozen=True)
class ContradictionRow:
    """A source denying what another asserts (resolve/contradictions.py says when)."""

    id: int
    topic: str
    """The event or relation type both sides speak about."""
    reason: str
    deny: ContradictionSide
    asserted: ContradictionSide
    actors: list[ActorRef] = field(default_factory=list)
    """The actors both sides share (after the state-organ rule)."""


@dataclass(frozen=True)
class ClaimRow:
    """A claim with speaker, outlet and topics resolved to actors."""

    doc_id: str
    id: str
    speaker: ActorRef | None
    via: ActorRef | None
    stance: str
    kind: str
    cue: str | None
    text: str
    about: list[ActorRef]
    published: str | None
    evidence: str
    evidence_start: int
    evidence_end: int


@dataclass(frozen=True)
class RelationRow:
    """A stable tie between two actors, as read in one document."""

    doc_id: str
    id: str
    type: str
    source: ActorRef
    target: ActorRef
    modality: str
    confidence: float | None
    evidence: str


@dataclass
class ActorProfile:
    """Everything the store knows about one actor."""

    actor: ActorSummary
    aliases: list[tuple[str, int]] = field(default_factory=list)
    """Surface forms and how many mentions used each, most frequent first."""
    kinds: list[tuple[str, int]] = field(default_factory=list)
    """Kinds the documents gave the actor, with how many documents said so."""
    codes: list[tuple[str, int]] = field(default_factory=list)
    documents: list[DocRef] = field(default_factory=list)
    events_as_source: list[EventRow] = field(default_factory=list)
    events_as_target: list[EventRow] = field(default_factory=list)
    claims_by: list[ClaimRow] = field(default_factory=list)
    claims_about: list[ClaimRow] = field(default_factory=list)
    relations: list[RelationRow] = field(default_factory=list)
    also_matches: list[ActorSummary] = field(default_factory=list)
    """Other actors the same name matched (a person and a company both called "Wagner")."""


@runtime_checkable
class Store(Protocol):
    """What the CLI, the web app and batch jobs may ask of a store; SQLite and (later) PostgreSQL."""

    def add_record(self, record: DocumentRecord) -> bool:
        """Store one record in one transaction; False (nothing stored) when its id or text is stored."""
        ...

    def import_record(self, data: dict[str, Any]) -> bool:
        """Store a record read back from a JSON Lines export; same result as :meth:`add_record`."""
        ...

    def has_document(self, doc_id: str) -> bool: ...

    def get_record(self, doc_id: str) -> dict[str, Any]:
        """The stored record JSON; raises NotFound."""
        ...

    def iter_records(self) -> Iterator[dict[str, Any]]:
        """Every stored record JSON, in the order they were added (the export)."""
        ...

    def search(self, text: str, limit: int = 20, offset: int = 0) -> list[SearchHit]: ...

    def actors(self, kind: str | None = None, country: str | None = None, sector: str | None = None,
               top: int | None = None, offset: int = 0) -> list[ActorSummary]: ...

    def actor(self, name_or_id: str | int) -> ActorProfile:
        """The profile of the best-matching actor; raises NotFound suggesting close names."""
        ...

    def events(self, type: str | None = None, actor: str | None = None, since: str | None = None,
               until: str | None = None, place: str | None = None, modality: str | None = None,
               limit: int = 100, offset: int = 0) -> list[EventRow]: ...

    def claims(self, speaker: str | None = None, via: str | None = None, stance: str | None = None,
               about: str | None = None, kind: str | None = None, limit: int = 100,
               offset: int = 0) -> list[ClaimRow]: ...

    def contradictions(self, actor: str | None = None, limit: int = 50, offset: int = 0) -> list[ContradictionRow]:
        """Stored contradictions, those involving ``actor`` when given (NotFound if no such actor)."""
        ...

    def override_actor(self, op: str, actor: str, value: str | None = None) -> int:
        """Apply one actor correction (resolve/overrides.py): ``merge`` (value: the actor merged in),
        ``split`` (value: the alias moved out), ``rename`` (value: new name), ``set-code`` (value: code
        such as RUSPMC). Returns how many actors changed (0: nothing to do, already applied)."""
        ...

    def stats(self) -> dict[str, int]:
        """Counts of documents, sentences, actors, entities, mentions, events, claims, relations,
        quantities and dates."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...
