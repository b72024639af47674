"""The state that extraction steps read and fill for one document.

A step is any object with ``name``, ``version`` and ``__call__(ctx: Context) -> None``. Steps run in
order (see :mod:`sitroom.extract.pipeline`); each reads what earlier steps produced and appends its
own records. ``ctx.mentions`` is filled by the mention step and clustered into ``record.entities``
by the resolve step; later steps (relations, claims, events) look entities up by character span.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from sitroom.config import Limits
from sitroom.records import Document, DocumentRecord, Entity, Mention, Sentence, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc


_DOC_TEXT_KEY = "sitroom.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token on each access, so a step reading it
    per cue or per sentence was quadratic in document length (kept in ``doc.user_data``)."""
    cached = doc.user_data.get(_DOC_TEXT_KEY)
    if not isinstance(cached, str):
        cached = doc.text
        doc.user_data[_DOC_TEXT_KEY] = cached
    return cached


class _MentionIndex:
    """``ctx.mentions`` sorted by start, for span look-ups in O(log n + hits) instead of a scan.

    Built for one list object at one length; :meth:`Context._mentions_by_start` rebuilds it when a
    step replaces the list or appends to it. Entities are read at query time (they change after).
    """

    def __init__(self, mentions: list[Mention]) -> None:
        self.source = mentions
        self.size = len(mentions)
        order = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
        self.positions = order
        self.starts = [mentions[k].start for k in order]
        self.longest = max((m.end - m.start for m in mentions), default=0)

    def fresh_for(self, mentions: list[Mention]) -> bool:
        return self.source is mentions and self.size == len(mentions)

    def positions_starting(self, low: int, high: int) -> list[int]:
        """List positions of the mentions with ``low <= start < high``, in list order."""
        first = bisect.bisect_left(self.starts, low)
        last = bisect.bisect_left(self.starts, high)
        return sorted(self.positions[first:last])


class Step(Protocol):
    name: str
    version: str

    def __call__(self, ctx: Context) -> None: ...


@dataclass
class Context:
    document: Document
    doc: Doc
    record: DocumentRecord
    limits: Limits = field(default_factory=Limits)
    mentions: list[Mention] = field(default_factory=list)
    _counters: dict[str, int] = field(default_factory=dict)
    _sent_starts: list[int] = field(default_factory=list)
    _parsed_text: str | None = field(default=None, repr=False)
    _mention_index: Any = field(default=None, repr=False, compare=False)
    _entity_positions: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The part of ``document.text`` that was parsed: all of it unless SITROOM_MAX_TEXT_CHARS cut it.

        Offsets into it are offsets into ``document.text``. Steps scan this rather than the whole text:
        date and name regexes over a 5 MB document ran for minutes after its parse had been cut.
        """
        if self._parsed_text is None:
            parsed = doc_text(self.doc) if hasattr(self.doc, "user_data") else getattr(self.doc, "text", None)
            full = self.document.text
            self._parsed_text = full[: len(parsed)] if isinstance(parsed, str) and len(parsed) < len(full) else full
        return self._parsed_text

    def new_id(self, prefix: str) -> str:
        """Sequential ids per prefix within the record: ``e1``, ``e2``, ``v1``..."""
        n = self._counters.get(prefix, 0) + 1
        self._counters[prefix] = n
        return f"{prefix}{n}"

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def sentence_index(self, char: int) -> int:
        """Index of the sentence containing character ``char`` (-1 when there are none)."""
        sentences = self.record.sentences
        if not sentences:
            return -1
        if len(self._sent_starts) != len(sentences):
            self._sent_starts = [s.start for s in sentences]
        return max(0, bisect.bisect_right(self._sent_starts, char) - 1)

    def sentence_at(self, char: int) -> Sentence | None:
        i = self.sentence_index(char)
        return self.record.sentences[i] if i >= 0 else None

    def evidence(self, start: int, end: int) -> Span:
        """The sentence (or sentences) covering ``start:end``, as a span."""
        first = self.sentence_at(start)
        last = self.sentence_at(max(start, end - 1))
        if first is None or last is None:
            return self.span(start, end)
        return self.span(first.start, last.end)

    def entity(self, entity_id: str | None) -> Entity | None:
        """``record.entity(entity_id)`` through an id index (that one scans every entity per call).

        A hit is checked against the list (a step may replace or reorder entities); a miss rebuilds
        the index and falls back to the scan, so the answer is always the scan's."""
        if entity_id is None:
            return None
        entities = self.record.entities
        k = self._entity_positions.get(entity_id)
        if k is not None and k < len(entities) and entities[k].id == entity_id:
            return entities[k]
        positions: dict[str, int] = {}
        for i, ent in enumerate(entities):
            positions.setdefault(ent.id, i)
        self._entity_positions = positions
        return self.record.entity(entity_id)

    def entity_of_mention(self, mention: Mention) -> Entity | None:
        return self.entity(mention.entity)

    def mentions_changed(self) -> None:
        """Say that mention offsets were edited in place: the span index is rebuilt on next use.
        (Replacing ``ctx.mentions`` or appending to it is noticed without this.)"""
        self._mention_index = None

    def _mentions_by_start(self) -> _MentionIndex:
        index = self._mention_index
        if not isinstance(index, _MentionIndex) or not index.fresh_for(self.mentions):
            index = self._mention_index = _MentionIndex(self.mentions)
        return index

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside ``start:end``, in list order (text order once resolved)."""
        index = self._mentions_by_start()
        found = (self.mentions[k] for k in index.positions_starting(start, end + 1))
        return [m for m in found if m.start >= start and m.end <= end]

    def mentions_overlapping(self, start: int, end: int) -> list[Mention]:
        """Mentions sharing at least one character with ``start:end``, in list order."""
        index = self._mentions_by_start()
        found = (self.mentions[k] for k in index.positions_starting(start - index.longest, end))
        return [m for m in found if m.end > start and m.start < end]

    def mentions_covering(self, start: int, end: int) -> list[Mention]:
        """Mentions containing all of ``start:end``, in list order."""
        index = self._mentions_by_start()
        found = (self.mentions[k] for k in index.positions_starting(end - index.longest, start + 1))
        return [m for m in found if m.start <= start and end <= m.end]

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity of the longest resolved mention overlapping ``start:end`` (the first in list
        order among equally long ones)."""
        best: Mention | None = None
        for m in self.mentions_overlapping(start, end):
            if m.entity is None:
                continue
            if best is None or (m.end - m.start) > (best.end - best.start):
                best = m
        return self.entity(best.entity) if best else None
