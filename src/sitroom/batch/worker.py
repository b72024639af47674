"""What runs inside a batch worker: one pipeline per process, shards in, plain records out.

Both engines call these functions: the local engine as the initializer and task of a spawned
process pool, the Ray engine from its actor class. Nothing here imports spaCy at module level, so
the thread limits are in the environment before numpy/thinc first load.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from sitroom.records import Document

if TYPE_CHECKING:
    from sitroom.extract.pipeline import Pipeline

THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
               "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")
"""One BLAS/OpenMP thread per worker: N workers on N cores, not N x cores threads fighting."""

_pipeline: Pipeline | None = None


def single_thread_env() -> dict[str, str]:
    return dict.fromkeys(THREAD_VARS, "1")


def init_worker(model: str | None = None, gpu: bool = False) -> None:
    """Load the model once for this process (the pool initializer / actor constructor)."""
    global _pipeline
    os.environ.update(single_thread_env())
    if gpu:
        import spacy

        spacy.require_gpu()  # before the model loads, so its weights go to the GPU
    from sitroom.extract.pipeline import Pipeline

    _pipeline = Pipeline(model=model)
    _pipeline.nlp  # noqa: B018  (load now: a missing model fails at start, not on the first shard)


def extract_documents(documents: list[Document]) -> list[dict[str, Any]]:
    """The records of ``documents`` as JSON dicts, exactly as ``sitroom extract`` writes them."""
    if _pipeline is None:
        init_worker()
    assert _pipeline is not None
    return [record.to_json() for record in _pipeline.process(documents)]


def extract_shard(shard_id: str, documents: list[Document]) -> tuple[str, list[dict[str, Any]]]:
    """A pool task: the shard's id with its records (plain dicts: never spaCy objects)."""
    return shard_id, extract_documents(documents)
