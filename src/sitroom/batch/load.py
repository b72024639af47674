"""``load``: a batch's Parquet output into a store (SQLite or PostgreSQL), bulk and idempotent.

The ``documents`` table's ``record_json`` column holds each whole record, so the store gets exactly
what ``sitroom import`` would give it. Documents already stored (same id or same text) are skipped,
so loading the same folder twice, or a folder that grew since, stores each document once.
PostgreSQL stores take the records through COPY in large transactions
(:meth:`~sitroom.store.postgres.PostgresStore.import_records`); other stores one transaction each.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from sitroom.batch.shards import finished_shards
from sitroom.batch.tables import part_path
from sitroom.store.base import Store


@dataclass
class LoadSummary:
    """What a load did."""

    shards: int = 0
    read: int = 0
    stored: int = 0

    @property
    def skipped(self) -> int:
        """Documents that were stored already."""
        return self.read - self.stored


def iter_batch_records(out_dir: str | Path) -> Iterator[dict[str, Any]]:
    """Every record of every finished shard of a batch, in input order, one shard in memory at a time."""
    out = Path(out_dir)
    for shard in finished_shards(out):
        table = pq.read_table(part_path(out, "documents", shard), columns=["record_json"])
        for raw in table.column("record_json").to_pylist():
            yield json.loads(raw)


def load(out_dir: str | Path, store: Store, progress: Callable[[int], Any] | None = None) -> LoadSummary:
    """Store every record of a batch output folder; returns counts (read, newly stored)."""
    summary = LoadSummary(shards=len(finished_shards(Path(out_dir))))

    def counted() -> Iterator[dict[str, Any]]:
        for record in iter_batch_records(out_dir):
            summary.read += 1
            if progress is not None:
                progress(1)
            yield record

    bulk = getattr(store, "import_records", None)
    if callable(bulk):
        summary.stored = int(bulk(counted()))
    else:
        summary.stored = sum(1 for record in counted() if store.import_record(record))
    return summary
