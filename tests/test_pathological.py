"""Pathological inputs finish in bounded time and memory, and say which limit they hit.

A 5 MB single line, HTML nested 5,000 deep, a 50,000-item feed, a document naming 10,000 people.
Bounds are generous (the CI machine is shared); the figures measured here are in docs/reliability.md.
Limits come from :class:`sitroom.config.Limits` (``SITROOM_MAX_*`` environment variables).
"""

from __future__ import annotations

import itertools
import logging
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from sitroom.config import Limits
from sitroom.extract.gazetteer import choose
from sitroom.extract.mentions import Candidate
from sitroom.extract.pipeline import Pipeline
from sitroom.ingest import InputFailure, read_bytes
from sitroom.records import Document
from sitroom.validate import problems

SENTENCE = "The Volkov Group attacked a convoy near Vell on 3 March 2021, killing at least 12 people, officials said. "
FIRST = "Anton Lia Marek Oskar Vera Ilse Tomas Nadia Pavel Irina Karl Elena Jonas Mira Lukas Sonja Viktor Alma Emil Greta"
SYLLABLES = "ka re vo lin dor mes tu bra osk vel".split()


@dataclass
class Cost:
    seconds: float = 0.0
    peak_mb_growth: float = 0.0


@contextmanager
def measured() -> Iterator[Cost]:
    """Wall time and growth of the peak resident set (ru_maxrss is KiB on Linux)."""
    cost = Cost()
    before, started = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.perf_counter()
    yield cost
    cost.seconds = time.perf_counter() - started
    cost.peak_mb_growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024


@pytest.fixture(autouse=True)
def quiet_trafilatura() -> Iterator[None]:
    logging.disable(logging.CRITICAL)
    yield
    logging.disable(logging.NOTSET)


def invented_names(count: int) -> list[str]:
    surnames = ("".join(parts).capitalize() for parts in itertools.product(SYLLABLES, repeat=3))
    pairs = itertools.product(surnames, FIRST.split())
    return [f"{first} {last}" for last, first in itertools.islice(pairs, count)]


def test_five_megabyte_single_line_is_cut_at_the_text_limit(pipeline: Pipeline) -> None:
    line = (SENTENCE * (5_000_000 // len(SENTENCE) + 1))[:5_000_000]
    limits = Limits(max_text_chars=20_000)
    with measured() as cost:
        [doc] = list(read_bytes(line.encode("utf-8"), "big.txt", "big.txt", limits))
        assert isinstance(doc, Document) and len(doc.text) == len(line.rstrip())
        record = Pipeline(limits=limits).process_one(doc)
        data = record.to_json()
    assert any("SITROOM_MAX_TEXT_CHARS" in warning for warning in record.warnings)
    assert record.events and max(ev["evidence"]["end"] for ev in data["events"]) <= 20_000
    assert problems(data) == []
    assert cost.seconds < 90 and cost.peak_mb_growth < 1_500, cost


def test_file_over_the_byte_limit_is_refused_with_the_variable_named() -> None:
    [failure] = list(read_bytes(b"x" * 2_000, "big.txt", "big.txt", Limits(max_file_bytes=1_000)))
    assert isinstance(failure, InputFailure) and "SITROOM_MAX_FILE_BYTES" in failure.reason


def test_html_nested_5000_deep_fails_clearly_and_fast() -> None:
    deep = "<html><body>" + "<div>" * 5_000 + SENTENCE + "</div>" * 5_000 + "</body></html>"
    with measured() as cost:
        [failure] = list(read_bytes(deep.encode(), "deep.html", "deep.html"))
    assert isinstance(failure, InputFailure)
    assert "nested more than 256 elements deep" in failure.reason
    assert cost.seconds < 20, cost


def test_html_nested_deep_keeps_the_text_above_the_parser_limit() -> None:
    page = f"<html><body><p>{SENTENCE}</p>" + "<div>" * 3_000 + "lost" + "</div>" * 3_000 + "</body></html>"
    [doc] = list(read_bytes(page.encode(), "deep.html", "deep.html"))
    assert isinstance(doc, Document) and "Volkov Group" in doc.text


def test_control_character_after_a_dropped_element_is_not_a_crash() -> None:
    """Regression (fuzz/run.py): lxml refused to re-attach "\\x1f" when <nav> was dropped."""
    [doc] = list(read_bytes(b"<nav>menu</nav>\x1f The Volkov Group denied it.", "p.html", "p.html"))
    assert isinstance(doc, Document) and doc.text == "The Volkov Group denied it."


def test_feed_with_50000_items_streams_every_entry() -> None:
    items = "".join(f"<item><title>Item {n}</title><description>General Anton Brask visited Vell on day {n}."
                    "</description></item>" for n in range(50_000))
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Karesia Wire</title>{items}</channel></rss>'
    with measured() as cost:
        count = sum(isinstance(item, Document) for item in read_bytes(feed.encode(), "big.xml", "big.xml"))
    assert count == 50_000
    assert cost.seconds < 90 and cost.peak_mb_growth < 1_500, cost


def test_choosing_among_10000_mentions_is_not_quadratic() -> None:
    candidates = [Candidate(i * 3, i * 3 + 2, "person", "PERSON", None, None, None, None) for i in range(10_000)]
    candidates += [Candidate(i * 3 + 1, i * 3 + 2, "person", "PERSON", None, None, None, None) for i in range(10_000)]
    with measured() as cost:
        kept = choose(candidates)
    assert len(kept) == 10_000
    assert cost.seconds < 5, cost


@pytest.mark.slow
def test_document_naming_10000_people_hits_the_mention_limit(pipeline: Pipeline) -> None:
    names = invented_names(10_000)
    text = " ".join(f"{', '.join(names[i:i + 4])} and {names[i + 4]} met in Vell." for i in range(0, 10_000, 5))
    limits = Limits(max_mentions=1_000, max_text_chars=60_000)
    with measured() as cost:
        record = Pipeline(limits=limits).process_one(Document(id="names", text=text, language="en"))
    assert any("SITROOM_MAX_MENTIONS" in warning for warning in record.warnings), record.warnings
    # The cap applies to named and described mentions; coreference then adds a few (pronouns, acronyms).
    assert sum(len(e.mentions) for e in record.entities) <= 1_200
    assert problems(record.to_json()) == []
    print(f"\n10,000 names: {cost.seconds:.1f} s, peak RSS +{cost.peak_mb_growth:.0f} MB")
    assert cost.seconds < 120 and cost.peak_mb_growth < 1_500, cost
