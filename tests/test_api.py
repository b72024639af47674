"""The JSON API, in process (httpx TestClient) against a real SQLite store of the fixture records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitroom.serve.app import create_app
from test_api_fixture import EXPECTED_MARKERS, IMG, SCRIPT, VOLKOV_NEIGHBOURS, build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "fixture.db")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db))) as c:
        yield c


def actor_id(client: TestClient, name: str) -> int:
    return int(client.get(f"/api/entities/{name}").json()["actor"]["id"])


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/search", "/api/entities", "/api/entities/{ref}", "/api/events", "/api/claims",
                 "/api/contradictions", "/api/documents/{doc_id}", "/api/graph/{actor}", "/api/path",
                 "/api/timeline", "/api/export/{fmt}"):
        assert path in spec["paths"], path
    assert "/api/ingest" not in spec["paths"]  # no token: no ingest endpoint


def test_search_finds_sentences_and_actors(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "convoy"}).json()
    assert {h["doc_id"] for h in body["items"]} == {"vell-attack", "volkov-denial"}
    assert all("[convoy]" in h["snippet"] for h in body["items"])
    names = [a["name"] for a in client.get("/api/search", params={"q": "volk"}).json()["actors"]]
    assert names == ["Volkov Group"]


def test_search_treats_query_syntax_as_text(client: TestClient) -> None:
    for q in ['"unbalanced', "NEAR(a b)", "a OR -b", "'; DROP TABLE events; --"]:
        assert client.get("/api/search", params={"q": q}).status_code == 200
    assert client.get("/api/stats").json()["events"] == 7


def test_entities_filter_by_kind_sector_and_country(client: TestClient) -> None:
    names = {a["name"] for a in client.get("/api/entities", params={"kind": "country"}).json()["items"]}
    assert names == {"Republic of Karesia", "France", "Mali"}
    pmc = client.get("/api/entities", params={"sector": "PMC"}).json()["items"]
    assert [a["name"] for a in pmc] == ["Volkov Group"]
    krs = {a["name"] for a in client.get("/api/entities", params={"country": "KRS", "kind": "place"}).json()["items"]}
    assert krs == {"Velmar", "Vell", "Kesh"}


def test_entity_profile_has_events_claims_and_documents(client: TestClient) -> None:
    p = client.get("/api/entities/Volkov Group").json()
    assert p["actor"]["code"] == "RUSPMC"
    assert {e["type"] for e in p["events_as_source"]} == {"MOBILIZE", "ASSAULT"}
    assert {e["type"] for e in p["events_as_target"]} == {"AGREE", "CONSULT", "PROTEST"}
    assert {c["stance"] for c in p["claims_about"]} == {"assert", "deny"}
    assert len(p["documents"]) == 4
    assert client.get(f"/api/entities/{p['actor']['id']}").json()["actor"]["name"] == "Volkov Group"


def test_unknown_entity_is_404_with_suggestions(client: TestClient) -> None:
    r = client.get("/api/entities/Volkof Group")
    assert r.status_code == 404
    assert "Volkov Group" in r.json()["detail"]


def test_events_filter_by_type_actor_dates_place_and_modality(client: TestClient) -> None:
    def ids(**params: str) -> set[str]:
        return {f"{e['doc_id']}/{e['id']}" for e in client.get("/api/events", params=params).json()["items"]}

    assert ids(type="assault") == {"vell-attack/v1", "volkov-denial/v1"}
    assert ids(actor="Anton Brask") == {"karesia-deal/v2"}
    assert ids(since="2023-04", until="2023-04-30") == {"vell-attack/v1", "vell-attack/v2", "volkov-denial/v1"}
    assert ids(place="Velmar") == {"karesia-deal/v2", "karesia-deal/v3"}
    assert ids(modality="denied") == {"volkov-denial/v1"}
    assert client.get("/api/events", params={"since": "April"}).status_code == 422


def test_lists_are_paginated_and_capped(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 4}).json()
    second = client.get("/api/events", params={"limit": 4, "offset": 4}).json()
    assert (len(first["items"]), first["next_offset"]) == (4, 4)
    assert (len(second["items"]), second["next_offset"]) == (3, None)
    assert not {e["id"] + e["doc_id"] for e in first["items"]} & {e["id"] + e["doc_id"] for e in second["items"]}
    assert client.get("/api/events", params={"limit": 100_000}).status_code == 422
    assert client.get("/api/search", params={"q": "x" * 1000}).status_code == 422


def test_claims_filter_by_speaker_and_stance(client: TestClient) -> None:
    denials = client.get("/api/claims", params={"stance": "deny"}).json()["items"]
    assert [c["speaker"]["name"] for c in denials] == ["Karesian officials"]
    by_monitor = client.get("/api/claims", params={"speaker": "Dumeni Monitor"}).json()["items"]
    assert [c["text"] for c in by_monitor] == ["Volkov Group fighters are deployed in Velmar and Vell"]


def test_contradictions_pair_a_denial_with_what_it_denies(client: TestClient) -> None:
    rows = client.get("/api/contradictions").json()["items"]
    assert ("karesia-deal", "c1") in {(r["deny"]["doc_id"], r["deny"]["id"]) for r in rows}
    for row in rows:
        for side in (row["deny"], row["asserted"]):
            facts = {f["id"] for f in client.get(f"/api/documents/{side['doc_id']}").json()["facts"]}
            assert side["id"] in facts  # each side links to a fact whose evidence the page highlights
    volkov = client.get("/api/contradictions", params={"actor": "Volkov Group"}).json()["items"]
    assert len(volkov) == len(rows)
    assert client.get("/api/contradictions", params={"actor": "France"}).json()["items"] == []


def test_computed_contradictions_pair_claims_and_denied_events(db: Path) -> None:
    from sitroom.query.web import connect_readonly, contradictions

    rows = contradictions(connect_readonly(db))
    pairs = {(r["deny"]["doc_id"], r["deny"]["id"], r["asserted"]["doc_id"], r["asserted"]["id"]) for r in rows}
    assert pairs == {("karesia-deal", "c1", "vell-attack", "c1"), ("volkov-denial", "v1", "vell-attack", "v1")}


def test_document_facts_point_at_their_evidence(client: TestClient) -> None:
    body = client.get("/api/documents/karesia-deal").json()
    text = body["document"]["text"]
    kinds = {f["kind"] for f in body["facts"]}
    assert {"event", "claim", "relation", "quantity", "date"} <= kinds
    for fact in body["facts"]:
        assert text[fact["start"]:fact["end"]] == fact["evidence"]
    assert client.get("/api/documents/nope").status_code == 404


def test_graph_neighbourhood_of_an_actor(client: TestClient) -> None:
    volkov = actor_id(client, "Volkov Group")
    g = client.get(f"/api/graph/{volkov}").json()
    names = {n["name"] for n in g["nodes"]} - {"Volkov Group"}
    assert names == VOLKOV_NEIGHBOURS
    assert {e["type"] for e in g["edges"]} == {"AGREE", "CONSULT", "MOBILIZE", "ASSAULT", "PROTEST", "operates_in"}
    only_assault = client.get(f"/api/graph/{volkov}", params={"event_type": "ASSAULT", "relation_type": "none"}).json()
    assert {n["name"] for n in only_assault["nodes"]} == {"Volkov Group", "Karesian army"}
    two_hops = client.get(f"/api/graph/{volkov}", params={"hops": 2}).json()
    assert len(two_hops["nodes"]) >= len(g["nodes"])
    capped = client.get(f"/api/graph/{volkov}", params={"max_nodes": 3}).json()
    assert len(capped["nodes"]) == 3 and capped["truncated"]


def test_shortest_path_between_actors(client: TestClient) -> None:
    p = client.get("/api/path", params={"source": "Anton Brask", "target": "Karesian army"}).json()
    assert p["found"]
    assert [n["name"] for n in p["nodes"]] == ["Anton Brask", "Volkov Group", "Karesian army"]
    assert [e["type"] for e in p["steps"][1]["edges"]] == ["ASSAULT"]
    none = client.get("/api/path", params={"source": "France", "target": "Volkov Group"}).json()
    assert not none["found"]


def test_timeline_counts_pairs_per_month_with_a_score(client: TestClient) -> None:
    items = client.get("/api/timeline", params={"actor": "Volkov Group"}).json()["items"]
    cells = {(c["month"], c["source"]["name"], c["target"]["name"]): c for c in items}
    assert cells[("2023-03", "Republic of Karesia", "Volkov Group")]["score"] > 0
    assert cells[("2023-04", "Volkov Group", "Karesian army")]["score"] == -9.5
    assert sum(c["total"] for c in items) == 5  # the denied attack has no target: no pair
    store_wide = client.get("/api/timeline").json()["items"]
    assert sum(c["total"] for c in store_wide) == 7


def test_geojson_of_geocoded_events(client: TestClient) -> None:
    fc = client.get("/api/events.geojson").json()
    assert len(fc["features"]) == EXPECTED_MARKERS
    mali = [f for f in fc["features"] if f["properties"]["place"] == "Mali"]
    lon, lat = mali[0]["geometry"]["coordinates"]
    assert -13 < lon < 5 and 10 < lat < 25  # the centre of Mali, from the offline country table
    assert len(client.get("/api/events.geojson", params={"type": "ASSAULT"}).json()["features"]) == 2


def test_hostile_text_is_returned_as_data(client: TestClient) -> None:
    doc = client.get("/api/documents/hostile").json()
    assert SCRIPT in doc["document"]["text"] and IMG in doc["document"]["text"]
    assert client.get("/api/documents/hostile").headers["content-type"].startswith("application/json")


def test_security_headers_and_body_limit(client: TestClient) -> None:
    r = client.get("/api/stats")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.post("/api/ingest", content=b"x" * 3_000_000).status_code == 413


def test_read_only_app_opens_no_write_connection(db: Path) -> None:
    app = create_app(str(db))
    with pytest.raises(Exception, match="read-only"):
        with app.state.db.writer():
            pass


def test_missing_store_is_an_error_at_start(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="no store here"):
        create_app(str(tmp_path / "missing.db"))


def test_in_memory_graph_index_agrees_with_sql(db: Path) -> None:
    from sitroom.query.web import GraphFilter, GraphIndex, connect_readonly, neighbourhood, shortest_path

    conn = connect_readonly(db)
    index = GraphIndex(conn)
    volkov = conn.execute("SELECT actor_id FROM actor_aliases WHERE alias = 'Volkov Group'").fetchone()[0]
    for flt in (GraphFilter(), GraphFilter(("ASSAULT",), ())):
        for hops in (1, 2):
            by_sql = neighbourhood(conn, volkov, hops, flt)
            by_index = neighbourhood(conn, volkov, hops, flt, edges=index)
            assert {n["id"] for n in by_index["nodes"]} == {n["id"] for n in by_sql["nodes"]}
            key = [(e["source"], e["target"], e["type"]) for e in by_sql["edges"]]
            assert sorted((e["source"], e["target"], e["type"]) for e in by_index["edges"]) == sorted(key)
    brask = conn.execute("SELECT actor_id FROM actor_aliases WHERE alias = 'Anton Brask'").fetchone()[0]
    assert shortest_path(conn, brask, volkov, edges=index)["nodes"] == shortest_path(conn, brask, volkov)["nodes"]
