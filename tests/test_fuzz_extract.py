"""Property-based tests over extraction: the full default pipeline on arbitrary and hostile text.

Properties: only :class:`sitroom.errors.SitroomError` may escape; every record is valid against
the published schema with exact offsets and valid references (``sitroom.validate.problems``); its
JSON encodes to UTF-8. Example counts are modest (each example is a spaCy parse); ``fuzz/run.py``
runs the same properties for much longer.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))

from fuzz_inputs import check_items, check_record, html_bytes, markdown_text, prose  # noqa: E402

from sitroom.extract.pipeline import Pipeline  # noqa: E402
from sitroom.ingest import read_bytes  # noqa: E402
from sitroom.ingest.clean import clean_text  # noqa: E402
from sitroom.records import Document  # noqa: E402

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _extract(pipeline: Pipeline, text: str) -> None:
    record = pipeline.process_one(Document(id="fuzz", text=text, language="en", published="2021-09-22"))
    check_record(record)


def test_article_like_prose_gives_valid_records(pipeline: Pipeline) -> None:
    @FUZZ
    @given(text=prose(80))
    def run(text: str) -> None:
        cleaned = clean_text(text)
        if cleaned:
            _extract(pipeline, cleaned)

    run()


def test_uncleaned_text_gives_valid_records(pipeline: Pipeline) -> None:
    """A caller of the library may hand over text no reader cleaned (CR, controls, NUL)."""

    @settings(FUZZ, max_examples=30)
    @given(text=st.one_of(prose(40), st.text(max_size=200)))
    def run(text: str) -> None:
        if text.strip():
            _extract(pipeline, text)

    run()


def test_ingested_html_and_markdown_extract_cleanly(pipeline: Pipeline) -> None:
    @settings(FUZZ, max_examples=30)
    @given(data=st.one_of(html_bytes().map(lambda d: (d, "a.html")),
                          markdown_text().map(lambda t: (t.encode("utf-8"), "a.md"))))
    def run(data: tuple[bytes, str]) -> None:
        documents = check_items(read_bytes(data[0], "fuzz", data[1]))
        for doc in documents:
            doc.language = "en"
            check_record(pipeline.process_one(doc))

    run()


def test_unknown_language_is_stored_unparsed_with_a_valid_record(pipeline: Pipeline) -> None:
    # Over language.MIN_CHARS letters, so it is identified rather than assumed English.
    text = " ".join(["\u0627\u0644\u062d\u0631\u0628 \u0641\u064a \u0645\u0627\u0644\u064a \u202e\u200f"] * 8)
    record = pipeline.process_one(Document(id="ar", text=text, language=None))
    check_record(record)
    assert record.model is None and record.warnings
