"""query/: the shapes the CLI and the web app show, read from a real store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitroom.query import as_dict, as_dicts
from sitroom.query.profile import claim_line, event_line, profile_dict, profile_lines
from sitroom.query.search import hit_dict, html_snippet, render_snippet, search
from sitroom.store.base import MARK_END, MARK_START
from sitroom.store.sqlite import SQLiteStore
from store_suite import RecordBuilder, record_a, record_b


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "q.db") as s:
        s.add_record(record_a())
        s.add_record(record_b())
        yield s


def test_snippet_rendering_and_html_escaping() -> None:
    raw = f"the {MARK_START}Volkov{MARK_END} <script> & co"
    assert render_snippet(raw) == "the [Volkov] <script> & co"
    assert render_snippet(raw, "**", "**") == "the **Volkov** <script> & co"
    assert html_snippet(raw) == "the <mark>Volkov</mark> &lt;script&gt; &amp; co"


def test_search_dicts(store: SQLiteStore) -> None:
    (hit,) = search(store, "suspended")
    assert hit["doc_id"] == "doc-b" and "[suspended]" in hit["snippet"]
    assert "<mark>suspended</mark>" in search(store, "suspended", markup="html")[0]["snippet"]
    with pytest.raises(ValueError, match="markup"):
        hit_dict(store.search("suspended")[0], markup="pdf")


def test_html_search_escapes_document_text(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "x.db") as s:
        s.add_record(RecordBuilder("x", ["Ostrava <b>rebels</b> took Velmar."]).build())
        (hit,) = search(s, "rebels", markup="html")
        assert "&lt;b&gt;<mark>rebels</mark>&lt;/b&gt;" in hit["snippet"]


def test_profile_dict_is_json_ready(store: SQLiteStore) -> None:
    data = profile_dict(store.actor("Wagner"))
    encoded = json.loads(json.dumps(data))
    assert encoded["actor"]["name"] == "Wagner Group"
    assert {e["type"] for e in encoded["events_as_source"]} == {"COOPERATE", "MOBILIZE"}
    assert encoded["events_as_target"][0]["source"][0]["name"] == "Karesia"


def test_profile_lines_read_well(store: SQLiteStore) -> None:
    lines = profile_lines(store.actor("General Anton Brask"))
    assert lines[0].startswith("Anton Brask  (person KRSMIL general)")
    text = "\n".join(lines)
    assert 'Anton Brask denies: "foreign troops were in Karesia"  [doc-a]' in text
    assert "Anton Brask member_of Karesian army  [doc-a]" in text


def test_event_and_claim_lines(store: SQLiteStore) -> None:
    (mobilize,) = store.events(type="MOBILIZE")
    assert event_line(mobilize) == "2021-10-03  MOBILIZE  Wagner Group -> ?  @Velmar  [doc-b]"
    (agree,) = store.events(type="AGREE")
    assert event_line(agree).startswith("~2021-09-22 AGREE (planned)  Karesia -> Wagner Group")
    herald = store.claims(via="Ostrava Herald")[0]
    assert claim_line(herald).startswith('Ostrava Herald says: "The Republic of Karesia')


def test_as_dict_rejects_non_rows() -> None:
    with pytest.raises(TypeError):
        as_dict({"a": 1})
    assert as_dicts([]) == []
