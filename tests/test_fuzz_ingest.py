"""Property-based tests over every ingest format: readers never raise, and what they yield is clean.

The strategies (``fuzz/fuzz_inputs.py``) mix article-like prose with the inputs that break parsers:
unicode edge cases, lone surrogates behind JSON escapes, malformed and truncated HTML and feeds,
corrupted WARC archives, JSON Lines junk. ``fuzz/run.py`` runs the same properties much longer.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))

from fuzz_inputs import FORMATS, check_items, gzipped, jsonl_bytes  # noqa: E402

from sitroom.ingest import InputFailure, read_bytes, read_path  # noqa: E402

FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_reader_never_raises_and_yields_clean_documents(fmt: str) -> None:
    strategy, names = FORMATS[fmt]

    @FUZZ
    @given(data=strategy, name=st.sampled_from(names))
    def run(data: bytes, name: str) -> None:
        check_items(read_bytes(data, "fuzz", name))

    run()


@FUZZ
@given(data=st.one_of(*(strategy for strategy, _ in FORMATS.values()), st.binary(max_size=400)))
def test_sniffed_input_of_any_format_never_raises(data: bytes) -> None:
    check_items(read_bytes(data, "fuzz"))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=jsonl_bytes(), compress=st.booleans())
def test_files_on_disk_and_gzip_never_raise(tmp_path: Path, data: bytes, compress: bool) -> None:
    path = tmp_path / ("in.jsonl.gz" if compress else "in.jsonl")
    path.write_bytes(gzipped(data) if compress else data)
    check_items(read_path(path))


def test_lone_surrogate_escapes_become_replacement_characters() -> None:
    line = b'{"id": "k\\udc00", "text": "The Volkov Group \\ud800 denied it.", "title": "\\udfff"}'
    [doc] = check_items(read_bytes(line, "w.jsonl", "w.jsonl"))
    assert doc.text == "The Volkov Group \ufffd denied it."
    assert doc.title == "\ufffd" and doc.id == "k\ufffd"


def test_corrupt_warc_is_one_failure_not_an_exception() -> None:
    items = list(read_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<p>x", "w", "a.warc"))
    assert items and all(isinstance(item, InputFailure) for item in items)
