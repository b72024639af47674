"""Cutting the input stream into shards, and remembering which shards are finished.

A shard is up to ``size`` consecutive documents of the input, in input order. Its id is its
position and a hash of its document ids and texts (``00003-5f2a9c81d0e4``): the same inputs give
the same ids, so a re-run finds the shards a killed run finished (``<out>/_SUCCESS/<id>``, written
after every table part of the shard) and skips them; changed inputs give new ids and are redone.
Only the shards in flight are in memory: :func:`iter_shards` reads lazily.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sitroom.config import Limits
from sitroom.records import Document

SHARD_SIZE = 500
"""Documents per shard: a few minutes of work per worker, so a kill loses little and per-shard
overhead (one Parquet file per table, one task) stays small."""

MARKERS = "_SUCCESS"


@dataclass(frozen=True)
class Shard:
    """Consecutive input documents processed (and retried) as one unit."""

    id: str
    documents: list[Document]


def shard_id(index: int, documents: list[Document]) -> str:
    digest = hashlib.sha256()
    for doc in documents:
        digest.update(doc.id.encode("utf-8") + b"\0" + (doc.content_hash or doc.text).encode("utf-8") + b"\0")
    return f"{index:05d}-{digest.hexdigest()[:12]}"


def iter_shards(inputs: Iterable[str | Path], size: int = SHARD_SIZE, limits: Limits | None = None,
                on_failure: Callable[[str, str], None] | None = None) -> Iterator[Shard]:
    """Shards of the documents in ``inputs`` (read with :func:`sitroom.ingest.read_inputs`).

    Unreadable inputs are passed to ``on_failure(where, reason)`` and skipped.
    """
    from sitroom.ingest import InputFailure, read_inputs

    batch: list[Document] = []
    index = 0
    for item in read_inputs(inputs, limits):
        if isinstance(item, InputFailure):
            if on_failure is not None:
                on_failure(item.where, item.reason)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield Shard(shard_id(index, batch), batch)
            index, batch = index + 1, []
    if batch:
        yield Shard(shard_id(index, batch), batch)


def marker(out_dir: Path, shard: str) -> Path:
    return out_dir / MARKERS / shard


def is_finished(out_dir: Path, shard: str) -> bool:
    return marker(out_dir, shard).exists()


def mark_finished(out_dir: Path, shard: str, documents: int) -> None:
    path = marker(out_dir, shard)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{documents}\n", encoding="utf-8")


def finished_shards(out_dir: Path) -> list[str]:
    """Ids of the finished shards in ``out_dir``, in input order."""
    folder = out_dir / MARKERS
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) if folder.is_dir() else []
