"""Typed records that flow through the pipeline.

ingest  -> :class:`Document`
extract -> :class:`Sentence`, :class:`Mention`, :class:`DateRef`, :class:`Quantity`
resolve -> :class:`Entity` (clusters of mentions), :class:`Relation`
events/claims -> :class:`Event`, :class:`Claim`
all of it -> :class:`DocumentRecord`, whose :meth:`DocumentRecord.to_json` is the public contract
described in ``shared/conventions.md`` (schema ``sitroom.document/1``).

Every derived record carries :class:`Provenance`-style fields: the character span it was read
from (offsets into ``Document.text``) and the ``extractor`` (name/version) that produced it. The
document id is carried by the :class:`DocumentRecord` that holds them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "sitroom.document/1"


@dataclass(frozen=True)
class Span:
    """A character span of ``Document.text``; ``text`` equals ``document.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Provenance:
    """Where a derived fact came from: document, span and the extractor that made it."""

    doc_id: str
    start: int
    end: int
    extractor: str
    """``name/version`` of the extraction step, e.g. ``dates/1``."""


@dataclass
class Document:
    """One ingested article, before extraction."""

    id: str
    """Content hash (see :mod:`sitroom.ids`) unless the input supplied an id (JSON Lines)."""
    text: str
    title: str | None = None
    published: str | None = None
    """ISO date (``2021-09-22``) or a shorter prefix (``2021-09``)."""
    published_inferred: bool = False
    source: str | None = None
    """Site or outlet name."""
    url: str | None = None
    author: str | None = None
    language: str | None = None
    """ISO 639-1 code; ``None`` until detected."""
    origin: str | None = None
    """Where it was read from: ``path``, ``path:line`` or ``path#record``; not part of the id."""
    content_hash: str = ""
    """sha256 of the normalised text, whatever ``id`` is."""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "published_inferred": self.published_inferred,
            "source": self.source,
            "url": self.url,
            "author": self.author,
            "language": self.language,
            "text": self.text,
        }


@dataclass(frozen=True)
class Sentence:
    """A sentence of the document text."""

    index: int
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A span that names (or describes) an actor, place or other entity."""

    start: int
    end: int
    text: str
    kind: str
    """One of ``person, organization, country, place, group, other`` (conventions.md)."""
    label: str = ""
    """The statistical model's label (``PERSON``, ``GPE``...) or ``GAZ`` for gazetteer hits."""
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    """Title or role of a person (``spokesperson``, ``president``...)."""
    canonical: str | None = None
    """Canonical name when known (``Russia`` for ``Russian``, ``Kremlin`` -> ``Russia``)."""
    is_name: bool = True
    """False for descriptions (``the group``) and pronouns that only refer to an entity."""
    sentence: int = -1
    entity: str | None = None
    """Id of the entity the mention was resolved to (set by the resolve step)."""
    extractor: str = ""

    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass
class Entity:
    """A resolved actor or place within one document: a cluster of mentions."""

    id: str
    name: str
    kind: str
    sector: str | None = None
    country: str | None = None
    code: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    geo: dict[str, Any] | None = None
    affiliation: str | None = None
    """Entity id of an organisation or state the person speaks or works for."""
    extractor: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "sector": self.sector,
            "country": self.country,
            "code": self.code,
            "role": self.role,
            "affiliation": self.affiliation,
            "aliases": list(self.aliases),
            "mentions": [_mention_json(m) for m in self.mentions],
            "geo": self.geo,
            "extractor": self.extractor,
        }


def _mention_json(mention: Mention) -> dict[str, Any]:
    """``{start, end, text}``, plus ``label`` for a demonym linked to its country (not a name of it)."""
    out = mention.span().to_json()
    if mention.label == "DEMONYM":
        out["label"] = mention.label
    return out


@dataclass
class DateRef:
    """A date expression normalised to ISO 8601 at its known precision."""

    text: str
    start: str | None
    """ISO start (``2021``, ``2021-09``, ``2021-09-19``); ``None`` when it cannot be resolved."""
    end: str | None
    granularity: str
    """``day``, ``month``, ``year``, ``decade``, ``range`` or ``unknown``."""
    evidence: Span
    relative: bool = False
    """True when resolved against the document date (``last week``, ``Sunday``)."""
    extractor: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "granularity": self.granularity,
            "relative": self.relative,
            "evidence": self.evidence.to_json(),
            "extractor": self.extractor,
        }


@dataclass
class Quantity:
    """A number, amount of money or count, with its bounds and what it counts."""

    id: str
    text: str
    value: float | None
    evidence: Span
    """The sentence it was read from."""
    span: Span
    """The quantity expression itself."""
    lower: float | None = None
    upper: float | None = None
    approximate: bool = False
    unit: str | None = None
    currency: str | None = None
    """ISO 4217 code for money (``USD``)."""
    change_from: float | None = None
    """For changes (``from 5,100 to below 3,000``): the earlier value."""
    vague: bool = False
    """``dozens``, ``several``: no exact value."""
    about: str | None = None
    """Entity id the quantity describes, when known."""
    extractor: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "value": _num(self.value),
            "lower": _num(self.lower),
            "upper": _num(self.upper),
            "approximate": self.approximate,
            "unit": self.unit,
            "currency": self.currency,
            "change_from": _num(self.change_from),
            "vague": self.vague,
            "about": self.about,
            "text": self.text,
            "start": self.span.start,
            "end": self.span.end,
            "evidence": self.evidence.to_json(),
            "extractor": self.extractor,
        }


@dataclass
class Relation:
    """A stable tie between two entities (``finances``, ``spokesperson_of``...)."""

    id: str
    type: str
    source: str
    target: str
    evidence: Span
    modality: str = "asserted"
    confidence: float = 0.7
    extractor: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "source": self.source,
            "target": self.target,
            "modality": self.modality,
            "confidence": self.confidence,
            "evidence": self.evidence.to_json(),
            "extractor": self.extractor,
        }


@dataclass
class Claim:
    """Something someone says, asserts or denies; or the author's own opinion."""

    id: str
    speaker: str | None
    via: str | None
    stance: str
    """``assert`` or ``deny``."""
    kind: str
    """``direct``, ``reported`` or ``opinion``."""
    cue: str | None
    content: Span
    evidence: Span
    about: list[str] = field(default_factory=list)
    extractor: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "via": self.via,
            "stance": self.stance,
            "kind": self.kind,
            "cue": self.cue,
            "text": self.content.text,
            "content": {"start": self.content.start, "end": self.content.end},
            "about": list(self.about),
            "evidence": self.evidence.to_json(),
            "extractor": self.extractor,
        }


@dataclass
class Casualties:
    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None
    abducted: int | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """A PLOVER event: who did what to whom, when, where, how many, and how certain."""

    id: str
    type: str
    evidence: Span
    trigger: Span
    mode: str | None = None
    modality: str = "asserted"
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    date: DateRef | None = None
    date_fallback: bool = False
    """True when the date was not in the event's clause or sentence (never silently set)."""
    place: str | None = None
    quantities: list[str] = field(default_factory=list)
    casualties: Casualties = field(default_factory=Casualties)
    claim: str | None = None
    confidence: float = 0.6
    extractor: str = ""

    def to_json(self) -> dict[str, Any]:
        date = None
        if self.date is not None:
            date = {"text": self.date.text, "start": self.date.start, "end": self.date.end,
                    "fallback": self.date_fallback}
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "modality": self.modality,
            "source": list(self.source),
            "target": list(self.target),
            "date": date,
            "place": self.place,
            "quantities": list(self.quantities),
            "casualties": self.casualties.to_json(),
            "claim": self.claim,
            "trigger": self.trigger.to_json(),
            "evidence": self.evidence.to_json(),
            "confidence": self.confidence,
            "extractor": self.extractor,
        }


@dataclass
class DocumentRecord:
    """Everything extracted from one document: the output of ``sitroom extract``."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    model: str | None = None
    """Name of the spaCy pipeline used; ``None`` when the document was not parsed (non-English)."""
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "document": self.document.to_json(),
            "sentences": [{"start": s.start, "end": s.end} for s in self.sentences],
            "entities": [e.to_json() for e in self.entities],
            "events": [v.to_json() for v in self.events],
            "claims": [c.to_json() for c in self.claims],
            "relations": [r.to_json() for r in self.relations],
            "quantities": [q.to_json() for q in self.quantities],
            "dates": [d.to_json() for d in self.dates],
            "model": self.model,
            "warnings": list(self.warnings),
        }

    def entity(self, entity_id: str | None) -> Entity | None:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None


def _num(value: float | None) -> float | int | None:
    """Render whole floats as ints so ``1000.0`` prints as ``1000``."""
    if value is None:
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value
