"""JSON Lines (and JSON) records: ``{"id", "text", "title"?, "published"?, "url"?, "source"?, ...}``.

The input shape of ``shared/conventions.md``. The given ``id`` is kept (a missing one becomes the
content hash). A bad line is one :class:`InputFailure` naming ``path:line`` and why; the other
lines go on. Lines are decoded one at a time, so one line in a wrong encoding spoils only itself.
Keys that are not ours (``category``...) are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sitroom.errors import InputError
from sitroom.ingest.base import InputFailure, Item, new_document
from sitroom.ingest.clean import NotText, clean_line, clean_text, decode_text, iso_date, without_surrogates

_STRING_FIELDS = ("title", "url", "source", "author", "language")


class BadRecord(ValueError):
    """A record that cannot become a Document; the message is the failure's reason."""


def read_jsonl(data: bytes, origin: str) -> Iterator[Item]:
    """One Document per non-empty line, or an InputFailure naming ``origin:line``."""
    lines = data.split(b"\n")
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{origin}:{number}"
        try:
            yield record_document(_parse_line(raw), where)
        except BadRecord as err:
            yield InputFailure(where, str(err))


def read_json(data: bytes, origin: str) -> Iterator[Item]:
    """A ``.json`` file: one record object, or an array of them (``path#N`` each)."""
    try:
        value = json.loads(decode_text(data))
    except NotText as err:
        raise InputError(origin, str(err)) from err
    except json.JSONDecodeError as err:
        raise InputError(origin, f"invalid json: {_json_reason(err)}") from err
    if isinstance(value, dict):
        value = [value]
        numbered = False
    elif isinstance(value, list):
        numbered = True
    else:
        raise InputError(origin, "json is not an object or an array of objects")
    for number, item in enumerate(value, start=1):
        where = f"{origin}#{number}" if numbered else origin
        try:
            yield record_document(item, where)
        except BadRecord as err:
            yield InputFailure(where, str(err))


def is_jsonl(text: str) -> bool:
    """True when every non-empty line is a JSON object (and there is at least one)."""
    seen = False
    for line in text.split("\n"):
        if not line.strip():
            continue
        try:
            if not isinstance(json.loads(line), dict):
                return False
        except json.JSONDecodeError:
            return False
        seen = True
    return seen


def _parse_line(raw: bytes) -> Any:
    try:
        line = decode_text(raw)
    except NotText as err:
        raise BadRecord(str(err)) from err
    try:
        return json.loads(line)
    except json.JSONDecodeError as err:
        raise BadRecord(f"invalid json: {_json_reason(err)}") from err


def _json_reason(err: json.JSONDecodeError) -> str:
    return f"{err.msg.lower()} (column {err.colno})"


def record_document(record: Any, where: str) -> Any:
    """Validate one record and build its Document (raises :class:`BadRecord`)."""
    if not isinstance(record, dict):
        raise BadRecord("not a json object")
    text = _text_field(record)
    fields = {name: _string_field(record, name) for name in _STRING_FIELDS}
    fields = {name: clean_line(value) or None if value else None for name, value in fields.items()}
    if fields["language"]:
        fields["language"] = fields["language"].split("-")[0].split("_")[0].lower()
    return new_document(
        text,
        where,
        doc_id=_id_field(record),
        published=_published_field(record),
        **fields,
    )


def _text_field(record: dict[str, Any]) -> str:
    if "text" not in record or record["text"] is None:
        raise BadRecord("missing 'text'")
    if not isinstance(record["text"], str):
        raise BadRecord(f"'text' must be a string, not {_type_name(record['text'])}")
    text = clean_text(record["text"])
    if not text:
        raise BadRecord("empty 'text'")
    return text


def _id_field(record: dict[str, Any]) -> str | None:
    value = record.get("id")
    if value is None:
        return None
    # Integer ids are common in exports; they are kept as their decimal string.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise BadRecord(f"'id' must be a string, not {_type_name(value)}")
    if not value.strip():
        raise BadRecord("empty 'id'")
    # An id is written to JSON and SQLite as UTF-8: a lone surrogate escape must not reach them.
    return without_surrogates(value.strip())


def _string_field(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise BadRecord(f"'{name}' must be a string, not {_type_name(value)}")


def _published_field(record: dict[str, Any]) -> str | None:
    value = _string_field(record, "published")
    if not value or not value.strip():
        return None
    published = iso_date(value)
    if published is None:
        raise BadRecord(f"'published' is not an iso date: {value[:40]!r}")
    return published


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "an array", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )
