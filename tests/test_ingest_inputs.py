"""Dispatch over paths: every kind of bad input is a failure, directories, stdin, order, limits."""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.config import Limits
from sitroom.ingest import InputFailure, read_bytes, read_inputs, read_path
from sitroom.ingest.sniff import sniff_text
from sitroom.records import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ARTICLE = "The Volkov Group withdrew 300 contractors from Drevna on Friday.\n"


def failures(items: list[Document | InputFailure]) -> list[InputFailure]:
    return [item for item in items if isinstance(item, InputFailure)]


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert list(read_inputs([str(missing)])) == [InputFailure(str(missing), "no such file")]


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert list(read_path(path)) == [InputFailure(str(path), "empty file")]


def test_binary_file_with_text_extension(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (failure,) = list(read_path(path))
    assert isinstance(failure, InputFailure) and "not UTF-8 text" in failure.reason


def test_latin1_text_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Le caf\u00e9 de Drevna a ferm\u00e9.".encode("latin-1"))
    assert list(read_path(path)) == [InputFailure(str(path), "not UTF-8 text")]


def test_unknown_extension_with_binary_content(tmp_path: Path) -> None:
    path = tmp_path / "blob.xyz"
    path.write_bytes(bytes(range(256)) * 8)
    assert list(read_path(path)) == [InputFailure(str(path), "unsupported format '.xyz'")]


def test_unknown_extension_with_text_content_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "notes.xyz"
    path.write_text(ARTICLE)
    (doc,) = list(read_path(path))
    assert isinstance(doc, Document) and doc.text == ARTICLE.strip()


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 10)
    items = list(read_path(path, Limits(max_file_bytes=100)))
    assert items == [InputFailure(str(path), f"file is {len(ARTICLE) * 10} bytes, over the limit of 100 "
                                             "(SITROOM_MAX_FILE_BYTES)")]


def test_size_limit_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITROOM_MAX_FILE_BYTES", "10")
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE)
    (failure,) = list(read_inputs([path]))
    assert isinstance(failure, InputFailure) and "over the limit of 10" in failure.reason


def test_gzipped_jsonl_is_read_by_its_inner_extension(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "g1", "text": "Packed."}\n'))
    (doc,) = list(read_path(path))
    assert isinstance(doc, Document) and (doc.id, doc.origin) == ("g1", f"{path}:1")


def test_gzip_bomb_is_stopped_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 100_000))
    (failure,) = list(read_path(path, Limits(max_file_bytes=5_000)))
    assert isinstance(failure, InputFailure) and failure.reason.startswith("decompressed file is over the limit")


def test_directory_is_recursive_sorted_and_skips_hidden_files() -> None:
    root = FIXTURES / "tree"
    items = list(read_inputs([str(root)]))
    assert all(isinstance(item, Document) for item in items), items
    origins = [item.origin for item in items if isinstance(item, Document)]
    assert origins == [f"{root / 'a.jsonl'}:1", str(root / "b.txt"), str(root / "sub" / "a.txt"),
                       str(root / "sub" / "deeper" / "c.md")]


def test_empty_directory(tmp_path: Path) -> None:
    (tmp_path / ".only-hidden").write_text("x")
    assert list(read_path(tmp_path)) == [InputFailure(str(tmp_path), "directory has no input files")]


def test_read_inputs_keeps_input_order_and_goes_on_after_failures(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    empty = tmp_path / "empty.md"
    empty.write_text("")
    items = list(read_inputs([str(empty), str(tmp_path / "missing.html"), str(good)]))
    assert [type(item).__name__ for item in items] == ["InputFailure", "InputFailure", "Document"]
    assert [f.reason for f in failures(items)] == ["empty file", "no such file"]


def test_stray_nul_characters_are_stripped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(ARTICLE.encode() * 3 + b"\x00")
    (doc,) = list(read_path(path))
    assert isinstance(doc, Document) and "\x00" not in doc.text


# --- standard input -------------------------------------------------------------------------


def stdin_items(monkeypatch: pytest.MonkeyPatch, content: str, binary: bool = False) -> list:
    stream = io.TextIOWrapper(io.BytesIO(content.encode()), encoding="utf-8") if binary else io.StringIO(content)
    monkeypatch.setattr(sys, "stdin", stream)
    return list(read_inputs(["-"]))


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    items = stdin_items(monkeypatch, '{"id": "s1", "text": "One."}\n\n{"id": "s2", "text": "Two."}\n')
    assert [(d.id, d.origin) for d in items] == [("s1", "<stdin>:1"), ("s2", "<stdin>:3")]


def test_stdin_html(monkeypatch: pytest.MonkeyPatch) -> None:
    (doc,) = stdin_items(monkeypatch, (FIXTURES / "article.html").read_text(), binary=True)
    assert isinstance(doc, Document) and doc.author == "Lena Marwick" and "Leave a Reply" not in doc.text


def test_stdin_feed(monkeypatch: pytest.MonkeyPatch) -> None:
    items = stdin_items(monkeypatch, (FIXTURES / "feed.xml").read_text())
    assert [d.origin for d in items] == ["<stdin>#1", "<stdin>#2", "<stdin>#3"]


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    (doc,) = stdin_items(monkeypatch, "Drevna Update\n\n" + ARTICLE + "\nLena Marwick\n")
    assert isinstance(doc, Document)
    assert (doc.title, doc.author, doc.origin) == ("Drevna Update", "Lena Marwick", "<stdin>")


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    assert stdin_items(monkeypatch, "") == [InputFailure("<stdin>", "empty file")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        ('{"text": "a"}\nnot json\n', "text"),
        ('<?xml version="1.0"?>\n<!-- c -->\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("<div><p>A fragment of a page.</p></div>", "html"),
        ("The Volkov Group <br> left.", "text"),
    ],
)
def test_sniff_text(text: str, kind: str) -> None:
    assert sniff_text(text) == kind


# --- robustness -----------------------------------------------------------------------------


def test_reading_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("ingest tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    items = list(read_inputs([str(FIXTURES / name) for name in ("article.html", "feed.xml", "feed.atom")]))
    assert len(items) == 5 and all(isinstance(item, Document) for item in items)


def test_read_bytes_sniffs_and_limits() -> None:
    (doc,) = list(read_bytes(b'{"id": "m1", "text": "From memory."}\n', "upload"))
    assert isinstance(doc, Document) and (doc.id, doc.origin) == ("m1", "upload:1")
    (failure,) = list(read_bytes(b"x" * 50, "upload", limits=Limits(max_file_bytes=10)))
    assert failure == InputFailure("upload", "input is over the limit of 10 bytes (SITROOM_MAX_FILE_BYTES)")


SUFFIXES = ["x.txt", "x.md", "x.html", "x.xml", "x.jsonl", "x.json", "x.warc", "x.bin", ""]


@settings(max_examples=40, deadline=None)
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)),
       name=st.sampled_from(SUFFIXES))
def test_arbitrary_input_never_raises(data: bytes, name: str) -> None:
    for item in read_bytes(data, "fuzz", name):
        if isinstance(item, Document):
            assert item.text and item.text == item.text.strip() and "\x00" not in item.text
            assert "\r" not in item.text
        else:
            assert item.reason and item.reason == item.reason.strip()
