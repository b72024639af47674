"""WARC reader: HTML responses become Documents; other records are skipped; corruption is reported."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitroom.ingest import InputFailure, read_path
from sitroom.records import Document

PAGE = (
    "<html><head><title>Drevna talks stall</title></head><body><nav>Home | World</nav><article>"
    "<h1>Drevna talks stall</h1>"
    "<p>Negotiators from the Republic of Karesia and Ostrava left the talks in Drevna on Thursday "
    "without an agreement on the northern border, officials on both sides said.</p>"
    "<p>The Volkov Group, whose contractors guard three outposts in the valley, was not represented "
    "at the talks, according to a statement from the Karesian foreign ministry.</p>"
    "</article><footer>Copyright Drevna Daily</footer></body></html>"
)
PAGE_URL = "https://daily.example.org/2023/05/talks"


def response(writer: WARCWriter, url: str, body: bytes, content_type: str, date: str) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def request(writer: WARCWriter, url: str) -> None:
    headers = StatusAndHeaders("GET /2023/05/talks HTTP/1.1", [("Host", "daily.example.org")],
                               is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", http_headers=headers))


def build_warc(path: Path, compress: bool) -> None:
    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=compress)
        request(writer, PAGE_URL)
        response(writer, PAGE_URL, PAGE.encode("utf-8"), "text/html; charset=utf-8", "2023-05-11T12:00:00Z")
        response(writer, "https://daily.example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png",
                 "2023-05-11T12:00:01Z")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_only_the_html_response_becomes_a_document(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    build_warc(path, compress=name.endswith(".gz"))
    (doc,) = list(read_path(path))
    assert isinstance(doc, Document)
    assert doc.url == PAGE_URL
    assert doc.published == "2023-05-11"  # the page has no date: the crawl date stands in
    assert doc.origin == f"{path}#2"
    assert doc.title == "Drevna talks stall"
    assert "left the talks in Drevna on Thursday" in doc.text
    assert "Home | World" not in doc.text and "Copyright" not in doc.text


def test_corrupt_warc_after_a_good_record(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc.gz"
    build_warc(path, compress=True)
    good = path.read_bytes()
    truncated = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\n<html>")[:-12]
    path.write_bytes(good + truncated)
    items = list(read_path(path))
    assert isinstance(items[0], Document) and items[0].url == PAGE_URL
    failure = items[-1]
    assert isinstance(failure, InputFailure)
    assert failure.where == str(path)
    assert failure.reason.startswith("corrupt warc at record 4")


def test_file_that_is_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("This is a plain note, not an archive.\n")
    (failure,) = list(read_path(path))
    assert isinstance(failure, InputFailure)
    assert failure.where == str(path) and failure.reason.startswith("corrupt warc at record 1")


def test_page_over_the_limit_fails_alone(tmp_path: Path) -> None:
    from sitroom.config import Limits

    path = tmp_path / "big.warc.gz"
    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=True)
        response(writer, "https://daily.example.org/huge", b"<p>" + b"word " * 20_000 + b"</p>",
                 "text/html", "2023-05-11T12:00:00Z")
        response(writer, PAGE_URL, PAGE.encode("utf-8"), "text/html", "2023-05-11T12:00:00Z")
    failure, doc = list(read_path(path, Limits(max_file_bytes=50_000)))
    assert failure == InputFailure(f"{path}#1", "page is over the limit of 50000 bytes (SITROOM_MAX_FILE_BYTES)")
    assert isinstance(doc, Document) and doc.url == PAGE_URL
