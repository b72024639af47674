"""Content-hash ids: the same text always gets the same id, whatever file it came from."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFC, collapse whitespace, strip: what two copies of one article have in common."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    """Full sha256 hex digest of the normalised text."""
    data = normalise_text(text).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def document_id(text: str) -> str:
    """The id of a document without an id of its own: ``d`` + 16 hex chars of its content hash."""
    return "d" + content_hash(text)[:16]
