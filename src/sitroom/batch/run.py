"""``run_batch``: inputs -> sharded extraction on an engine -> Parquet tables, resumable."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitroom.batch import worker
from sitroom.batch.shards import SHARD_SIZE, Shard, is_finished, iter_shards, mark_finished
from sitroom.batch.tables import TABLE_NAMES, write_tables
from sitroom.config import Limits
from sitroom.errors import SitroomError

ENGINES = ("local", "ray")


@dataclass
class BatchSummary:
    """What a batch run did."""

    out_dir: str
    engine: str
    workers: int
    shards_done: int = 0
    """Shards extracted by this run."""
    shards_skipped: int = 0
    """Shards a previous run had finished."""
    documents: int = 0
    """Documents extracted by this run."""
    failed: list[str] = field(default_factory=list)
    """Inputs that could not be read (``where: reason``)."""
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLE_NAMES, 0))
    """Rows written per table by this run."""
    seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def run_batch(inputs: Iterable[str | Path], out_dir: str | Path, engine: str = "local", workers: int | None = None,
              address: str | None = None, model: str | None = None,
              progress: Callable[[int], Any] | None = None, shard_size: int = SHARD_SIZE,
              ray_temp_dir: str | Path | None = None, gpu: bool = False) -> BatchSummary:
    """Extract every document of ``inputs`` into Parquet tables under ``out_dir``.

    ``inputs`` are paths as ``sitroom extract`` takes them (JSON Lines, text, HTML, feeds, WARC,
    folders). Finished shards of an earlier run into the same ``out_dir`` are skipped, so running
    the same command again after a kill finishes the job. ``progress(n)`` is called with the number
    of documents of each finished shard. ``address`` (Ray only) joins an existing Ray cluster.
    """
    if engine not in ENGINES:
        raise SitroomError(f"unknown batch engine {engine!r}; use one of: {', '.join(ENGINES)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    summary = BatchSummary(str(out), engine, workers or os.cpu_count() or 1)
    started = time.perf_counter()

    def finished(result: tuple[str, list[dict[str, Any]]]) -> None:
        shard, records = result
        for table, n in write_tables(out, shard, records).items():
            summary.rows[table] += n
        mark_finished(out, shard, len(records))  # last: the shard counts only once every part is there
        summary.shards_done += 1
        summary.documents += len(records)
        if progress is not None:
            progress(len(records))

    shards = _pending(iter_shards(inputs, shard_size, Limits(), lambda w, r: summary.failed.append(f"{w}: {r}")),
                      out, summary)
    with _single_threaded_children():
        if engine == "ray":
            from sitroom.batch.ray_engine import run_ray

            run_ray(shards, summary.workers, model, finished, address=address,
                    temp_dir=Path(ray_temp_dir) if ray_temp_dir else out / "_ray", gpu=gpu)
        else:
            from sitroom.batch.local import run_local

            run_local(shards, summary.workers, model, finished)
    summary.seconds = time.perf_counter() - started
    return summary


def _pending(shards: Iterator[Shard], out: Path, summary: BatchSummary) -> Iterator[Shard]:
    for shard in shards:
        if is_finished(out, shard.id):
            summary.shards_skipped += 1
            continue
        yield shard


@contextmanager
def _single_threaded_children() -> Iterator[None]:
    """Thread limits in the environment while workers start, so they apply before numpy loads."""
    saved = {name: os.environ.get(name) for name in worker.THREAD_VARS}
    os.environ.update(worker.single_thread_env())
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
