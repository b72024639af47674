"""Exports of the fixture store in every format, read back with the tools analysts use."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitroom.export import FORMATS, TABLES, export
from sitroom.store.sqlite import SQLiteStore
from test_api_fixture import EXPECTED_MARKERS, SCRIPT, build_store

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> SQLiteStore:
    return SQLiteStore(build_store(tmp_path_factory.mktemp("export") / "f.db"))


def text_export(store: SQLiteStore, fmt: str, table: str = "events") -> str:
    out = io.StringIO()
    export(store, fmt, out, table=table)
    return out.getvalue()


def test_jsonl_round_trips_the_records(store: SQLiteStore, tmp_path: Path) -> None:
    lines = text_export(store, "jsonl").splitlines()
    assert [json.loads(x)["document"]["id"] for x in lines] == ["karesia-deal", "vell-attack", "hostile",
                                                                "volkov-denial"]
    with SQLiteStore(tmp_path / "copy.db") as copy:
        assert all(copy.import_record(json.loads(x)) for x in lines)
        assert copy.stats() == store.stats()


def test_plover_records_carry_modality_and_evidence(store: SQLiteStore) -> None:
    events = [json.loads(x) for x in text_export(store, "plover").splitlines()]
    assert len(events) == 7
    attack = next(e for e in events if e["event_id"] == "vell-attack:v1")
    assert (attack["event_type"], attack["event_mode"], attack["event_date"]) == ("ASSAULT", "firearms", "2023-04-01")
    assert (attack["source_actor"], attack["source_agent"], attack["source_country"]) == ("Volkov Group", "PMC", "RUS")
    assert attack["target_actor"] == "Karesian army" and attack["target_agent"] == "MIL"
    assert attack["location"]["name"] == "Vell" and attack["location"]["lat"] == 13.1
    assert attack["modality"] == "asserted" and attack["casualties"]["killed"] == 12
    assert attack["evidence"]["text"].startswith("Volkov Group fighters attacked")
    denied = next(e for e in events if e["event_id"] == "volkov-denial:v1")
    assert denied["modality"] == "denied"


def test_csv_tables_have_headers_and_rows(store: SQLiteStore) -> None:
    rows = list(csv.DictReader(io.StringIO(text_export(store, "csv", "events"))))
    assert len(rows) == 7
    mobilize = next(r for r in rows if r["type"] == "MOBILIZE")
    assert (mobilize["source"], mobilize["target"], mobilize["place"]) == ("Volkov Group", "Republic of Karesia", "Velmar")
    actors = list(csv.DictReader(io.StringIO(text_export(store, "csv", "actors"))))
    volkov = next(a for a in actors if a["name"] == "Volkov Group")
    assert (volkov["documents"], volkov["code"]) == ("4", "RUSPMC")
    hostile = list(csv.DictReader(io.StringIO(text_export(store, "csv", "documents"))))
    assert any(SCRIPT in r["title"] for r in hostile)  # data stays data in a CSV cell


def test_graphml_parses_with_weighted_typed_edges(store: SQLiteStore) -> None:
    root = ET.fromstring(text_export(store, "graphml"))
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(f"{GRAPHML}key")}
    nodes = {n.get("id"): {keys[d.get("key")]: d.text for d in n} for n in root.iter(f"{GRAPHML}node")}
    edges = [{**{keys[d.get("key")]: d.text for d in e}, "s": e.get("source"), "t": e.get("target")}
             for e in root.iter(f"{GRAPHML}edge")]
    assert nodes["org:volkov"]["label"] == "Volkov Group"
    assert any(n["label"] == "<img src=x onerror=alert(1)>" for n in nodes.values())  # escaped, parsed back
    assault = next(e for e in edges if e["type"] == "ASSAULT")
    assert (assault["s"], assault["weight"], assault["score"]) == ("org:volkov", "1", "-9.5")
    assert all(e["s"] in nodes and e["t"] in nodes for e in edges)
    assert {e["category"] for e in edges} == {"event", "relation"}


def test_geojson_has_one_point_per_geocoded_event(store: SQLiteStore) -> None:
    fc = json.loads(text_export(store, "geojson"))
    assert len(fc["features"]) == EXPECTED_MARKERS
    for f in fc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert all(not isinstance(v, dict | list) for v in f["properties"].values())  # flat for QGIS


def test_parquet_tables_load_in_pyarrow(store: SQLiteStore, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    written = export(store, "parquet", f"{tmp_path / 'tables'}/")
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    events = pq.read_table(tmp_path / "tables" / "events.parquet")
    assert events.num_rows == 7 and written > 7
    assert str(events.schema.field("lat").type) == "double"
    claims = pq.read_table(tmp_path / "tables" / "claims.parquet").to_pylist()
    assert {c["stance"] for c in claims} == {"assert", "deny"}
    buffer = io.BytesIO()
    export(store, "parquet", buffer, table="actors")
    assert pq.read_table(io.BytesIO(buffer.getvalue())).num_rows > 10


def test_export_to_a_binary_stream_and_to_a_file(store: SQLiteStore, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    assert export(store, "plover", buffer) == 7
    assert len(buffer.getvalue().decode().splitlines()) == 7
    assert export(store, "geojson", tmp_path / "events.geojson") == EXPECTED_MARKERS
    assert json.loads((tmp_path / "events.geojson").read_text())["type"] == "FeatureCollection"


def test_unknown_format_or_table_is_refused(store: SQLiteStore) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, "xlsx", io.StringIO())
    with pytest.raises(ValueError, match="unknown table"):
        export(store, "csv", io.StringIO(), table="secrets")


def test_every_format_through_the_api(store: SQLiteStore) -> None:
    from fastapi.testclient import TestClient

    from sitroom.serve.app import create_app

    with TestClient(create_app(store.path)) as client:
        for fmt in FORMATS:
            r = client.get(f"/api/export/{fmt}")
            assert r.status_code == 200, fmt
            assert r.content, fmt
        assert "attachment" in client.get("/api/export/csv").headers["content-disposition"]
        assert client.get("/api/export/exe").status_code == 422


def test_date_fallback_travels_to_plover_and_tables() -> None:
    from sitroom.export.plover import plover_events
    from sitroom.export.rows import event_rows
    date = {"text": "", "start": "2024-03-05", "end": "2024-03-05", "fallback": True}
    record = {"document": {"id": "d1", "published": "2024-03-05"}, "entities": [],
              "events": [{"id": "v1", "type": "ASSAULT", "date": date, "source": [], "target": [],
                          "evidence": {"start": 0, "end": 5, "text": "Boom."}},
                         {"id": "v2", "type": "PROTEST", "date": None, "source": [], "target": [],
                          "evidence": {"start": 0, "end": 5, "text": "Boom."}}]}
    assert [e["date_fallback"] for e in plover_events([record])] == [True, False]
    assert [r["date_fallback"] for r in event_rows(record, {})] == [True, False]
