"""The CLI as a user runs it: extract, ingest, queries, export/import, bad input, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitroom.cli import main
from sitroom.validate import problems

ARTICLE_A = (
    "Karesia Signs Deal With Volkov Group\n\n"
    "VELL, March 3, 2022 - The Republic of Karesia signed a security agreement with the Volkov Group, "
    "a private military company, on Thursday. Karesian President Ilya Dorn said about 300 fighters "
    "would arrive in Vell next month. The Volkov Group has been accused of looting in Tarvia.\n"
)
ARTICLE_B = (
    "Volkov fighters reach Vell\n\n"
    "Fighters of the Volkov Group arrived in Vell on Monday, according to Reuters. "
    "A spokesman for President Ilya Dorn denied that the group would take part in combat.\n"
)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.md").write_text(ARTICLE_B, encoding="utf-8")
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_extract_prints_valid_records_in_input_order(corpus: Path, capsys) -> None:
    code, out, _ = run(capsys, "extract", "--quiet", str(corpus / "a.txt"), str(corpus / "b.md"))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["document"]["title"] for r in records] == ["Karesia Signs Deal With Volkov Group",
                                                         "Volkov fighters reach Vell"]
    for record in records:
        assert problems(record) == []


def test_extract_keeps_jsonl_ids_and_writes_to_file(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"doc-{i}", "text": ARTICLE_B}) for i in range(3)) + "\n")
    out_file = tmp_path / "out.jsonl"
    code, _, _ = run(capsys, "extract", "--quiet", str(src), "-o", str(out_file))
    assert code == 0
    ids = [json.loads(line)["document"]["id"] for line in out_file.read_text().splitlines()]
    assert ids == ["doc-0", "doc-1", "doc-2"]


def test_bad_inputs_are_named_skipped_and_counted(corpus: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "junk.bin").write_bytes(b"\x00\xff\x10binary\x00")
    code, out, err = run(capsys, "extract", "--quiet", str(tmp_path / "empty.txt"), str(corpus / "a.txt"),
                         str(tmp_path / "junk.bin"), str(tmp_path / "missing.txt"))
    assert code == 1
    assert len(out.splitlines()) == 1
    for name in ("empty.txt", "junk.bin", "missing.txt"):
        assert name in err
    assert "3 failed" in err


def test_missing_model_is_exit_3(corpus: Path, capsys) -> None:
    code, _, err = run(capsys, "extract", "--model", "no_such_pipeline_xyz", str(corpus))
    assert code == 3 and "no_such_pipeline_xyz" in err


def test_ingest_then_query(corpus: Path, tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "s.db")
    code, _, err = run(capsys, "ingest", "--quiet", "--db", db, str(corpus))
    assert code == 0 and "2 stored" in err
    code, _, err = run(capsys, "ingest", "--quiet", "--db", db, str(corpus / "a.txt"))
    assert code == 0 and "already stored" in err and "0 stored" in err

    code, out, _ = run(capsys, "stats", "--db", db, "--json")
    stats = json.loads(out)
    assert stats["documents"] == 2 and stats["entities"] > 0

    code, out, _ = run(capsys, "search", "--db", db, "--json", "security", "agreement")
    hits = json.loads(out)
    snippets = [h["snippet"].replace("\x02", "").replace("\x03", "") for h in hits]
    assert code == 0 and any("security agreement" in s for s in snippets)
    assert "\x02security\x03" in hits[0]["snippet"]
    code, out, _ = run(capsys, "search", "--db", db, "security")
    assert "[security]" in out

    code, out, _ = run(capsys, "entities", "--db", db, "--json", "--top", "50")
    names = [row["name"] for row in json.loads(out)]
    assert any("Volkov" in n for n in names) and any("Dorn" in n for n in names)

    code, out, _ = run(capsys, "show", "--db", db, "--json", "Volkov Group")
    profile = json.loads(out)
    assert code == 0 and profile["actor"]["doc_count"] == 2

    code, _, err = run(capsys, "show", "--db", db, "Nobody Atall")
    assert code == 5 and "Nobody Atall" in err


def test_export_import_round_trip(corpus: Path, tmp_path: Path, capsys) -> None:
    db, db2, backup = str(tmp_path / "a.db"), str(tmp_path / "b.db"), str(tmp_path / "backup.jsonl")
    run(capsys, "ingest", "--quiet", "--db", db, str(corpus))
    code, _, _ = run(capsys, "export", "--db", db, "--out", backup)
    assert code == 0
    code, _, _ = run(capsys, "import", "--db", db2, backup)
    assert code == 0
    _, first, _ = run(capsys, "stats", "--db", db, "--json")
    _, second, _ = run(capsys, "stats", "--db", db2, "--json")
    assert json.loads(first) == json.loads(second)


@pytest.mark.slow
def test_extract_streams_a_10000_line_jsonl_in_one_process(tmp_path: Path, capsys) -> None:
    src, out_file = tmp_path / "big.jsonl", tmp_path / "big.out.jsonl"
    with src.open("w", encoding="utf-8") as handle:
        for i in range(10_000):
            handle.write(json.dumps({"id": f"n{i}", "text": f"Report {i}: Karesian troops entered Vell."}) + "\n")
    code, _, err = run(capsys, "extract", "--quiet", str(src), "-o", str(out_file))
    assert code == 0 and "10000 read" in err
    ids = [json.loads(line)["document"]["id"] for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"n{i}" for i in range(10_000)]


def test_fact_listings_corrections_and_exports(corpus: Path, tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "f.db")
    run(capsys, "ingest", "--quiet", "--db", db, str(corpus))
    code, out, _ = run(capsys, "events", "--db", db, "--json")
    events = json.loads(out)
    assert code == 0 and any(e["type"] == "AGREE" or e["type"] == "SUPPORT" for e in events)
    code, out, _ = run(capsys, "events", "--db", db)
    assert code == 0 and "type" in out and "evidence" in out
    code, out, _ = run(capsys, "claims", "--db", db, "--stance", "deny", "--json")
    denials = json.loads(out)
    assert code == 0 and any("combat" in c["text"] for c in denials)
    code, out, _ = run(capsys, "claims", "--db", db, "--stance", "deny")
    assert code == 0 and "deny" in out
    code, _, _ = run(capsys, "contradictions", "--db", db, "--json")
    assert code == 0
    code, _, err = run(capsys, "actors", "rename", "--db", db, "Volkov Group", "Volkov PMC")
    assert code == 0 and "1 actor(s) changed" in err
    assert "Volkov PMC" in (tmp_path / "f.db.overrides.yaml").read_text(encoding="utf-8")
    graphml = tmp_path / "g.graphml"
    code, _, _ = run(capsys, "export", "--db", db, "--format", "graphml", "--out", str(graphml))
    assert code == 0 and "<graphml" in graphml.read_text(encoding="utf-8")
    code, _, err = run(capsys, "export", "--db", db, "--format", "parquet")
    assert code == 2 and "parquet is binary" in err
