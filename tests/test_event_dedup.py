"""One event, many reports: the pure rule, incremental clustering in the store, the v1 -> v2 migration."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.records import DocumentRecord
from sitroom.resolve.contradictions import EventFacts, ItemActor
from sitroom.resolve.event_dedup import Cluster, assign_clusters, same_event, source_count
from sitroom.store import crossdoc, sqlite_write
from sitroom.store.migrate import load_migrations
from sitroom.store.sqlite import SQLiteStore
from store_suite import RecordBuilder

REBELS = ItemActor(1, "Kesh Liberation Front", "organization", "KRS", "REB")
ARMY = ItemActor(2, "Karesian army", "organization", "KRS", "MIL")
POLICE = ItemActor(3, "Karesian police", "organization", "KRS", "COP")


def report(doc: str, date: str | None = "2023-04-02", place: int | None = 7, modality: str = "asserted",
           type_: str = "ASSAULT", target: tuple[ItemActor, ...] = (ARMY,),
           source: tuple[ItemActor, ...] = (REBELS,), published: str | None = None) -> EventFacts:
    return EventFacts(doc, "v1", type_, modality, source, target, 0, 5, "x", published, date, date, place)


def test_same_event_rule() -> None:
    base = report("a")
    assert same_event(base, report("b", date="2023-04-05")), "three days apart is still one attack"
    assert not same_event(base, report("b", date="2023-04-06"))
    assert same_event(base, report("b", date=None, published="2023-04-03")), "undated: its publication date"
    assert not same_event(base, report("b", date=None, published=None))
    assert same_event(base, report("b", place=None)) and not same_event(base, report("b", place=8))
    assert not same_event(base, report("b", type_="COERCE"))
    assert not same_event(base, report("b", target=(POLICE,)))
    assert same_event(base, report("b", modality="alleged"))
    assert same_event(base, report("b", modality="denied")), "a denial disputes the same happening"
    assert not same_event(base, report("b", modality="planned"))
    assert not same_event(report("a", source=(), target=()), report("b", source=(), target=()))
    assert same_event(report("a", date="2023-04"), report("b")), "a month still places an attack"
    assert not same_event(report("a", date="2023"), report("b", date="2023")), "a year is too vague"


def test_store_finds_clusters_near_in_time_only(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "near.db") as store:
        store.add_record(attack_doc("first", "The Kesh Liberation Front attacked the Karesian army in Velmar.", None, "2023-04-02"))
        store.add_record(attack_doc("month", "In April the Kesh Liberation Front attacked the Karesian army in Velmar.", ("April", "2023-04", "2023-04"),
                                    "2023-05-30"))
        store.add_record(attack_doc("far", "Again the Kesh Liberation Front attacked the Karesian army in Velmar.", None, "2023-06-20"))
        rows = store.events(type="ASSAULT")
        assert [(r.doc_id, r.source_count) for r in rows] == [("first", 2), ("far", 1)]


def test_assignment_is_incremental_and_does_not_drift() -> None:
    stored = Cluster(11, [report("a", date="2023-04-02")])
    joined = assign_clusters([report("b", date="2023-04-04")], [stored])
    assert [(c.id, source_count(c.members)) for c in joined] == [(11, 2)]
    # 2023-04-06 is within three days of the 04-04 report but not of the 04-02 one: no chaining.
    grown = Cluster(11, [report("a", date="2023-04-02"), report("b", date="2023-04-04")])
    (fresh,) = assign_clusters([report("c", date="2023-04-06")], [grown])
    assert fresh.id is None and [m.doc_id for m in fresh.members] == ["c"]


def attack_doc(doc_id: str, sentence: str, date: tuple[str, str, str] | None, published: str,
               modality: str = "asserted") -> DocumentRecord:
    b = RecordBuilder(doc_id, [sentence], published=published, title=doc_id)
    front = b.entity("Kesh Liberation Front", "organization", country="KRS", sector="REB")
    army = b.entity("Karesian army", "organization", country="KRS", sector="MIL")
    velmar = b.entity("Velmar", "place", country="KRS")
    b.event("ASSAULT", "attacked", 0, source=[front], target=[army], date=date, place=velmar, modality=modality)
    return b.build()


def docs() -> list[DocumentRecord]:
    return [
        attack_doc("wire", "The Kesh Liberation Front attacked the Karesian army near Velmar on Sunday.",
                   ("Sunday", "2023-04-02", "2023-04-02"), "2023-04-03"),
        attack_doc("paper", "On 3 April the Kesh Liberation Front attacked the Karesian army in Velmar.",
                   ("3 April", "2023-04-03", "2023-04-03"), "2023-04-04", modality="reported"),
        attack_doc("later", "The Kesh Liberation Front attacked the Karesian army in Velmar on 20 April.",
                   ("20 April", "2023-04-20", "2023-04-20"), "2023-04-21"),
    ]


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    s = SQLiteStore(tmp_path / "d.db")
    for record in docs():
        s.add_record(record)
    return s


def test_store_lists_one_row_per_event_with_its_sources(store: SQLiteStore) -> None:
    rows = store.events(type="ASSAULT")
    assert [(r.doc_id, r.source_count) for r in rows] == [("wire", 2), ("later", 1)]
    first = rows[0]
    assert [(r.doc_id, r.modality) for r in first.reports] == [("wire", "asserted"), ("paper", "reported")]
    assert first.reports[1].evidence.startswith("On 3 April")
    assert first.cluster_id is not None and first.cluster_id != rows[1].cluster_id
    assert store.stats()["events"] == 3, "every report stays stored"
    store.close()


def test_filters_pick_the_matching_report(store: SQLiteStore) -> None:
    (row,) = store.events(modality="reported")
    assert (row.doc_id, row.source_count) == ("paper", 2)
    assert [r.doc_id for r in row.reports] == ["paper", "wire"], "the listed report comes first"
    assert len(store.events(actor="Kesh Liberation Front")) == 2
    assert len(store.actor("Karesian army").events_as_target) == 2
    store.close()


def test_older_store_gets_singleton_clusters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    with monkeypatch.context() as patch:  # a v1 store knows nothing of clusters
        patch.setattr(crossdoc, "after_insert", lambda conn, doc_id: None)
        # ... nor of the event days of v3
        patch.setattr(sqlite_write, "EVENT_COLUMNS", sqlite_write.EVENT_COLUMNS.rsplit(",", 2)[0])
        patch.setattr(sqlite_write, "stored_days", lambda *dates: ())
        with SQLiteStore(path, migrations=load_migrations()[:1]) as old:
            for record in docs()[:2]:
                old.add_record(record)
    with SQLiteStore(path) as store:
        rows = store.events()
        assert [(r.doc_id, r.source_count) for r in rows] == [("wire", 1), ("paper", 1)]
        store.add_record(docs()[2])
        assert len(store.events()) == 3
