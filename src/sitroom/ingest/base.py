"""What every reader yields: a :class:`~sitroom.records.Document` or an :class:`InputFailure`.

Readers raise :class:`sitroom.errors.InputError` for a whole input they cannot read; per-record
problems (one bad JSON line, one broken WARC record) are yielded as :class:`InputFailure` so the
records around them still come through. :func:`sitroom.ingest.read_inputs` turns both into
failures and never raises for bad input.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sitroom.errors import InputError
from sitroom.ids import content_hash, document_id
from sitroom.records import Document


@dataclass(frozen=True)
class InputFailure:
    """One input (or one record of it) that could not be read."""

    where: str
    """``path``, ``path:line`` (JSON Lines) or ``path#record`` (feeds, WARC)."""
    reason: str
    """A short lowercase phrase: ``empty file``, ``not UTF-8 text``, ``invalid json: ...``."""

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"

    def to_error(self) -> InputError:
        """The same failure as an exception, for callers that stop at the first bad input."""
        return InputError(self.where, self.reason)


Item = Document | InputFailure
"""What readers yield."""

ItemIterator = Iterator[Item]


def new_document(text: str, origin: str, doc_id: str | None = None, **meta: str | None) -> Document:
    """A Document for already-cleaned ``text``: content-hash id unless the input gave one."""
    return Document(
        id=doc_id or document_id(text),
        text=text,
        origin=origin,
        content_hash=content_hash(text),
        **meta,  # type: ignore[arg-type]
    )
