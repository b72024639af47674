"""The local engine: a spawned process pool on this machine, for tests, small jobs and no Ray.

Processes are started with ``spawn`` (never ``fork``: a forked copy of a process that has loaded a
model shares its memory and thread state in ways that break) and each loads the model once in its
initializer. At most ``2 x workers`` shards are in flight, so memory stays bounded however large
the input is.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from sitroom.batch import worker
from sitroom.batch.shards import Shard

ShardResult = tuple[str, list[dict[str, Any]]]


def run_local(shards: Iterator[Shard], workers: int, model: str | None,
              on_result: Callable[[ShardResult], None]) -> None:
    """Extract every shard in a pool of ``workers`` processes, handing each result to ``on_result``."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=worker.init_worker,
                             initargs=(model,)) as pool:
        in_flight: set[Future[ShardResult]] = set()
        for shard in shards:
            in_flight.add(pool.submit(worker.extract_shard, shard.id, shard.documents))
            if len(in_flight) >= 2 * workers:
                in_flight = _drain(in_flight, on_result, FIRST_COMPLETED)
        _drain(in_flight, on_result, None)


def _drain(futures: set[Future[ShardResult]], on_result: Callable[[ShardResult], None],
           until: str | None) -> set[Future[ShardResult]]:
    """Hand finished results on; wait for the first (``FIRST_COMPLETED``) or for all (None)."""
    done, pending = wait(futures, return_when=until or "ALL_COMPLETED")
    for future in done:
        on_result(future.result())
    return pending
