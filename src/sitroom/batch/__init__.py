"""Batch extraction for large archives: sharded, parallel, resumable, written as Parquet tables.

>>> summary = run_batch(["archive.jsonl"], "out/", engine="local", workers=4)
>>> load("out/", open_store("postgresql://..."))

``engine="local"`` runs a spawned process pool on this machine; ``engine="ray"`` runs Ray Data on
an actor pool, on a private local Ray or an existing cluster (``address=``). Both run the same
extraction as ``sitroom extract`` (:class:`sitroom.extract.pipeline.Pipeline`, model loaded once
per worker) and write the same tables (:mod:`sitroom.batch.tables`). See docs/batch.md.
"""

from __future__ import annotations

from sitroom.batch.load import LoadSummary, iter_batch_records, load
from sitroom.batch.run import ENGINES, BatchSummary, run_batch
from sitroom.batch.tables import TABLE_NAMES, read_table

__all__ = ["ENGINES", "TABLE_NAMES", "BatchSummary", "LoadSummary", "iter_batch_records", "load", "read_table",
           "run_batch"]
