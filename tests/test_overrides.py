"""Actor overrides: the YAML file, each operation on a real store, and survival across re-ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.errors import InputError, NotFound
from sitroom.records import DocumentRecord
from sitroom.resolve.overrides import (
    ACRONYM,
    DESCRIPTION,
    EXACT_KEY,
    PART_OF_NAME,
    ActorOverride,
    alias_confidence,
    apply_override,
    load_overrides,
    make_override,
    overrides_path,
    parse_code,
    save_override,
)
from sitroom.store.sqlite import SQLiteStore
from store_suite import RecordBuilder


def volkov_doc() -> DocumentRecord:
    b = RecordBuilder("v1", ["The Volkov Group sent instructors to Velmar.",
                             "The Internet Security Bureau (ISB) tracked the Russian PMC."], published="2023-01-05")
    volkov = b.entity("Volkov Group", "organization", ["Volkov Group", "the Russian PMC"], country="RUS",
                      sector="PMC")
    velmar = b.entity("Velmar", "place", country="KRS")
    b.entity("Internet Security Bureau", "organization", ["Internet Security Bureau", "ISB"], country="KRS",
             sector="SPY")
    b.event("AID", "sent", 0, source=[volkov], target=[velmar])
    return b.build()


def vagner_doc(doc_id: str = "v2", published: str = "2023-02-01") -> DocumentRecord:
    b = RecordBuilder(doc_id, [f"Vagner Brigade fighters were seen in Kesh ({doc_id})."], published=published)
    b.entity("Vagner Brigade", "organization", country="RUS", sector="PMC")
    b.entity("Kesh", "place", country="KRS")
    return b.build()


def test_make_override_checks_its_input() -> None:
    assert make_override("SET_CODE", "Volkov", "ruspmc") == ActorOverride("set-code", "Volkov", "RUSPMC")
    with pytest.raises(InputError, match="unknown actor operation"):
        make_override("explode", "a", "b")
    with pytest.raises(InputError, match="bad actor code"):
        make_override("set-code", "Volkov", "RUSSIA")
    with pytest.raises(InputError, match="same actor"):
        make_override("merge", "the Volkov Group", "Volkov group")
    assert parse_code("mligov") == ("MLI", "GOV")


def test_file_round_trip_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "o.yaml"
    assert load_overrides(path) == []
    first = make_override("merge", "Volkov Group", "Vagner Brigade")
    assert save_override(path, first) is True
    assert save_override(path, first) is False, "saving the same correction twice keeps one"
    second = make_override("rename", "Volkov Group", "Volkov PMC")
    save_override(path, second)
    assert load_overrides(path) == [first, second]
    assert path.read_text(encoding="utf-8").startswith("# sitroom actor corrections")
    (tmp_path / "bad.yaml").write_text("- {op: merge, actor: A}\n", encoding="utf-8")
    with pytest.raises(InputError, match="entry 1"):
        load_overrides(tmp_path / "bad.yaml")
    (tmp_path / "map.yaml").write_text("op: merge\n", encoding="utf-8")
    with pytest.raises(InputError, match="YAML list"):
        load_overrides(tmp_path / "map.yaml")


def test_overrides_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SITROOM_OVERRIDES", raising=False)
    assert overrides_path("data/s.db") == Path("data/s.db.overrides.yaml")
    assert overrides_path(":memory:") is None
    monkeypatch.setenv("SITROOM_OVERRIDES", str(tmp_path / "mine.yaml"))
    assert overrides_path("data/s.db") == tmp_path / "mine.yaml"


def test_alias_confidence() -> None:
    assert alias_confidence("the Volkov group", "org:volkov", "Volkov Group", "organization", "RUS") == EXACT_KEY
    assert alias_confidence("ISB", "org:internet security bureau", "Internet Security Bureau",
                            "organization", "KRS") == ACRONYM
    assert alias_confidence("Brask", "person:anton brask", "Anton Brask", "person", "KRS") == PART_OF_NAME
    assert alias_confidence("the Russian PMC", "org:volkov", "Volkov Group", "organization", "RUS") == DESCRIPTION


def test_alias_confidence_is_stored(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "a.db") as store:
        store.add_record(volkov_doc())
        rows = dict(store._conn.execute("SELECT alias, confidence FROM actor_aliases"))
    assert rows["Volkov Group"] == EXACT_KEY and rows["ISB"] == ACRONYM and rows["the Russian PMC"] == DESCRIPTION


@pytest.fixture
def isolated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITROOM_OVERRIDES", raising=False)


@pytest.mark.usefixtures("isolated")
def test_merge_moves_everything_and_is_idempotent(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "m.db") as store:
        store.add_record(volkov_doc())
        store.add_record(vagner_doc())
        op = make_override("merge", "Volkov Group", "Vagner Brigade")
        assert apply_override(store, op) == 1
        assert apply_override(store, op) == 0
        profile = store.actor("Vagner Brigade")
        assert profile.actor.name == "Volkov Group" and profile.actor.doc_count == 2
        assert profile.actor.first_seen == "2023-01-05" and profile.actor.last_seen == "2023-02-01"
        assert {"Volkov Group", "Vagner Brigade"} <= {a for a, _ in profile.aliases}
        assert len(store.actors(sector="PMC")) == 1
        assert apply_override(store, make_override("merge", "Nobody Atall", "Volkov Group")) == 0


@pytest.mark.usefixtures("isolated")
def test_split_rename_and_set_code(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        store.add_record(volkov_doc())
        store.add_record(vagner_doc())
        apply_override(store, make_override("merge", "Volkov Group", "Vagner Brigade"))
        assert apply_override(store, make_override("split", "Volkov Group", "Vagner Brigade")) == 2
        assert store.actor("Vagner Brigade").actor.id != store.actor("Volkov Group").actor.id
        assert store.actor("Vagner Brigade").actor.doc_count == 1
        assert "Vagner Brigade" not in {a for a, _ in store.actor("Volkov Group").aliases}
        assert apply_override(store, make_override("rename", "Volkov Group", "PMC Volkov")) == 1
        assert store.actor("Volkov Group").actor.name == "PMC Volkov"
        assert apply_override(store, make_override("set-code", "PMC Volkov", "KRSPRM")) == 1
        actor = store.actor("PMC Volkov").actor
        assert (actor.code, actor.country, actor.sector) == ("KRSPRM", "KRS", "PRM")


@pytest.mark.usefixtures("isolated")
def test_corrections_survive_reingest(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    with SQLiteStore(db) as store:
        store.add_record(volkov_doc())
        store.add_record(vagner_doc())
        for op in (make_override("merge", "Volkov Group", "Vagner Brigade"),
                   make_override("set-code", "Volkov Group", "KRSPRM")):
            apply_override(store, op)
            save_override(overrides_path(str(db)) or "", op)
    for leftover in tmp_path.glob("r.db*"):
        if not leftover.name.endswith(".overrides.yaml"):
            leftover.unlink()
    with SQLiteStore(db) as store:
        assert store.stats()["documents"] == 0
        store.add_record(volkov_doc())
        store.add_record(vagner_doc())
        merged = store.actor("Vagner Brigade").actor
        assert merged.name == "Volkov Group" and merged.doc_count == 2 and merged.code == "KRSPRM"
        store.add_record(vagner_doc("v3", "2023-03-01"))  # a later article re-creates the other name
        assert store.actor("Volkov Group").actor.doc_count == 3
        assert store.actor("Volkov Group").actor.code == "KRSPRM", "a later document must not undo set-code"
        with pytest.raises(NotFound):
            store.actor("Nobody Atall")


def test_env_overrides_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "shared.yaml"
    save_override(path, make_override("rename", "Volkov Group", "Volkov Company"))
    monkeypatch.setenv("SITROOM_OVERRIDES", str(path))
    with SQLiteStore(tmp_path / "e.db") as store:
        store.add_record(volkov_doc())
        assert store.actor("Volkov Group").actor.name == "Volkov Company"
