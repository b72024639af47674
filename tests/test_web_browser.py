"""The web app in real headless Chromium (Debian's ``chromium``, driven by Playwright).

Starts the app with uvicorn on a free loopback port over the fixture store, then: opens an actor
page and counts the graph's nodes, follows an event to its highlighted evidence, counts the map's
markers, and checks that the hostile document's markup shows as text and never runs. Screenshots
of each page go to ``screenshots/`` for a person to look at. Skipped when Chromium is missing
(``apt-get install chromium``; CI installs it).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitroom.serve.app import create_app
from test_api_fixture import EXPECTED_MARKERS, IMG, SCRIPT, VOLKOV_NEIGHBOURS, build_store

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[1] / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                "(apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    db = build_store(tmp_path_factory.mktemp("browser") / "fixture.db")
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))  # type: ignore[attr-defined]
    page.set_default_timeout(15_000)
    yield page
    context.close()


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def volkov_id(page: Any, base_url: str) -> int:
    return int(page.request.get(f"{base_url}/api/entities/Volkov Group").json()["actor"]["id"])


def test_home_and_search(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    shot(page, "home")
    page.fill("input[name=q]", "convoy")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("#hits")
    assert page.locator("#hits mark").first.inner_text().lower() == "convoy"
    shot(page, "search")


def test_actor_page_graph_renders_its_ties(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/actors/{volkov_id(page, base_url)}")
    page.wait_for_selector("#graph[data-nodes]")
    assert page.get_attribute("#graph", "data-nodes") == str(len(VOLKOV_NEIGHBOURS) + 1)
    assert page.locator("#graph canvas").count() > 0
    assert page.inner_text("#actor-name") == "Volkov Group"
    shot(page, "actor")
    page.select_option("#graph-controls select[name=event_type]", "ASSAULT")
    page.wait_for_selector("#graph[data-edges='2']")  # ASSAULT + operates_in
    assert not page.errors  # type: ignore[attr-defined]


def test_follow_an_event_to_its_highlighted_evidence(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/actors/{volkov_id(page, base_url)}")
    page.locator("tr.event[data-type=ASSAULT] a.evidence-link").first.click()
    page.wait_for_selector("mark#hl")
    marked = "".join(page.locator("#text mark.hl").all_inner_texts())
    assert marked.startswith("Volkov Group fighters attacked a convoy")
    assert page.locator("mark#hl").is_visible()
    shot(page, "document-evidence")


def test_map_shows_one_marker_per_geocoded_event(page: Any, base_url: str) -> None:
    page.goto(base_url + "/events")
    page.wait_for_selector("#map[data-markers]")
    assert page.get_attribute("#map", "data-markers") == str(EXPECTED_MARKERS)
    assert page.locator("#map path.event-marker").count() == EXPECTED_MARKERS
    assert page.locator("#map path.leaflet-interactive").count() >= EXPECTED_MARKERS
    shot(page, "events-map")
    page.goto(base_url + "/events?type=ASSAULT")
    page.wait_for_selector("#map[data-markers]")
    assert page.get_attribute("#map", "data-markers") == "2"


def test_hostile_document_shows_its_markup_as_text(page: Any, base_url: str) -> None:
    page.goto(base_url + "/documents/hostile")
    page.wait_for_selector("#text")
    text = page.inner_text("#text")
    assert SCRIPT in text and IMG in text
    assert SCRIPT in page.inner_text("#doc-title")
    assert page.locator("#text img, #text script").count() == 0
    assert page.locator("img[src=x]").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == []  # type: ignore[attr-defined]
    shot(page, "hostile-document")


def test_contradictions_page_links_both_sides(page: Any, base_url: str) -> None:
    page.goto(base_url + "/contradictions")
    rows = page.locator("li.contradiction")
    assert rows.count() >= 1
    rows.first.locator(".side.denied a.evidence-link").click()
    page.wait_for_selector("mark#hl")
    shot(page, "contradictions-followed")
