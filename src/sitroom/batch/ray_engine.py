"""The Ray engine: Ray Data over an actor pool, one model per actor (``pip install 'sitroom[ray]'``).

Shards go to Ray Data as rows (the shard id and its documents as JSON); ``map_batches`` runs
:class:`ShardExtractor`, a callable class, on an actor pool of ``workers`` actors, each loading
the model once in its constructor (Ray starts actors as fresh processes: nothing is forked after
a model is loaded). Actors return plain JSON strings, never spaCy objects; the driver writes the
Parquet parts and success markers as results stream back, so a killed run resumes like the local
engine does.

Memory stays bounded: the driver feeds Ray a window of ``WINDOW_PER_WORKER x workers`` shards at
a time (one Dataset per window; a new window costs one model load per actor, seconds against the
minutes a window of 500-document shards takes).

Without ``address`` a private single-machine Ray is started with its temporary files and logs under
``temp_dir`` (default ``<out>/_ray``), never the home folder, and stopped at the end. With
``address`` (``ray://head:10001`` or ``auto``) the job joins an existing cluster and uses its
folders. ``gpu=True`` asks one GPU per actor and calls ``spacy.require_gpu()`` in each actor before
the model loads (a transformer pipeline such as ``en_core_web_trf`` is the one that benefits).
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from sitroom.batch import worker
from sitroom.batch.shards import Shard
from sitroom.errors import SitroomError
from sitroom.records import Document

WINDOW_PER_WORKER = 8
"""Shards per worker handed to Ray at once: enough to keep every actor busy, bounded in memory."""

ShardResult = tuple[str, list[dict[str, Any]]]


class RayUnavailable(SitroomError):
    """``--engine ray`` was asked for but Ray is not installed."""


class ShardExtractor:
    """Ray Data callable class: the model is loaded once, in the actor's constructor."""

    def __init__(self, model: str | None = None, gpu: bool = False) -> None:
        worker.init_worker(model, gpu)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        ids, outputs = [], []
        for shard_id, docs_json in zip(batch["shard_id"], batch["documents"], strict=True):
            documents = [Document(**d) for d in json.loads(docs_json)]
            ids.append(str(shard_id))
            outputs.append(json.dumps(worker.extract_documents(documents), ensure_ascii=False))
        return {"shard_id": np.array(ids, dtype=object), "records": np.array(outputs, dtype=object)}


def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as err:
        raise RayUnavailable(
            "the Ray engine needs Ray: pip install 'sitroom[ray]' (or use --engine local)") from err
    return ray


def short_temp_dir(wanted: Path) -> str:
    """A path for Ray's temp folder that leads to ``wanted`` but is short.

    Ray puts Unix sockets under its temp folder and a socket path may not pass 107 bytes, so a long
    output path is reached through a short symlink in the system temp folder.
    """
    wanted.mkdir(parents=True, exist_ok=True)
    if len(str(wanted)) <= 32:
        return str(wanted)
    link = Path(tempfile.mkdtemp(prefix="sr-")) / "r"
    link.symlink_to(wanted.resolve(), target_is_directory=True)
    return str(link)


def run_ray(shards: Iterator[Shard], workers: int, model: str | None, on_result: Callable[[ShardResult], None],
            address: str | None = None, temp_dir: Path | None = None, gpu: bool = False) -> None:
    """Extract every shard on Ray (a local private cluster, or the one at ``address``)."""
    ray = _import_ray()
    env = {"env_vars": worker.single_thread_env()}
    if address:
        ray.init(address=address, runtime_env=env, log_to_driver=False)
    else:
        assert temp_dir is not None
        ray.init(num_cpus=workers, num_gpus=1 if gpu else 0, include_dashboard=False, log_to_driver=False,
                 _temp_dir=short_temp_dir(temp_dir), runtime_env=env)
    try:
        ray.data.DataContext.get_current().enable_progress_bars = False
        while window := list(islice(shards, WINDOW_PER_WORKER * workers)):
            _run_window(ray, window, workers, model, gpu, on_result)
    finally:
        ray.shutdown()


def _run_window(ray: Any, window: list[Shard], workers: int, model: str | None, gpu: bool,
                on_result: Callable[[ShardResult], None]) -> None:
    rows = [{"shard_id": s.id, "documents": json.dumps([dataclasses.asdict(d) for d in s.documents])}
            for s in window]
    dataset = ray.data.from_items(rows, override_num_blocks=len(rows)).map_batches(
        ShardExtractor, fn_constructor_kwargs={"model": model, "gpu": gpu}, batch_size=1,
        compute=ray.data.ActorPoolStrategy(size=min(workers, len(rows))), num_cpus=1, num_gpus=1 if gpu else 0,
        batch_format="numpy")
    for row in dataset.iter_rows():
        on_result((str(row["shard_id"]), json.loads(row["records"])))


def ray_installed() -> bool:
    try:
        import ray  # noqa: F401
    except ImportError:
        return False
    return os.environ.get("SITROOM_NO_RAY") != "1"
