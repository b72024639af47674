"""Ray (2 workers) against the local engine (2 workers) on the same input: time, ratio, overhead.

    .venv/bin/python bench/batch_bench.py [--corpus FILE] [--limit N] [--workers 2]

Each engine writes to a fresh folder. Ray's time includes starting its private local cluster; the
overhead line is Ray's time minus the local engine's. Skips Ray when it is not installed.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-politics-business.jsonl"


def main() -> None:
    from sitroom.batch import iter_batch_records, run_batch
    from sitroom.batch.ray_engine import ray_installed

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shard-size", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sr-bb-", dir="/tmp") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("\n".join(args.corpus.read_text(encoding="utf-8").splitlines()[:args.limit]) + "\n",
                          encoding="utf-8")
        seconds: dict[str, float] = {}
        engines = ["local", "ray"] if ray_installed() else ["local"]
        for engine in engines:
            started = time.perf_counter()
            summary = run_batch([str(corpus)], Path(tmp) / engine, engine=engine, workers=args.workers,
                                shard_size=args.shard_size)
            seconds[engine] = time.perf_counter() - started
            print(f"{engine}: {summary.documents} documents in {seconds[engine]:.1f} s "
                  f"({summary.documents / seconds[engine]:.1f} docs/s)", flush=True)
        if "ray" in seconds:
            same = list(iter_batch_records(Path(tmp) / "ray")) == list(iter_batch_records(Path(tmp) / "local"))
            print(f"ray/local time ratio: {seconds['ray'] / seconds['local']:.2f}; "
                  f"overhead {seconds['ray'] - seconds['local']:.1f} s; same records: {same}")


if __name__ == "__main__":
    main()
