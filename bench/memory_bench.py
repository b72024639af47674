"""Peak memory (RSS, summed over a process and its children) of ``extract`` and ``batch`` on 1x and 4x a corpus.

    .venv/bin/python bench/memory_bench.py [--corpus ../shared/corpus/bbc-politics-business.jsonl]
        [--limit N] [--workers 2] [--copies 4]

4x is the corpus's texts repeated four times under new ids (``--copies`` changes the four). Streaming means the peak should not
grow with the input: the script prints each peak and the 4x/1x ratio (goal: within 10%).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-politics-business.jsonl"
BATCH = ("import sys; from sitroom.batch import run_batch\n"
         "if __name__ == '__main__': run_batch([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]),"
         " shard_size=int(sys.argv[4]))")


def make_inputs(corpus: Path, limit: int | None, folder: Path, copies: int = 4) -> tuple[Path, Path]:
    lines = corpus.read_text(encoding="utf-8").splitlines()[:limit]
    one, four = folder / "x1.jsonl", folder / f"x{copies}.jsonl"
    one.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with four.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for line in lines:
                item = json.loads(line)
                item["id"] = f"{item['id']}#{copy}"
                out.write(json.dumps(item) + "\n")
    return one, four


def _tree_rss_kib(pid: int) -> int:
    """RSS of ``pid`` and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except (OSError, StopIteration):
            continue
        todo.extend(int(c) for c in children)
    return total


def peak_rss_mib(command: list[str]) -> tuple[float, float]:
    """Run ``command``; (peak summed RSS in MiB, seconds)."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss_kib(proc.pid))
        time.sleep(0.2)
    if proc.returncode:
        raise SystemExit(f"{command[:3]} failed with exit code {proc.returncode}")
    return peak / 1024, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shard-size", type=int, default=50,
                        help="documents per batch shard: small enough that 1x already keeps every worker busy, "
                        "so 1x and 4x compare the same number of live workers")
    parser.add_argument("--only", choices=["extract", "batch"], help="measure one command only")
    parser.add_argument("--copies", type=int, default=4, help="how many times the larger input repeats the texts")
    args = parser.parse_args()
    python = sys.executable
    sitroom = str(Path(python).with_name("sitroom"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        one, four = make_inputs(args.corpus, args.limit, folder, args.copies)
        many = f"{args.copies}x"
        print("| command | input | peak RSS (MiB) | seconds |\n|---|---|---|---|")
        results: dict[str, list[float]] = {}
        for name in [args.only] if args.only else ["extract", "batch"]:
            for label, path in (("1x", one), (many, four)):
                if name == "extract":
                    cmd = [sitroom, "extract", str(path), "-o", str(folder / f"{label}.out.jsonl"), "--quiet"]
                else:
                    cmd = [python, "-c", BATCH, str(path), str(folder / f"batch-{label}"), str(args.workers),
                           str(args.shard_size)]
                peak, seconds = peak_rss_mib(cmd)
                results.setdefault(name, []).append(peak)
                print(f"| {name} | {label} | {peak:.0f} | {seconds:.0f} |", flush=True)
        for name, (p1, p4) in results.items():
            print(f"{name}: {many}/1x peak RSS = {p4 / p1:.3f}")


if __name__ == "__main__":
    main()
