"""Sentence step: spaCy's sentence boundaries as :class:`Sentence` records."""

from __future__ import annotations

from sitroom.extract.context import Context
from sitroom.records import Sentence


class SentenceStep:
    name = "sentences"
    version = "1"

    def __call__(self, ctx: Context) -> None:
        sentences: list[Sentence] = []
        for sent in ctx.doc.sents:
            start, end = _trim(ctx.text, sent.start_char, sent.end_char)
            if end > start:
                sentences.append(Sentence(len(sentences), start, end, ctx.text[start:end]))
        ctx.record.sentences = sentences


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding whitespace so evidence spans start and end on words."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
