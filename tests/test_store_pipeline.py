"""Records from the real extraction pipeline go into the store and come back whole."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sitroom.records import DocumentRecord
from sitroom.store.base import MARK_END, MARK_START
from sitroom.store.sqlite import SQLiteStore

Extract = Callable[..., DocumentRecord]

INVENTED = (
    "The Volkov Group has sent about 400 contractors to the Republic of Karesia, officials said on Monday. "
    "General Anton Brask denied that Volkov fighters were guarding the mines near Velmar. "
    "France and Niger criticised the deployment, according to the Ostrava Herald."
)


def _check_stored_whole(store: SQLiteStore, record: DocumentRecord) -> None:
    doc = record.document
    assert store.add_record(record) is True
    assert store.get_record(doc.id) == record.to_json()
    stats = store.stats()
    known = {e.id for e in record.entities}
    assert stats["sentences"] == len(record.sentences)
    assert stats["entities"] == len(record.entities)
    assert stats["mentions"] == sum(len(e.mentions) for e in record.entities)
    assert stats["events"] == len(record.events) and stats["claims"] == len(record.claims)
    assert stats["relations"] == sum(r.source in known and r.target in known for r in record.relations)
    assert stats["quantities"] == len(record.quantities) and stats["dates"] == len(record.dates)
    assert store.add_record(record) is False


def test_invented_article_through_pipeline(extract: Extract, tmp_path: Path) -> None:
    record = extract(INVENTED, published="2022-03-07", title="Contractors in Karesia")
    with SQLiteStore(tmp_path / "p.db") as store:
        _check_stored_whole(store, record)
        (hit,) = store.search("mines")
        assert record.document.text[hit.start:hit.end].startswith("General Anton Brask denied")
        assert f"{MARK_START}mines{MARK_END}" in hit.snippet
        assert len(store.events()) == len(record.events)


def test_seed_article_through_pipeline(extract: Extract, seed_text: str, tmp_path: Path) -> None:
    record = extract(seed_text, published="2021-09-22")
    with SQLiteStore(tmp_path / "seed.db") as store:
        _check_stored_whole(store, record)
        hits = store.search("Wagner", limit=100)
        text = record.document.text
        with_wagner = [s.index for s in record.sentences if "wagner" in s.text.lower()]
        assert sorted(h.sentence for h in hits) == with_wagner and with_wagner
        assert all("wagner" in text[h.start:h.end].lower() for h in hits)
        wagner = store.actor("Wagner")
        assert wagner.actor.mention_count >= 3 and wagner.documents[0].id == record.document.id
        assert store.actor("Niger").actor.id != store.actor("Mali").actor.id
