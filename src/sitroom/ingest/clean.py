"""Text cleaning shared by every reader, byte decoding, and ISO date normalisation.

Cleaning keeps the text recognisably the author's: newlines become ``\\n``, the text is NFC, NUL
and other control characters go, trailing whitespace goes (per line and at the end), leading blank
lines go. Nothing inside a line moves, so what a reader decides about lines (title, byline) still
holds after cleaning.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from datetime import date
from email.utils import parsedate_to_datetime

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# C0/C1 controls except tab and newline: they break JSON consumers and tokenisers alike.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0\u3000]+$", re.MULTILINE)
# Lone UTF-16 surrogates: JSON's "\ud800" escapes decode to them, and no UTF-8 writer (JSON
# output, SQLite) can encode them. Each becomes U+FFFD, one character for one, so nothing shifts.
_SURROGATES = re.compile("[\ud800-\udfff]")
# How much of a file to look at for NUL bytes when deciding that it is binary.
_BINARY_PROBE = 8192
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)


class NotText(ValueError):
    """Bytes that are not UTF-8 text (binary data, or another encoding)."""


def clean_text(text: str) -> str:
    """Normalise newlines and Unicode, drop control characters and trailing whitespace."""
    text = _NEWLINES.sub("\n", text)
    text = without_surrogates(text)
    text = unicodedata.normalize("NFC", text)
    text = _CONTROLS.sub("", text)
    text = _TRAILING_SPACE.sub("", text)
    return text.strip()  # offsets count from the first visible character


def without_surrogates(text: str) -> str:
    """Replace lone surrogates (undecodable halves of a UTF-16 pair) with U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)


def clean_line(value: str) -> str:
    """A one-line field (title, author): cleaned and with inner whitespace collapsed."""
    return " ".join(clean_text(value).split())


def looks_binary(data: bytes) -> bool:
    """Many NUL bytes near the start mean binary data (archives, UTF-16 without a BOM).

    A stray NUL or two in otherwise good text (a damaged copy) is cleaned away instead: binary
    formats have far more than one in a hundred bytes.
    """
    probe = data[:_BINARY_PROBE]
    return probe.count(b"\x00") > max(1, len(probe) // 100)


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (a BOM is dropped; UTF-16 with a BOM is accepted) or raise :class:`NotText`."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise NotText("not UTF-8 text") from err
    if looks_binary(data):
        raise NotText("binary file, not UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise NotText("not UTF-8 text") from err


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag, if Python knows it."""
    match = _DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes, charset: str | None = None) -> str:
    """UTF-8 first; a page in another encoding is read only when it (or HTTP) declares one."""
    try:
        return decode_text(data)
    except NotText:
        if looks_binary(data):
            raise
        declared = charset or declared_charset(data)
        if not declared or declared == "utf-8":
            raise
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError) as err:
            raise NotText("not UTF-8 text") from err


_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")


def iso_date(value: str | None) -> str | None:
    """``2021-09-22T10:00Z``, ``2021-09``, ``Wed, 22 Sep 2021 10:00:00 GMT`` -> ISO date at its precision.

    Returns ``None`` for anything that is not a real calendar date.
    """
    if not value:
        return None
    value = value.strip()
    match = _ISO_PREFIX.match(value)
    if match:
        return _checked_iso(*match.groups())
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _checked_iso(year: str, month: str | None, day: str | None) -> str | None:
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(part for part in (year, month, day) if part)


