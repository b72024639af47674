"""WARC archives (``.warc``, ``.warc.gz``): each HTML ``response`` record through the HTML reader.

The page's URL is the record's ``WARC-Target-URI``; its date falls back to the ``WARC-Date`` (when
it was crawled) when the page carries none. Requests, metadata and non-HTML responses are skipped.
A corrupt archive yields one failure naming the record where reading stopped; the records before
it have already been yielded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Any

from sitroom.errors import InputError
from sitroom.ingest.base import InputFailure, Item
from sitroom.ingest.clean import NotText, decode_html, iso_date
from sitroom.ingest.html import read_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_NO_LIMIT = 2**62
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.-]+)", re.IGNORECASE)


def read_warc(stream: IO[bytes], origin: str, max_record_bytes: int = _NO_LIMIT) -> Iterator[Item]:
    """Yield a Document (or InputFailure) per HTML response record of the archive.

    ``max_record_bytes`` bounds one page's payload: a compressed archive under the file size
    limit can still hold a page that inflates to gigabytes.
    """
    from warcio.archiveiterator import ArchiveIterator

    done = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            item = _record_item(record, f"{origin}#{number}", max_record_bytes)
            done = number
            if item is not None:
                yield item
    except Exception as err:  # noqa: BLE001 - warcio raises zlib, EOF, value and its own errors alike
        yield InputFailure(origin, f"corrupt warc at record {done + 1}: {_short(err)}")


def _record_item(record: Any, where: str, max_bytes: int) -> Item | None:
    """A response record with an HTML payload -> Document/InputFailure; other records -> None."""
    if not str(record.format).startswith("warc"):
        # warcio reads any line of five words as an ARC header: a text file would pass as an archive.
        raise ValueError("not a warc record")
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if not content_type.lower().startswith(_HTML_TYPES):
        return None
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return InputFailure(where, f"page is over the limit of {max_bytes} bytes (SITROOM_MAX_FILE_BYTES)")
    charset = _CHARSET.search(content_type)
    try:
        markup = decode_html(payload, charset.group(1) if charset else None)
    except NotText as err:
        return InputFailure(where, str(err))
    try:
        return read_html(
            markup,
            where,
            url=record.rec_headers.get_header("WARC-Target-URI") or None,
            fallback_date=iso_date(record.rec_headers.get_header("WARC-Date")),
        )
    except InputError as err:
        return InputFailure(where, err.reason)


def _short(error: BaseException) -> str:
    message = str(error).strip().split("\n")[0][:100]
    return message.lower() or type(error).__name__.lower()
