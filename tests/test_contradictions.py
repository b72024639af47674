"""Contradictions: the pure rule on hand-made items, the store (within and across documents), the seed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sitroom.errors import NotFound
from sitroom.records import DocumentRecord
from sitroom.resolve.contradictions import (
    ClaimFacts,
    EventFacts,
    ItemActor,
    RelationFacts,
    document_items,
    find_contradictions,
    split_sides,
    topics_from_words,
)
from sitroom.store import crossdoc
from sitroom.store.sqlite import SQLiteStore
from store_suite import RecordBuilder

KRS_MIL = ItemActor(1, "Karesian army", "organization", "KRS", "MIL", "e1")
VOLKOV = ItemActor(2, "Volkov Group", "organization", "KRS", "PMC", "e2")
VELMAR = ItemActor(3, "Velmar", "place", "ARD", None, "e3")
BRASK = ItemActor(4, "Anton Brask", "person", "KRS", "GOV", "e4")
KRS_BUS = ItemActor(5, "Karesoil", "organization", "KRS", "BUS", "e5")
UN = ItemActor(6, "United Nations", "organization", "UNO", "GOV", "e6")
UN_MISSION = ItemActor(7, "UN mission", "organization", "UNO", "MIL", "e7")
ARDENNE = ItemActor(8, "Ardenne", "country", "ARD", None, "e8")


def denial(text: str, about: tuple[ItemActor, ...], speaker: ItemActor | None = BRASK, doc: str = "d1",
           published: str | None = "2023-05-10") -> ClaimFacts:
    return ClaimFacts(doc, "c1", "deny", text, about, 0, 10, "evidence one.", published, speaker)


def event(type_: str, source: tuple[ItemActor, ...], target: tuple[ItemActor, ...], modality: str = "asserted",
          doc: str = "d2", published: str | None = "2023-05-12", date: tuple[str, str] | None = None,
          claim: str | None = None, id_: str = "v1") -> EventFacts:
    start, end = date or (None, None)
    return EventFacts(doc, id_, type_, modality, source, target, 0, 10, "evidence two.", published, start, end,
                      None, claim)


def pairs(deny_facts: list[ClaimFacts], events: list[EventFacts],
          relations: tuple[RelationFacts, ...] = ()) -> list[tuple[str, str]]:
    deny, _ = split_sides(document_items([], deny_facts, []))
    _, asserted = split_sides(document_items(events, [], list(relations)))
    return [(c.deny.id, c.asserted.id) for c in find_contradictions(deny, asserted)]


def test_topics_from_words() -> None:
    assert "presence" in topics_from_words("Volkov instructors are present in Velmar")
    assert "ties" in topics_from_words("any links to the Volkov Group")
    assert "funding" in topics_from_words("he financed the militia")
    assert topics_from_words("the weather in Velmar was mild") == frozenset()


def test_state_organ_stands_for_its_proxy() -> None:
    facts = [denial("Karesian troops are present in Velmar", (KRS_MIL, VELMAR))]
    assert pairs(facts, [event("MOBILIZE", (VOLKOV,), (VELMAR,))]) == [("c1", "v1")]


def test_business_person_and_international_codes_do_not_stand_for_a_state() -> None:
    facts = [denial("Karesian troops are present in Velmar", (KRS_MIL, VELMAR))]
    assert pairs(facts, [event("MOBILIZE", (KRS_BUS,), (VELMAR,))]) == []
    other_general = ItemActor(9, "Ivo Tamm", "person", "KRS", "MIL", "e9")
    assert pairs(facts, [event("MOBILIZE", (other_general,), (VELMAR,))]) == []
    un = [denial("UN forces are deployed in Velmar", (UN, VELMAR))]
    assert pairs(un, [event("MOBILIZE", (UN_MISSION,), (VELMAR,))]) == []


def test_the_denier_alone_never_makes_a_pair() -> None:
    facts = [denial("any ties to the Volkov Group", (VELMAR,), speaker=VOLKOV)]
    relation = RelationFacts("d2", "r1", "finances", "alleged", VOLKOV, ARDENNE, 0, 5, "x", "2023-05-12")
    assert pairs(facts, [], (relation,)) == []


def test_speaker_counts_for_ties_with_one_about_actor() -> None:
    facts = [denial("any attachments to the Volkov Group", (VOLKOV,), speaker=BRASK)]
    relation = RelationFacts("d2", "r1", "finances", "alleged", BRASK, VOLKOV, 0, 5, "x", "2010-01-01")
    assert pairs(facts, [], (relation,)) == [("c1", "r1")], "ties are stable: the dates do not matter"
    opposes = RelationFacts("d2", "r2", "opposes", "asserted", BRASK, VOLKOV, 0, 5, "x", "2023-05-12")
    assert pairs(facts, [], (opposes,)) == []


def test_topic_must_be_shared_and_a_topicless_claim_contradicts_nothing() -> None:
    facts = [denial("Karesian troops are present in Velmar", (KRS_MIL, VELMAR))]
    assert pairs(facts, [event("CONSULT", (VOLKOV,), (VELMAR,))]) == []
    vague = [denial("the report about Velmar", (KRS_MIL, VELMAR))]
    assert pairs(vague, [event("MOBILIZE", (VOLKOV,), (VELMAR,))]) == []


def test_time_windows() -> None:
    facts = [denial("Karesian troops are present in Velmar", (KRS_MIL, VELMAR))]
    old = event("AID", (KRS_MIL,), (VELMAR,), date=("2019", "2019"))
    assert pairs(facts, [old]) == [], "a 2019 delivery does not contradict a 2023 denial"
    later = event("AID", (KRS_MIL,), (VELMAR,), published="2023-08-30")
    assert pairs(facts, [later]) == [], "undated reports reach only a month around their publication"
    near = event("AID", (KRS_MIL,), (VELMAR,), published="2023-05-25")
    assert pairs(facts, [near]) == [("c1", "v1")]
    undated = [denial("Karesian troops are present in Velmar", (KRS_MIL, VELMAR), published=None)]
    assert pairs(undated, [event("AID", (KRS_MIL,), (VELMAR,), published=None)]) == []
    same_doc = event("AID", (KRS_MIL,), (VELMAR,), published=None, doc="d1", id_="v9")
    assert pairs(undated, [same_doc]) == [("c1", "v9")]


def test_modalities_and_the_events_inside_a_denial() -> None:
    facts = [denial("Karesian troops are present in Velmar", (KRS_MIL, VELMAR))]
    assert pairs(facts, [event("AID", (VOLKOV,), (VELMAR,), modality="planned")]) == [("c1", "v1")]
    assert pairs(facts, [event("AID", (VOLKOV,), (VELMAR,), modality="hypothetical")]) == []
    inside = event("AID", (VOLKOV,), (VELMAR,), doc="d1", claim="c1")
    items = document_items([inside], facts, [])
    assert find_contradictions(*split_sides(items)) == [], "what a denial holds is not a second source"


def test_denied_event_folds_into_its_claim() -> None:
    facts = [denial("that Karesia attacked Velmar", (), speaker=BRASK)]
    denied = event("ASSAULT", (KRS_MIL,), (VELMAR,), modality="denied", doc="d1", claim="c1")
    items = document_items([denied], facts, [])
    deny, asserted = split_sides(items)
    assert [(i.kind, "ASSAULT" in i.topics) for i in deny] == [("claim", True)] and asserted == []
    report = event("ASSAULT", (VOLKOV,), (VELMAR,))
    found = find_contradictions(deny, split_sides(document_items([report], [], []))[1])
    assert [c.topic for c in found] == ["ASSAULT"]
    assert "same state KRS" in found[0].reason


# --- through the store ---------------------------------------------------------------------------------


def denial_record() -> DocumentRecord:
    b = RecordBuilder("deny-doc", [
        "General Anton Brask denied that Karesian soldiers were present in Velmar.",
        "The Volkov Group is set to send 300 fighters to Velmar, the Ostrava Herald reported.",
    ], published="2023-05-10", title="Brask denies")
    brask = b.entity("Anton Brask", "person", ["General Anton Brask"], country="KRS", sector="MIL")
    army = b.entity("Karesian soldiers", "organization", country="KRS", sector="MIL")
    velmar = b.entity("Velmar", "place", country="ARD")
    volkov = b.entity("Volkov Group", "organization", country="KRS", sector="PMC")
    herald = b.entity("Ostrava Herald", "organization", country="OST", sector="JRN")
    b.claim("Karesian soldiers were present in Velmar", 0, speaker=brask, stance="deny", cue="denied",
            about=[army, velmar])
    claim = b.claim("The Volkov Group is set to send 300 fighters to Velmar", 1, speaker=herald, via=herald,
                    about=[volkov, velmar])
    b.event("AID", "send", 1, source=[volkov], target=[velmar], modality="planned")
    b.record.events[-1].claim = claim
    return b.build()


def later_report() -> DocumentRecord:
    b = RecordBuilder("report-doc", ["Volkov Group fighters deployed to Velmar on Tuesday."],
                      published="2023-05-20")
    volkov = b.entity("Volkov Group", "organization", country="KRS", sector="PMC")
    velmar = b.entity("Velmar", "place", country="ARD")
    b.event("MOBILIZE", "deployed", 0, source=[volkov], target=[velmar],
            date=("Tuesday", "2023-05-16", "2023-05-16"))
    return b.build()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "c.db") as s:
        yield s


def test_within_one_document(store: SQLiteStore) -> None:
    assert store.add_record(denial_record())
    (row,) = store.contradictions()
    assert (row.deny.kind, row.asserted.kind, row.topic) == ("claim", "event", "AID")
    assert row.deny.speaker is not None and row.deny.speaker.name == "Anton Brask"
    assert row.asserted.doc_id == row.deny.doc_id == "deny-doc"
    text = denial_record().document.text
    assert text[row.deny.evidence_start:row.deny.evidence_end] == row.deny.evidence
    assert row.asserted.evidence.startswith("The Volkov Group is set to send")
    assert row.deny.title == "Brask denies" and row.asserted.published == "2023-05-10"
    assert {a.name for a in row.actors} == {"Karesian soldiers", "Volkov Group", "Velmar"}


@pytest.mark.parametrize("order", [("deny", "report"), ("report", "deny")])
def test_across_documents_in_either_order(store: SQLiteStore, order: tuple[str, str]) -> None:
    records: dict[str, Callable[[], DocumentRecord]] = {"deny": denial_record, "report": later_report}
    for name in order:
        assert store.add_record(records[name]())
    rows = store.contradictions()
    assert {(r.deny.doc_id, r.asserted.doc_id, r.topic) for r in rows} == {
        ("deny-doc", "deny-doc", "AID"), ("deny-doc", "report-doc", "MOBILIZE")}


def test_actor_filter_and_paging(store: SQLiteStore) -> None:
    store.add_record(denial_record())
    store.add_record(later_report())
    assert len(store.contradictions(actor="Volkov Group")) == 2
    assert len(store.contradictions(actor="Karesian soldiers")) == 2
    assert store.contradictions(actor="Ostrava Herald") == []
    assert len(store.contradictions(limit=1, offset=1)) == 1
    with pytest.raises(NotFound):
        store.contradictions(actor="Nobody Atall")


def test_no_contradiction_without_a_denial(store: SQLiteStore) -> None:
    store.add_record(later_report())
    assert store.contradictions() == []


def test_seed_article_has_the_two_contradictions(seed_text: str, extract: Callable[..., DocumentRecord],
                                                 tmp_path: Path) -> None:
    record = extract(seed_text)
    record.document.id = "seed"
    with SQLiteStore(tmp_path / "seed.db") as store:
        store.add_record(record)
        rows = store.contradictions()
    found = {(r.deny.speaker.name if r.deny.speaker else None, r.asserted.kind, r.topic) for r in rows}
    peskov = [r for r in rows if r.deny.speaker and "Peskov" in r.deny.speaker.name and r.asserted.kind == "event"]
    assert peskov, found
    assert peskov[0].asserted.label.startswith("AID (planned) Wagner Group -> Mali")
    assert "same state RUS" in peskov[0].reason
    prigozhin = [r for r in rows if r.deny.speaker and "Prigozhin" in r.deny.speaker.name]
    assert [(r.asserted.kind, r.topic) for r in prigozhin] == [("relation", "finances")]
    assert "financed by Yevgeny Prigozhin" in prigozhin[0].asserted.evidence
    assert len(rows) <= 3, found


def brief_denial(doc_id: str, published: str, who: str) -> DocumentRecord:
    b = RecordBuilder(doc_id, [f"{who} denied that Karesian soldiers were present in Velmar."], published=published)
    speaker = b.entity(who, "person", country="KRS", sector="GOV")
    army = b.entity("Karesian soldiers", "organization", country="KRS", sector="MIL")
    velmar = b.entity("Velmar", "place", country="ARD")
    b.claim("Karesian soldiers were present in Velmar", 0, speaker=speaker, stance="deny", about=[army, velmar])
    return b.build()


def test_a_new_assertion_meets_the_latest_denials_up_to_the_cap(store: SQLiteStore,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crossdoc, "DENIAL_DOCS_CAP", 1)
    store.add_record(brief_denial("early-denial", "2023-05-08", "Minister Lena Orsk"))
    store.add_record(brief_denial("late-denial", "2023-05-12", "General Anton Brask"))
    store.add_record(brief_denial("old-denial", "2022-02-01", "Colonel Ivo Marek"))
    store.add_record(later_report())
    assert {(r.deny.doc_id, r.asserted.doc_id) for r in store.contradictions()} == {("late-denial", "report-doc")}
    monkeypatch.setattr(crossdoc, "DENIAL_DOCS_CAP", 50)
    b = RecordBuilder("report-two", ["Volkov Group fighters deployed to Velmar again."], published="2023-05-21")
    volkov = b.entity("Volkov Group", "organization", country="KRS", sector="PMC")
    velmar = b.entity("Velmar", "place", country="ARD")
    b.event("MOBILIZE", "deployed", 0, source=[volkov], target=[velmar])
    store.add_record(b.build())
    pairs = {(r.deny.doc_id, r.asserted.doc_id) for r in store.contradictions()}
    assert {d for d, a in pairs if a == "report-two"} == {"early-denial", "late-denial"}, "2022 is out of reach"


def test_a_claim_of_absence_sides_with_the_denial_not_against_it() -> None:
    denying = [denial("Karesian troops are present in Velmar", (KRS_MIL, VELMAR))]
    absence = ClaimFacts("d2", "c2", "assert", "There are no Karesian troops in Velmar", (KRS_MIL, VELMAR),
                         0, 10, "evidence two.", "2023-05-12", UN)
    presence = ClaimFacts("d3", "c3", "assert", "Karesian troops are present in Velmar", (KRS_MIL, VELMAR),
                          0, 10, "evidence three.", "2023-05-12", UN)
    deny, _ = split_sides(document_items([], denying, []))
    _, asserted = split_sides(document_items([], [absence, presence], []))
    assert [c.asserted.id for c in find_contradictions(deny, asserted)] == ["c3"]
    absent_side, _ = split_sides(document_items([], [absence], []))
    _, deployment = split_sides(document_items([event("MOBILIZE", (VOLKOV,), (VELMAR,))], [], []))
    assert [(c.deny.id, c.asserted.id) for c in find_contradictions(absent_side, deployment)] == [("c2", "v1")]


def test_a_hedged_claim_asserts_nothing_a_denial_contradicts() -> None:
    denying = [denial("Karesian troops are present in Velmar", (KRS_MIL, VELMAR))]
    hedged = ClaimFacts("d2", "c2", "assert", "Karesian troops could be present in Velmar soon",
                        (KRS_MIL, VELMAR), 0, 10, "evidence two.", "2023-05-12", UN)
    deny, _ = split_sides(document_items([], denying, []))
    _, asserted = split_sides(document_items([], [hedged], []))
    assert asserted == [] and find_contradictions(deny, asserted) == []
