"""The state that extraction steps read and fill for one document.

A step is any object with ``name``, ``version`` and ``__call__(ctx: Context) -> None``. Steps run in
order (see :mod:`sitroom.extract.pipeline`); each reads what earlier steps produced and appends its
own records. ``ctx.mentions`` is filled by the mention step and clustered into ``record.entities``
by the resolve step; later steps (relations, claims, events) look entities up by character span.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from sitroom.config import Limits
from sitroom.records import Document, DocumentRecord, Entity, Mention, Sentence, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc


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

    @property
    def text(self) -> str:
        """The part of ``document.text`` that was parsed: all of it unless SITROOM_MAX_TEXT_CHARS cut it.

        Offsets into it are offsets into ``document.text``. Steps scan this rather than the whole text:
        date and name regexes over a 5 MB document ran for minutes after its parse had been cut.
        """
        if self._parsed_text is None:
            parsed = getattr(self.doc, "text", None)
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

    def entity_of_mention(self, mention: Mention) -> Entity | None:
        return self.record.entity(mention.entity)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside ``start:end``, in text order."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity of the longest resolved mention overlapping ``start:end``."""
        best: Mention | None = None
        for m in self.mentions:
            if m.entity is None or m.end <= start or m.start >= end:
                continue
            if best is None or (m.end - m.start) > (best.end - best.start):
                best = m
        return self.record.entity(best.entity) if best else None
