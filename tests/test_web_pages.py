"""The HTML pages, rendered in process: every page answers, links facts to evidence, and shows
hostile markup as text. (tests/test_web_browser.py drives the same pages in real Chromium.)"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitroom.records import DocumentRecord
from sitroom.serve.app import create_app
from test_api_fixture import IMG, SCRIPT, build_store, deal_record


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_store(tmp_path_factory.mktemp("pages") / "fixture.db")
    with TestClient(create_app(str(db), read_only=False, token="t0ken")) as c:
        yield c


def volkov_id(client: TestClient) -> int:
    return int(client.get("/api/entities/Volkov Group").json()["actor"]["id"])


@pytest.mark.parametrize("path", ["/", "/search?q=Velmar", "/actors", "/actors?kind=country", "/events",
                                  "/events?type=ASSAULT&since=2023-04", "/claims", "/contradictions",
                                  "/documents", "/documents/karesia-deal", "/path?source=Anton+Brask&target=Vell",
                                  "/static/world.geojson", "/static/vendor/leaflet/leaflet.js",
                                  "/static/vendor/cytoscape/cytoscape.min.js"])
def test_every_page_answers(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 200, path


def test_actor_page_shows_profile_events_claims_and_documents(client: TestClient) -> None:
    page = client.get(f"/actors/{volkov_id(client)}").text
    assert "RUSPMC" in page
    assert page.count('class="event"') == 6  # 3 as source (one denied), 3 as target
    assert "Volkov Group fighters are deployed in Velmar and Vell" in page  # a claim about it
    assert "Convoy attacked near Vell" in page  # one of its documents
    assert 'id="graph"' in page and "/static/vendor/cytoscape/cytoscape.min.js" in page


def test_event_links_open_the_document_with_its_evidence_marked(client: TestClient) -> None:
    page = client.get("/events?type=ASSAULT").text
    links = re.findall(r'href="(/documents/[^"]+\?fact=[^"]+)"', page)
    assert links
    doc = client.get(html.unescape(links[0])).text
    assert '<mark class="hl seg" id="hl"' in doc  # the page scrolls to the first marked piece
    marked = "".join(re.sub(r"<[^>]+>", "", m) for m in re.findall(r"<mark[^>]*>(.*?)</mark>", doc, re.S))
    assert "attacked a convoy" in marked


def test_document_marks_exactly_the_requested_fact(client: TestClient) -> None:
    record = deal_record()
    page = client.get("/documents/karesia-deal?fact=c1").text
    marked = "".join(re.sub(r"<[^>]+>", "", m) for m in re.findall(r"<mark[^>]*>(.*?)</mark>", page, re.S))
    assert html.unescape(marked) == record.claims[0].evidence.text
    assert 'href="/actors/' in page  # mentions link to their actors


def test_hostile_markup_renders_as_text_everywhere(client: TestClient) -> None:
    pages = [client.get("/documents/hostile").text, client.get("/documents").text,
             client.get("/search?q=banner").text, client.get("/events").text,
             client.get(f"/actors/{volkov_id(client)}").text]
    hostile_actor = client.get("/api/entities", params={"kind": "organization"}).json()["items"]
    pages.append(client.get(f"/actors/{next(a['id'] for a in hostile_actor if a['name'] == IMG)}").text)
    for page in pages:
        assert "<script>alert" not in page and "<img src=x" not in page
    assert html.escape(SCRIPT, quote=False) in pages[0] and html.escape(IMG, quote=False) in pages[0]


def test_pages_forbid_inline_script(client: TestClient) -> None:
    r = client.get("/documents/hostile")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "<script>" not in r.text  # every script tag has a src


def test_unknown_pages_are_friendly_404s(client: TestClient) -> None:
    r = client.get("/actors/999999")
    assert r.status_code == 404 and "no actor" in r.text.lower()
    assert client.get("/documents/missing").status_code == 404


def test_search_page_highlights_matches_safely(client: TestClient) -> None:
    page = client.get("/search?q=convoy").text
    assert "<mark>convoy</mark>" in page
    assert client.get("/search", params={"q": "<script>"}).status_code == 200
    assert "<script>alert" not in client.get("/search", params={"q": "<script>alert(1)</script>"}).text


def test_ingest_needs_the_token(client: TestClient) -> None:
    record = deal_record().to_json()
    record["document"]["id"] = "ingested"
    record["document"]["text"] += " Ingested copy."
    assert client.post("/api/ingest", json={"records": [record]}).status_code == 401
    wrong = client.post("/api/ingest", json={"records": [record]}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    ok = client.post("/api/ingest", json={"records": [record]}, headers={"Authorization": "Bearer t0ken"})
    assert ok.json() == {"added": ["ingested"], "already_stored": []}
    assert client.get("/api/documents/ingested").status_code == 200
    again = client.post("/api/ingest", json={"records": [record]}, headers={"Authorization": "Bearer t0ken"})
    assert again.json()["already_stored"] == ["ingested"]


def test_ingest_refuses_bad_input(client: TestClient) -> None:
    auth = {"Authorization": "Bearer t0ken"}
    assert client.post("/api/ingest", json={"documents": [{"title": "no text"}]}, headers=auth).status_code == 400
    too_many = {"documents": [{"text": f"Article {i}."} for i in range(50)]}
    assert client.post("/api/ingest", json=too_many, headers=auth).status_code == 422


def test_token_requires_a_writable_app(tmp_path: Path) -> None:
    db = build_store(tmp_path / "f.db")
    with pytest.raises(ValueError, match="read_only=False"):
        create_app(str(db), token="x")


def test_publication_date_fallback_is_marked(tmp_path: Path, extract: Callable[..., DocumentRecord]) -> None:
    from sitroom.store.sqlite import SQLiteStore
    record = extract("Gunmen attacked a police station in Vell. Soldiers arrived on 3 March 2024.",
                     published="2024-03-05")
    with SQLiteStore(tmp_path / "pub.db") as store:
        store.add_record(record)
    with TestClient(create_app(str(tmp_path / "pub.db"))) as c:
        page = c.get("/events").text
    assert "2024-03-05 (pub.)" in page
    assert "2024-03-03 (pub.)" not in page
