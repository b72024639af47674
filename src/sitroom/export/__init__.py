"""Exports of a store for other tools: ``export(store, fmt, out)``.

| format  | what | opens in |
|---|---|---|
| jsonl   | the stored document records, one per line (the backup format; ``sitroom import`` reads it) | sitroom |
| plover  | one PLOVER event record per line, with modality and evidence as extra fields | PLOVER tools, pandas |
| csv     | one table (``table=``: events, claims, relations, actors, documents, quantities) | spreadsheets |
| parquet | the same tables, typed | pandas, DuckDB, Arrow |
| graphml | actors and their ties (events per type, relations), weighted | Gephi, networkx |
| geojson | geocoded events as points | QGIS |

``out`` is a path, ``"-"`` (standard output) or an open stream (text or binary). For csv and parquet,
a path to a folder (existing, or ending in ``/``) receives every table as ``<table>.<fmt>``.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Protocol, TextIO

from sitroom.export.geojson import write_geojson
from sitroom.export.graphml import write_graphml
from sitroom.export.plover import plover_events
from sitroom.export.rows import TABLES
from sitroom.export.tabular import write_csv, write_parquet

__all__ = ["FORMATS", "TABLES", "export", "media_type"]

FORMATS = ("jsonl", "plover", "csv", "graphml", "geojson", "parquet")
_MEDIA = {"jsonl": "application/x-ndjson", "plover": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
          "graphml": "application/graphml+xml", "geojson": "application/geo+json",
          "parquet": "application/vnd.apache.parquet"}
Target = str | os.PathLike[str] | IO[Any]


class RecordSource(Protocol):
    """What an export needs of a store: its records (every :class:`~sitroom.store.base.Store` has them)."""

    def iter_records(self) -> Iterator[dict[str, Any]]: ...


def media_type(fmt: str) -> str:
    return _MEDIA[fmt]


def export(store: RecordSource, fmt: str, out: Target, table: str = "events") -> int:
    """Write the whole store as ``fmt`` to ``out``; returns how many items were written
    (records, events, rows, edges or features, by format)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose from {', '.join(TABLES)}")
    if fmt in ("csv", "parquet") and _is_folder(out):
        folder = Path(os.fspath(out))  # type: ignore[arg-type]
        folder.mkdir(parents=True, exist_ok=True)
        return sum(export(store, fmt, folder / f"{name}.{fmt}", table=name) for name in TABLES)
    if fmt == "parquet":
        with _binary(out) as handle:
            return write_parquet(store.iter_records(), table, handle)
    with _text(out) as handle:
        return _write_text(store, fmt, table, handle)


def _write_text(store: RecordSource, fmt: str, table: str, handle: TextIO) -> int:
    if fmt == "csv":
        return write_csv(store.iter_records(), table, handle)
    if fmt == "graphml":
        return write_graphml(store.iter_records(), handle)
    if fmt == "geojson":
        return write_geojson(store.iter_records(), handle)
    items = plover_events(store.iter_records()) if fmt == "plover" else store.iter_records()
    count = 0
    for item in items:
        handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        count += 1
    return count


def _is_folder(out: Target) -> bool:
    if not isinstance(out, str | os.PathLike):
        return False
    text = os.fspath(out)
    return text != "-" and (Path(text).is_dir() or str(text).endswith(("/", os.sep)))


@contextmanager
def _text(out: Target) -> Iterator[TextIO]:
    if isinstance(out, str | os.PathLike):
        if os.fspath(out) == "-":
            yield sys.stdout
            return
        with open(out, "w", encoding="utf-8", newline="") as handle:
            yield handle
        return
    if isinstance(out, io.TextIOBase) or hasattr(out, "encoding"):
        yield out  # type: ignore[misc]
        return
    wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="")  # type: ignore[type-var]
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()  # leave the caller's stream open


@contextmanager
def _binary(out: Target) -> Iterator[Any]:
    if isinstance(out, str | os.PathLike):
        if os.fspath(out) == "-":
            yield sys.stdout.buffer
            return
        with open(out, "wb") as handle:
            yield handle
        return
    if isinstance(out, io.TextIOBase):
        raise ValueError("parquet is binary: give a path or a binary stream")
    yield out
