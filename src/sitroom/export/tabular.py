"""CSV and Parquet tables (see :mod:`sitroom.export.rows` for the tables and their columns)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any, TextIO

from sitroom.export.rows import COLUMNS, table_rows

PARQUET_BATCH = 10_000
"""Rows per Parquet row group: bounded memory on large stores, few enough groups for fast reads."""


def write_csv(records: Iterable[dict[str, Any]], table: str, out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS[table]), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in table_rows(records, table):
        writer.writerow(row)
        count += 1
    return count


def _schema(table: str) -> Any:
    import pyarrow as pa

    numbers = {"lat", "lon", "confidence", "value", "lower", "upper"}
    integers = {"killed", "injured", "arrested", "evidence_start", "evidence_end", "mentions", "documents",
                "events", "claims"}
    fields = []
    for name in COLUMNS[table]:
        kind = pa.float64() if name in numbers else pa.int64() if name in integers else pa.string()
        if name in ("approximate", "date_fallback"):
            kind = pa.bool_()
        fields.append(pa.field(name, kind))
    return pa.schema(fields)


def write_parquet(records: Iterable[dict[str, Any]], table: str, out: str | IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _schema(table)
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in table_rows(records, table):
            batch.append(row)
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
