"""The Parquet tables a batch writes, built from document records in their JSON form.

One file per table per shard: ``<out>/<table>/part-<shard>.parquet``. Every table has ``doc_id``;
facts keep their per-document ids (``e1``, ``v2``) and their evidence offsets, so a table row can
be traced back to its sentence. ``documents.record_json`` holds the whole record, which is what
:func:`sitroom.batch.load` stores; the other tables are for analysis (DuckDB, pandas, Spark).
Schemas are fixed here rather than inferred, so every shard has the same column types even when a
shard has no value in a column.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

Record = dict[str, Any]
Getter = Callable[[Record, Record], Any]
"""(item, record) -> column value; ``item`` is the entity/event/... dict, or the record for documents."""

STR, INT, FLOAT, BOOL = pa.string(), pa.int64(), pa.float64(), pa.bool_()
STRS = pa.list_(pa.string())


def _doc(_: Record, rec: Record) -> Any:
    return rec["document"]["id"]


def _get(key: str, *path: str) -> Getter:
    def get(item: Record, _: Record) -> Any:
        value: Any = item
        for part in (key, *path):
            value = value.get(part) if isinstance(value, dict) else None
        return value
    return get


def _json(key: str) -> Getter:
    return lambda item, _: None if item.get(key) is None else json.dumps(item[key], ensure_ascii=False)


@dataclass(frozen=True)
class Table:
    """A Parquet table: where its rows come from in a record, and its columns."""

    name: str
    items: Callable[[Record], list[Record]]
    columns: list[tuple[str, pa.DataType, Getter]]

    @property
    def schema(self) -> pa.Schema:
        return pa.schema([(name, kind) for name, kind, _ in self.columns])

    def rows(self, records: list[Record]) -> dict[str, list[Any]]:
        data: dict[str, list[Any]] = {name: [] for name, _, _ in self.columns}
        for rec in records:
            for item in self.items(rec):
                for name, _, get in self.columns:
                    data[name].append(get(item, rec))
        return data


def _mentions(rec: Record) -> list[Record]:
    return [{**m, "entity_id": e["id"]} for e in rec.get("entities", []) for m in e.get("mentions", [])]


_EVIDENCE = [("evidence_start", INT, _get("evidence", "start")), ("evidence_end", INT, _get("evidence", "end")),
             ("evidence_text", STR, _get("evidence", "text"))]

TABLES: list[Table] = [
    Table("documents", lambda r: [r], [
        ("doc_id", STR, _doc), ("title", STR, _get("document", "title")),
        ("published", STR, _get("document", "published")),
        ("published_inferred", BOOL, _get("document", "published_inferred")),
        ("source", STR, _get("document", "source")), ("url", STR, _get("document", "url")),
        ("author", STR, _get("document", "author")), ("language", STR, _get("document", "language")),
        ("model", STR, _get("model")), ("text", STR, _get("document", "text")),
        ("record_json", STR, lambda item, _: json.dumps(item, ensure_ascii=False)),
    ]),
    Table("entities", lambda r: r.get("entities", []), [
        ("doc_id", STR, _doc), ("id", STR, _get("id")), ("name", STR, _get("name")), ("kind", STR, _get("kind")),
        ("sector", STR, _get("sector")), ("country", STR, _get("country")), ("code", STR, _get("code")),
        ("role", STR, _get("role")), ("aliases", STRS, _get("aliases")), ("geo_json", STR, _json("geo")),
        ("mention_count", INT, lambda item, _: len(item.get("mentions", []))),
    ]),
    Table("mentions", _mentions, [
        ("doc_id", STR, _doc), ("entity_id", STR, _get("entity_id")), ("start", INT, _get("start")),
        ("end", INT, _get("end")), ("text", STR, _get("text")),
    ]),
    Table("events", lambda r: r.get("events", []), [
        ("doc_id", STR, _doc), ("id", STR, _get("id")), ("type", STR, _get("type")), ("mode", STR, _get("mode")),
        ("modality", STR, _get("modality")), ("source", STRS, _get("source")), ("target", STRS, _get("target")),
        ("date_text", STR, _get("date", "text")), ("date_start", STR, _get("date", "start")),
        ("date_end", STR, _get("date", "end")), ("date_fallback", BOOL, _get("date", "fallback")),
        ("place", STR, _get("place")),
        ("quantities", STRS, _get("quantities")), ("killed", INT, _get("casualties", "killed")),
        ("injured", INT, _get("casualties", "injured")), ("arrested", INT, _get("casualties", "arrested")),
        ("claim", STR, _get("claim")), ("confidence", FLOAT, _get("confidence")), *_EVIDENCE,
    ]),
    Table("claims", lambda r: r.get("claims", []), [
        ("doc_id", STR, _doc), ("id", STR, _get("id")), ("speaker", STR, _get("speaker")), ("via", STR, _get("via")),
        ("stance", STR, _get("stance")), ("kind", STR, _get("kind")), ("cue", STR, _get("cue")),
        ("text", STR, _get("text")), ("content_start", INT, _get("content", "start")),
        ("content_end", INT, _get("content", "end")), ("about", STRS, _get("about")), *_EVIDENCE,
    ]),
    Table("quantities", lambda r: r.get("quantities", []), [
        ("doc_id", STR, _doc), ("id", STR, _get("id")), ("value", FLOAT, _get("value")),
        ("lower", FLOAT, _get("lower")), ("upper", FLOAT, _get("upper")), ("approximate", BOOL, _get("approximate")),
        ("unit", STR, _get("unit")), ("currency", STR, _get("currency")), ("about", STR, _get("about")),
        ("text", STR, _get("text")), ("start", INT, _get("start")), ("end", INT, _get("end")), *_EVIDENCE,
    ]),
    Table("relations", lambda r: r.get("relations", []), [
        ("doc_id", STR, _doc), ("id", STR, _get("id")), ("type", STR, _get("type")),
        ("source", STR, _get("source")), ("target", STR, _get("target")), ("modality", STR, _get("modality")),
        ("confidence", FLOAT, _get("confidence")), *_EVIDENCE,
    ]),
    Table("dates", lambda r: r.get("dates", []), [
        ("doc_id", STR, _doc), ("text", STR, _get("text")), ("start", STR, _get("start")), ("end", STR, _get("end")),
        ("granularity", STR, _get("granularity")), ("relative", BOOL, _get("relative")), *_EVIDENCE[:2],
    ]),
]
TABLE_NAMES = [t.name for t in TABLES]


def part_path(out_dir: Path, table: str, shard_id: str) -> Path:
    return out_dir / table / f"part-{shard_id}.parquet"


def write_tables(out_dir: Path, shard_id: str, records: list[Record]) -> dict[str, int]:
    """Write one shard's rows to every table (atomically per file); returns rows per table."""
    counts = {}
    for table in TABLES:
        data = table.rows(records)
        arrow = pa.Table.from_pydict(data, schema=table.schema)
        target = part_path(out_dir, table.name, shard_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        pq.write_table(arrow, partial, compression="zstd")
        os.replace(partial, target)  # a killed run never leaves a half-written part under the real name
        counts[table.name] = arrow.num_rows
    return counts


def read_table(out_dir: Path, table: str, columns: list[str] | None = None) -> pa.Table:
    """Every finished shard's part of ``table``, in shard order."""
    from sitroom.batch.shards import finished_shards

    parts = [part_path(out_dir, table, s) for s in finished_shards(out_dir)]
    schema = next(t.schema for t in TABLES if t.name == table)
    if not parts:
        return schema.empty_table() if columns is None else schema.empty_table().select(columns)
    return pa.concat_tables(pq.read_table(p, columns=columns) for p in parts)
