"""JSON Lines (and JSON) reader: given ids kept, each bad line one failure naming path:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.ids import content_hash, document_id
from sitroom.ingest import InputFailure, read_path
from sitroom.records import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_fixture_with_bad_line_in_the_middle() -> None:
    path = FIXTURES / "records.jsonl"
    items = list(read_path(path))
    assert [type(item).__name__ for item in items] == ["Document", "Document", "InputFailure", "Document"]
    first, second, failure, fourth = items
    assert isinstance(failure, InputFailure)
    assert failure.where == f"{path}:3"
    assert failure.reason.startswith("invalid json")
    assert isinstance(first, Document) and isinstance(second, Document) and isinstance(fourth, Document)
    assert [first.id, second.id, fourth.id] == ["kar-001", "kar-002", "kar-004"]
    assert first.title == "Border pact signed"
    assert (first.published, first.url, first.source, first.language) == (
        "2023-03-14", "https://ledger.example.org/a", "The Meridian Ledger", "en")
    assert first.origin == f"{path}:1"
    assert first.content_hash == content_hash(first.text)
    assert fourth.published == "2023-04-05"
    assert fourth.text == "Ostrava recalled its ambassador.\nThe ministry gave no reason."


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "a"}', "missing 'text'"),
        ('{"id": "a", "text": "   "}', "empty 'text'"),
        ('{"id": "a", "text": 42}', "'text' must be a string, not a number"),
        ('{"id": ["a"], "text": "Karesia."}', "'id' must be a string, not an array"),
        ('{"id": "a", "text": "Karesia.", "title": {"x": 1}}', "'title' must be a string, not an object"),
        ('{"id": "a", "text": "Karesia.", "published": "last week"}', "'published' is not an iso date: 'last week'"),
        ('["not", "an", "object"]', "not a json object"),
        ('{"id": "a", "text": "unterminated', "invalid json: unterminated string starting at (column 21)"),
    ],
)
def test_bad_lines(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "text": "Fine."}\n\n' + line + "\n")
    items = list(read_path(path))
    assert isinstance(items[0], Document) and items[0].id == "ok"
    assert items[1:] == [InputFailure(f"{path}:3", reason)]


def test_missing_id_becomes_content_hash_and_int_id_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "ids.ndjson"
    path.write_text('{"text": "Karesia reopened the border."}\n{"id": 7, "text": "Drevna."}\n')
    first, second = list(read_path(path))
    assert isinstance(first, Document) and first.id == document_id("Karesia reopened the border.")
    assert isinstance(second, Document) and second.id == "7"


def test_one_undecodable_line_spoils_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "Fine."}\n')
    failure, doc = list(read_path(path))
    assert failure == InputFailure(f"{path}:1", "not UTF-8 text")
    assert isinstance(doc, Document) and doc.id == "b"


def test_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text('[{"id": "x1", "text": "First."}, {"id": "x2"}]')
    doc, failure = list(read_path(path))
    assert isinstance(doc, Document) and (doc.id, doc.origin) == ("x1", f"{path}#1")
    assert failure == InputFailure(f"{path}#2", "missing 'text'")


def test_language_tag_is_reduced_to_its_language(tmp_path: Path) -> None:
    path = tmp_path / "lang.jsonl"
    path.write_text('{"id": "a", "text": "Bonjour.", "language": "fr-FR"}\n')
    (doc,) = list(read_path(path))
    assert isinstance(doc, Document) and doc.language == "fr"
