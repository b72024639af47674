"""Batch extraction on the local engine: same facts as ``extract``, Parquet tables, resume, load."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from sitroom.batch import TABLE_NAMES, iter_batch_records, load, read_table, run_batch
from sitroom.batch.shards import finished_shards, iter_shards
from sitroom.batch.tables import part_path
from sitroom.errors import SitroomError
from sitroom.extract.pipeline import Pipeline
from sitroom.ingest import InputFailure, read_inputs
from sitroom.store.sqlite import SQLiteStore

ARTICLES = [
    ("k1", "2021-09-22", "The Republic of Karesia is poised to sign a deal with the Volkov Group, according to "
     "the Ostrava Herald. About 900 Volkov fighters would train the Karesian army in Velmar."),
    ("k2", "2021-10-05", "General Anton Brask denied that foreign troops were in Karesia. He said on Monday "
     "that the army alone controls Velmar."),
    ("k3", "2021-10-07", "Ardenne suspended military cooperation with Karesia on 6 October 2021. The Ardennese "
     "foreign minister accused the junta of hiring mercenaries."),
    ("k4", "2021-11-02", "Hundreds of protesters marched in Velmar against the Volkov Group. Police arrested "
     "twelve people, the interior ministry said."),
    ("k5", "2021-11-20", "The Volkov Group's contractors arrived at the airport in Velmar. Karesia's president "
     "welcomed them and promised $10 million for new barracks."),
]
TEXT_FILE = ("Rebels attacked a convoy near Tarn on Sunday, killing four soldiers.\n\n"
             "The Karesian army said it would send reinforcements to the north.\n")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("inputs")
    jsonl = folder / "articles.jsonl"
    jsonl.write_text("".join(json.dumps({"id": i, "published": p, "text": t}) + "\n" for i, p, t in ARTICLES)
                     + "{not json\n", encoding="utf-8")
    text = folder / "tarn.txt"
    text.write_text(TEXT_FILE, encoding="utf-8")
    return [str(jsonl), str(text)]


@pytest.fixture(scope="module")
def expected(inputs: list[str]) -> dict[str, dict[str, Any]]:
    """What ``sitroom extract`` gives for the inputs: records by document id."""
    documents = [d for d in read_inputs(inputs) if not isinstance(d, InputFailure)]
    return {r.document.id: r.to_json() for r in Pipeline().process(documents)}


@pytest.fixture(scope="module")
def batch_out(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    out = tmp_path_factory.mktemp("batch") / "out"
    summary = run_batch(inputs, out, engine="local", workers=2, shard_size=2)
    return out, summary


def test_batch_gives_the_same_records_as_extract(batch_out: tuple[Path, Any],
                                                 expected: dict[str, dict[str, Any]]) -> None:
    out, summary = batch_out
    got = {r["document"]["id"]: r for r in iter_batch_records(out)}
    assert list(got) == list(expected), "input order is kept across shards"
    for doc_id, record in expected.items():
        assert got[doc_id] == record, f"{doc_id} differs from extract"
    assert (summary.documents, summary.shards_done, summary.shards_skipped) == (6, 3, 0)
    assert any("articles.jsonl:6" in f for f in summary.failed), summary.failed


def test_tables_hold_every_fact(batch_out: tuple[Path, Any], expected: dict[str, dict[str, Any]]) -> None:
    out, summary = batch_out
    records = list(expected.values())
    want = {
        "documents": len(records), "entities": sum(len(r["entities"]) for r in records),
        "mentions": sum(len(e["mentions"]) for r in records for e in r["entities"]),
        "events": sum(len(r["events"]) for r in records), "claims": sum(len(r["claims"]) for r in records),
        "quantities": sum(len(r["quantities"]) for r in records),
        "relations": sum(len(r["relations"]) for r in records), "dates": sum(len(r["dates"]) for r in records),
    }
    assert {t: read_table(out, t).num_rows for t in TABLE_NAMES} == want == summary.rows
    assert want["events"] and want["quantities"] and want["dates"], "the articles must exercise the tables"
    events = read_table(out, "events").to_pylist()
    first = next(r for r in records if r["events"])
    row = next(e for e in events if e["doc_id"] == first["document"]["id"])
    event = first["events"][0]
    assert (row["id"], row["type"], row["source"], row["evidence_start"]) == (
        event["id"], event["type"], event["source"], event["evidence"]["start"])
    text = first["document"]["text"]
    assert text[row["evidence_start"]:row["evidence_end"]] == row["evidence_text"]


def test_every_shard_has_a_marker_and_every_table_part(batch_out: tuple[Path, Any]) -> None:
    out, _ = batch_out
    shards = finished_shards(out)
    assert len(shards) == 3 and shards == sorted(shards)
    for shard in shards:
        for table in TABLE_NAMES:
            assert pq.read_metadata(part_path(out, table, shard)).num_columns > 1
    assert not list(out.rglob(".*partial")), "no half-written files are left"


def test_shard_ids_are_stable_and_follow_the_input(inputs: list[str], tmp_path: Path) -> None:
    first = [s.id for s in iter_shards(inputs, size=2)]
    assert first == [s.id for s in iter_shards(inputs, size=2)]
    changed = tmp_path / "changed.jsonl"
    lines = Path(inputs[0]).read_text(encoding="utf-8").splitlines()
    changed.write_text("\n".join([*lines[:2], lines[2].replace("Ardenne", "Ardenny"), *lines[3:]]) + "\n",
                       encoding="utf-8")
    second = [s.id for s in iter_shards([str(changed), inputs[1]], size=2)]
    assert second[0] == first[0] and second[1] != first[1] and second[2] == first[2]


def test_a_kill_midway_resumes_where_it_stopped(inputs: list[str], tmp_path: Path, batch_out: tuple[Path, Any],
                                               expected: dict[str, dict[str, Any]]) -> None:
    done, _ = batch_out
    out = tmp_path / "out"

    def crash(n: int) -> None:
        raise KeyboardInterrupt  # what Ctrl-C does to the driver after the first shard is written

    with pytest.raises(KeyboardInterrupt):
        run_batch(inputs, out, workers=1, shard_size=2, progress=crash)
    assert len(finished_shards(out)) == 1
    # A kill can also land between a shard's parts and its marker: parts without a marker are redone.
    half = finished_shards(done)[2]
    for table in ("documents", "events"):
        part_path(out, table, half).parent.mkdir(exist_ok=True)
        shutil.copy(part_path(done, table, half), part_path(out, table, half))
    summary = run_batch(inputs, out, workers=1, shard_size=2)
    assert (summary.shards_done, summary.shards_skipped, summary.documents) == (2, 1, 4)
    assert {r["document"]["id"]: r for r in iter_batch_records(out)} == expected
    assert {t: read_table(out, t).num_rows for t in TABLE_NAMES} == {t: read_table(done, t).num_rows
                                                                      for t in TABLE_NAMES}
    again = run_batch(inputs, out, workers=1, shard_size=2)
    assert (again.shards_done, again.shards_skipped) == (0, 3)


def test_load_into_sqlite_is_idempotent(batch_out: tuple[Path, Any], tmp_path: Path,
                                        expected: dict[str, dict[str, Any]]) -> None:
    out, _ = batch_out
    with SQLiteStore(tmp_path / "loaded.db") as loaded, SQLiteStore(tmp_path / "direct.db") as direct:
        result = load(out, loaded)
        assert (result.read, result.stored, result.skipped) == (6, 6, 0)
        for record in expected.values():
            direct.import_record(record)
        assert loaded.stats() == direct.stats()
        assert list(loaded.iter_records()) == list(direct.iter_records())
        again = load(out, loaded)
        assert (again.read, again.stored) == (6, 0)


@pytest.mark.skipif(not os.environ.get("SITROOM_TEST_PG_URL"), reason="no PostgreSQL: source scripts/pg.sh start")
def test_load_into_postgres_matches_sqlite(batch_out: tuple[Path, Any], tmp_path: Path) -> None:
    import uuid

    from sitroom.store.postgres import PostgresStore

    out, _ = batch_out
    schema = f"t_batch_{uuid.uuid4().hex[:10]}"
    url = os.environ["SITROOM_TEST_PG_URL"]
    try:
        with PostgresStore(url, schema=schema) as pg, SQLiteStore(tmp_path / "s.db") as lite:
            assert load(out, pg).stored == 6 and load(out, lite).stored == 6
            assert pg.stats() == lite.stats()
            assert list(pg.iter_records()) == list(lite.iter_records())
            assert load(out, pg).stored == 0
    finally:
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def test_unknown_engine_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SitroomError, match="unknown batch engine"):
        run_batch([], tmp_path, engine="spark")


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("SITROOM_TEST_RAY") != "1",
                    reason="Ray start-up takes ~10 s a run: set SITROOM_TEST_RAY=1 (needs pip install 'sitroom[ray]')")
def test_ray_engine_gives_the_same_tables(inputs: list[str], tmp_path: Path, batch_out: tuple[Path, Any]) -> None:
    done, _ = batch_out
    out = tmp_path / "ray-out"
    summary = run_batch(inputs, out, engine="ray", workers=2, shard_size=2)
    assert (summary.documents, summary.shards_done) == (6, 3)
    assert list(iter_batch_records(out)) == list(iter_batch_records(done))
    assert {t: read_table(out, t).num_rows for t in TABLE_NAMES} == {t: read_table(done, t).num_rows
                                                                      for t in TABLE_NAMES}
    assert list((out / "_ray").glob("session_*/logs")), "Ray's temp and log folders are under the output"


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("SITROOM_TEST_RAY") != "1",
                    reason="Ray start-up takes ~10 s a run: set SITROOM_TEST_RAY=1 (needs pip install 'sitroom[ray]')")
def test_ray_engine_resumes_after_an_interrupted_run(inputs: list[str], tmp_path: Path,
                                                     expected: dict[str, dict[str, Any]]) -> None:
    out = tmp_path / "ray-resume"

    def crash(n: int) -> None:
        raise KeyboardInterrupt  # the driver dies once the first shard is written

    with pytest.raises(KeyboardInterrupt):
        run_batch(inputs, out, engine="ray", workers=2, shard_size=2, progress=crash)
    finished = len(finished_shards(out))
    assert 1 <= finished < 3
    summary = run_batch(inputs, out, engine="ray", workers=2, shard_size=2)
    assert (summary.shards_done, summary.shards_skipped) == (3 - finished, finished)
    assert {r["document"]["id"]: r for r in iter_batch_records(out)} == expected
