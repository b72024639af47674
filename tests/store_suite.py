"""The behaviour every store backend must have, as a test class bound to a backend by subclassing.

A backend's test module defines ``class TestX(StoreSuite)`` with two things:

* a ``store_factory`` fixture: ``store_factory(name="main")`` opens (creating if needed) the store
  called ``name``; calling it twice with one name gives two connections to the same store;
* ``interrupt_midway(monkeypatch, action)``: make the next ``add_record`` call ``action()`` after
  part of the document is written (inside its transaction), then carry on.

Records are built by hand with :class:`RecordBuilder` (no spaCy); every sentence is invented.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from sitroom.errors import NotFound
from sitroom.ids import content_hash
from sitroom.records import (
    Claim,
    DateRef,
    Document,
    DocumentRecord,
    Entity,
    Event,
    Mention,
    Quantity,
    Relation,
    Sentence,
    Span,
)
from sitroom.store.base import MARK_END, MARK_START, Store

StoreFactory = Callable[..., Store]


class RecordBuilder:
    """Builds a :class:`DocumentRecord` from sentences, naming things by the words that mention them."""

    def __init__(self, doc_id: str, sentences: list[str], published: str | None = None,
                 title: str | None = None) -> None:
        self.text = " ".join(sentences)
        self.sentences: list[Sentence] = []
        pos = 0
        for i, s in enumerate(sentences):
            self.sentences.append(Sentence(i, pos, pos + len(s), s))
            pos += len(s) + 1
        self.record = DocumentRecord(
            document=Document(id=doc_id, text=self.text, title=title, published=published, language="en",
                              content_hash=content_hash(self.text)),
            sentences=self.sentences, model="hand-built",
        )

    def span(self, words: str, sentence: int | None = None) -> Span:
        """The first occurrence of ``words`` (inside sentence ``sentence`` when given)."""
        lo = self.sentences[sentence].start if sentence is not None else 0
        start = self.text.index(words, lo)
        return Span(start, start + len(words), words)

    def evidence(self, sentence: int) -> Span:
        s = self.sentences[sentence]
        return Span(s.start, s.end, s.text)

    def entity(self, name: str, kind: str, forms: list[str] | None = None, country: str | None = None,
               sector: str | None = None, role: str | None = None) -> str:
        """Add an entity mentioned by every occurrence of each form (default: its name); returns its id."""
        ent = Entity(id=f"e{len(self.record.entities) + 1}", name=name, kind=kind, country=country,
                     sector=sector, role=role, code=f"{country or ''}{sector or ''}" or None)
        taken: list[tuple[int, int]] = []
        for form in forms or [name]:
            # whole words only, and never inside a longer form already taken ("Republic of Karesia")
            for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", self.text):
                if any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                taken.append(match.span())
                ent.mentions.append(Mention(match.start(), match.end(), form, kind, entity=ent.id))
            if form != name:
                ent.aliases.append(form)
        assert ent.mentions, f"{forms or name} not in the text"
        self.record.entities.append(ent)
        return ent.id

    def event(self, type_: str, trigger: str, sentence: int, source: Sequence[str] = (),
              target: Sequence[str] = (), modality: str = "asserted",
              date: tuple[str, str, str] | None = None, place: str | None = None) -> str:
        ref = None
        if date:
            words, start, end = date
            ref = self._date(words, start, end)
        ev = Event(id=f"v{len(self.record.events) + 1}", type=type_, evidence=self.evidence(sentence),
                   trigger=self.span(trigger, sentence), modality=modality, source=list(source),
                   target=list(target), date=ref, place=place)
        self.record.events.append(ev)
        return ev.id

    def claim(self, content: str, sentence: int, speaker: str | None, stance: str = "assert",
              kind: str = "reported", via: str | None = None, about: Sequence[str] = (),
              cue: str | None = None) -> str:
        c = Claim(id=f"c{len(self.record.claims) + 1}", speaker=speaker, via=via, stance=stance, kind=kind,
                  cue=cue, content=self.span(content, sentence), evidence=self.evidence(sentence),
                  about=list(about))
        self.record.claims.append(c)
        return c.id

    def relation(self, type_: str, source: str, target: str, sentence: int) -> None:
        self.record.relations.append(Relation(id=f"r{len(self.record.relations) + 1}", type=type_,
                                              source=source, target=target, evidence=self.evidence(sentence)))

    def quantity(self, words: str, value: float, sentence: int, unit: str | None = None,
                 about: str | None = None) -> None:
        self.record.quantities.append(Quantity(
            id=f"q{len(self.record.quantities) + 1}", text=words, value=value, evidence=self.evidence(sentence),
            span=self.span(words, sentence), unit=unit, about=about, approximate=True))

    def _date(self, words: str, start: str, end: str) -> DateRef:
        ref = DateRef(text=words, start=start, end=end, granularity="day" if len(start) == 10 else "month",
                      evidence=self.span(words))
        self.record.dates.append(ref)
        return ref

    def build(self) -> DocumentRecord:
        return self.record


def record_a() -> DocumentRecord:
    """Karesia courts the Volkov Group; a general denies foreign troops; Niger and Nigeria object."""
    b = RecordBuilder("doc-a", [
        "The Republic of Karesia is poised to sign a deal with Wagner, according to the Ostrava Herald.",
        "About 900 Wagner fighters would train the Karesian army in Velmar.",
        "General Anton Brask denied that foreign troops were in Karesia.",
        "Niger and Nigeria both condemned the plan on 21 September 2021.",
    ], published="2021-09-22", title="Karesia nears deal with Wagner")
    karesia = b.entity("Karesia", "country", ["Republic of Karesia", "Karesia"], country="KRS", sector="GOV")
    wagner = b.entity("Wagner", "organization", ["Wagner"], country="RUS", sector="PMC")
    herald = b.entity("Ostrava Herald", "organization", country="OST", sector="JRN")
    army = b.entity("Karesian army", "organization", country="KRS", sector="MIL")
    velmar = b.entity("Velmar", "place", country="KRS")
    brask = b.entity("Anton Brask", "person", ["General Anton Brask"], country="KRS", sector="MIL",
                     role="general")
    niger = b.entity("Niger", "country", country="NER")
    nigeria = b.entity("Nigeria", "country", country="NGA")
    b.event("AGREE", "poised to sign", 0, source=[karesia], target=[wagner], modality="planned")
    b.event("COOPERATE", "train", 1, source=[wagner], target=[army], modality="hypothetical", place=velmar)
    b.event("ACCUSE", "condemned", 3, source=[niger, nigeria], target=[karesia],
            date=("21 September 2021", "2021-09-21", "2021-09-21"))
    b.claim("foreign troops were in Karesia", 2, speaker=brask, stance="deny", cue="denied", about=[karesia])
    b.claim("The Republic of Karesia is poised to sign a deal with Wagner", 0, speaker=herald, via=herald,
            about=[karesia, wagner])
    b.relation("member_of", brask, army, 2)
    b.quantity("About 900", 900, 1, unit="fighters", about=wagner)
    return b.build()


def record_b() -> DocumentRecord:
    """The Wagner Group arrives; the junta invites it; Ardenne suspends cooperation."""
    b = RecordBuilder("doc-b", [
        "The Wagner Group's contractors arrived in Velmar on 3 October 2021.",
        "A junta spokesman said Karesia had invited the Wagner group's instructors.",
        "Ardenne suspended military cooperation with Karesia.",
    ], published="2021-10-05", title="Contractors land in Velmar")
    wagner = b.entity("Wagner Group", "organization", ["Wagner Group", "Wagner group"], country="RUS",
                      sector="PMC")
    velmar = b.entity("Velmar", "place", country="KRS")
    karesia = b.entity("Karesia", "country", country="KRS", sector="GOV")
    ardenne = b.entity("Ardenne", "country", country="ARD", sector="GOV")
    spokesman = b.entity("junta spokesman", "person", country="KRS", sector="GOV", role="spokesperson")
    b.event("MOBILIZE", "arrived", 0, source=[wagner], target=[], place=velmar,
            date=("3 October 2021", "2021-10-03", "2021-10-03"))
    b.event("SANCTION", "suspended", 2, source=[ardenne], target=[karesia])
    b.claim("Karesia had invited the Wagner group's instructors", 1, speaker=spokesman, cue="said",
            about=[karesia, wagner])
    b.relation("spokesperson_of", spokesman, karesia, 1)
    return b.build()


def _names(refs: list[Any]) -> set[str]:
    return {r.name for r in refs}


class StoreSuite:
    """Backend-independent behaviour; subclasses supply ``store_factory`` and ``interrupt_midway``."""

    def interrupt_midway(self, monkeypatch: pytest.MonkeyPatch, action: Callable[[], None]) -> None:
        raise NotImplementedError

    @pytest.fixture
    def store(self, store_factory: StoreFactory) -> Store:
        return store_factory()

    @pytest.fixture
    def filled(self, store: Store) -> Store:
        assert store.add_record(record_a())
        assert store.add_record(record_b())
        return store

    def test_is_a_store(self, store: Store) -> None:
        assert isinstance(store, Store)

    def test_add_twice_stores_once(self, store: Store) -> None:
        assert store.add_record(record_a()) is True
        assert store.add_record(record_a()) is False
        copy = record_a()
        copy.document.id = "other-id-same-text"
        assert store.add_record(copy) is False, "same content hash must count as stored"
        assert store.stats()["documents"] == 1
        assert store.has_document("doc-a") and not store.has_document("other-id-same-text")

    def test_stored_json_is_the_record(self, filled: Store) -> None:
        assert filled.get_record("doc-a") == record_a().to_json()
        with pytest.raises(NotFound, match="nope"):
            filled.get_record("nope")

    def test_failed_add_leaves_nothing(self, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
        assert store.add_record(record_a())
        before = store.stats()

        def boom() -> None:
            raise RuntimeError("disk on fire")

        self.interrupt_midway(monkeypatch, boom)
        with pytest.raises(RuntimeError, match="disk on fire"):
            store.add_record(record_b())
        assert store.stats() == before
        assert not store.has_document("doc-b")
        assert store.search("contractors") == []
        with pytest.raises(NotFound):
            store.actor("Ardenne")
        assert store.actor("Wagner").actor.doc_count == 1
        monkeypatch.undo()
        assert store.add_record(record_b()) is True

    def test_search_finds_sentences_with_marks(self, filled: Store) -> None:
        hits = filled.search("contractors Velmar")
        assert [h.doc_id for h in hits] == ["doc-b"]
        hit = hits[0]
        assert hit.title == "Contractors land in Velmar" and hit.sentence == 0
        assert record_b().document.text[hit.start:hit.end].startswith("The Wagner Group's contractors")
        assert f"{MARK_START}contractors{MARK_END}" in hit.snippet

    def test_search_phrase_prefix_and_paging(self, filled: Store) -> None:
        assert {h.doc_id for h in filled.search("Wagner")} == {"doc-a", "doc-b"}
        assert [h.doc_id for h in filled.search('"military cooperation"')] == ["doc-b"]
        assert filled.search('"cooperation military"') == []
        assert {h.doc_id for h in filled.search("Karesi*")} == {"doc-a", "doc-b"}
        everything = filled.search("Karesia", limit=50)
        assert len(everything) >= 4
        assert filled.search("Karesia", limit=2, offset=1) == everything[1:3]

    @pytest.mark.parametrize("hostile", [
        'Wagner "', "AND OR", "NOT", 'NEAR(Wagner', "*", '"', "-Wagner", "text:Wagner", "^Wagner",
        "))((", "", "   ", "Wagner AND", "'; DROP TABLE documents; --", "Wagner's", "{a b}: c", "a + b",
    ])
    def test_search_hostile_queries_do_not_raise(self, filled: Store, hostile: str) -> None:
        hits = filled.search(hostile)
        assert isinstance(hits, list)
        assert filled.stats()["documents"] == 2

    def test_search_ranks_only_the_newest_matches(self, filled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
        from sitroom.store import sqlite_read
        every = filled.search("Karesia", limit=50)
        monkeypatch.setattr(sqlite_read, "RANK_CAP", 2)
        capped = filled.search("Karesia", limit=1)
        assert len(every) > 2 and len(capped) == 1
        newest = sorted(every, key=lambda h: (h.doc_id, h.sentence))[-2:]  # doc-b was stored last
        assert (capped[0].doc_id, capped[0].sentence) in {(h.doc_id, h.sentence) for h in newest}
        assert len(filled.search("Karesia", limit=len(every))) == len(every)  # a page past the cap still fills

    def test_search_treats_operators_as_words(self, filled: Store) -> None:
        assert filled.search("AND OR") == []
        assert {h.doc_id for h in filled.search('Wagner "')} == {"doc-a", "doc-b"}

    def test_one_actor_across_documents(self, filled: Store) -> None:
        profile = filled.actor("the Wagner Group")
        assert profile.actor.doc_count == 2
        assert profile.actor.mention_count == 4
        assert {"Wagner", "Wagner Group", "Wagner group"} <= {a for a, _ in profile.aliases}
        assert profile.actor.first_seen == "2021-09-22" and profile.actor.last_seen == "2021-10-05"
        assert profile.actor.code == "RUSPMC"
        assert [d.id for d in profile.documents] == ["doc-a", "doc-b"]
        assert filled.actor("PMC Wagner").actor.id == profile.actor.id
        assert filled.actor("wagner GROUP").actor.id == profile.actor.id
        assert filled.actor(profile.actor.id).actor.name == profile.actor.name

    def test_niger_and_nigeria_stay_apart(self, filled: Store) -> None:
        niger, nigeria = filled.actor("Niger"), filled.actor("Nigeria")
        assert niger.actor.id != nigeria.actor.id
        assert (niger.actor.country, nigeria.actor.country) == ("NER", "NGA")

    def test_unknown_actor_suggests_close_names(self, filled: Store) -> None:
        with pytest.raises(NotFound, match="did you mean: .*Karesia"):
            filled.actor("Karesai")
        with pytest.raises(NotFound, match="did you mean: Wagner"):
            filled.actor("Wagnr")
        with pytest.raises(NotFound, match="Qwertyuiop"):
            filled.actor("Qwertyuiop")

    def test_actor_listing_and_filters(self, filled: Store) -> None:
        everyone = filled.actors()
        counts = [a.mention_count for a in everyone]
        assert counts == sorted(counts, reverse=True)
        assert everyone[0].name in {"Karesia", "Wagner Group"}
        assert {a.name for a in filled.actors(kind="country")} == {"Karesia", "Niger", "Nigeria", "Ardenne"}
        assert {a.name for a in filled.actors(country="krs", sector="MIL")} == {"Karesian army", "Anton Brask"}
        assert len(filled.actors(top=3)) == 3
        assert filled.actors(top=2, offset=1) == everyone[1:3]

    def test_actor_profile_lists(self, filled: Store) -> None:
        wagner = filled.actor("Wagner")
        assert {(e.doc_id, e.type) for e in wagner.events_as_source} == {("doc-a", "COOPERATE"),
                                                                        ("doc-b", "MOBILIZE")}
        assert [e.type for e in wagner.events_as_target] == ["AGREE"]
        assert {c.doc_id for c in wagner.claims_about} == {"doc-a", "doc-b"}
        assert wagner.claims_by == []
        brask = filled.actor("General Anton Brask")
        assert [c.stance for c in brask.claims_by] == ["deny"]
        assert [(r.type, r.target.name) for r in brask.relations] == [("member_of", "Karesian army")]
        assert ("country", 2) in filled.actor("Karesia").kinds

    def test_event_filters(self, filled: Store) -> None:
        assert len(filled.events()) == 5
        assert [e.type for e in filled.events(type="sanction")] == ["SANCTION"]
        assert {e.type for e in filled.events(actor="Karesia")} == {"AGREE", "ACCUSE", "SANCTION"}
        assert {e.type for e in filled.events(place="Velmar")} == {"COOPERATE", "MOBILIZE"}
        assert [e.type for e in filled.events(modality="planned")] == ["AGREE"]
        assert {e.type for e in filled.events(since="2021-10")} == {"MOBILIZE", "SANCTION"}
        assert {e.type for e in filled.events(until="2021-09-21")} == {"ACCUSE"}
        assert {e.type for e in filled.events(since="2021-09-22", until="2021-09")} == {"AGREE", "COOPERATE"}
        assert filled.events(type="ASSAULT") == []
        with pytest.raises(NotFound):
            filled.events(actor="Nobody Atall")

    def test_event_rows_resolve_actors(self, filled: Store) -> None:
        (accuse,) = filled.events(type="ACCUSE")
        assert _names(accuse.source) == {"Niger", "Nigeria"} and _names(accuse.target) == {"Karesia"}
        assert (accuse.date_start, accuse.date_text) == ("2021-09-21", "21 September 2021")
        assert accuse.evidence.startswith("Niger and Nigeria")
        (mobilize,) = filled.events(type="MOBILIZE")
        assert mobilize.place is not None and mobilize.place.name == "Velmar"
        assert filled.events(type="AGREE")[0].modality == "planned"
        page = filled.events(limit=2, offset=1)
        assert page == filled.events()[1:3]

    def test_claim_filters(self, filled: Store) -> None:
        assert len(filled.claims()) == 3
        assert [c.cue for c in filled.claims(stance="deny")] == ["denied"]
        assert [c.speaker.name for c in filled.claims(speaker="Anton Brask") if c.speaker] == ["Anton Brask"]
        assert [c.doc_id for c in filled.claims(via="Ostrava Herald")] == ["doc-a"]
        assert {c.doc_id for c in filled.claims(about="Wagner Group")} == {"doc-a", "doc-b"}
        assert filled.claims(kind="direct") == []
        assert len(filled.claims(kind="reported", about="Karesia")) == 3
        (deny,) = filled.claims(stance="deny")
        assert deny.text == "foreign troops were in Karesia" and _names(deny.about) == {"Karesia"}

    def test_stats(self, filled: Store) -> None:
        assert filled.stats() == {
            "documents": 2, "sentences": 7, "actors": 10, "entities": 13, "mentions": 17, "events": 5,
            "claims": 3, "relations": 2, "quantities": 1, "dates": 2,
        }

    def test_export_import_round_trip(self, filled: Store, store_factory: StoreFactory) -> None:
        exported = list(filled.iter_records())
        assert [r["document"]["id"] for r in exported] == ["doc-a", "doc-b"]
        copy = store_factory("copy")
        assert all(copy.import_record(r) for r in exported)
        assert copy.stats() == filled.stats()
        assert list(copy.iter_records()) == exported
        hashes = {content_hash(r["document"]["text"]) for r in copy.iter_records()}
        assert hashes == {record_a().document.content_hash, record_b().document.content_hash}
        assert copy.actor("Wagner").actor.doc_count == 2
        assert copy.import_record(exported[0]) is False

    def test_reader_sees_old_state_during_write(self, store_factory: StoreFactory,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
        writer = store_factory()
        assert writer.add_record(record_a())
        reader = store_factory()
        seen: list[tuple[int, bool]] = []
        self.interrupt_midway(
            monkeypatch, lambda: seen.append((reader.stats()["documents"], reader.has_document("doc-b"))))
        assert writer.add_record(record_b())
        assert seen == [(1, False)], "the reader must see the last committed state, without error"
        assert reader.stats()["documents"] == 2
        reader.close()


# --- the cross-document layer (contradictions, event clusters, corrections) on every backend ----------


def brask_denial() -> DocumentRecord:
    b = RecordBuilder("cx-deny", ["General Anton Brask denied that Karesian soldiers were stationed in Velmar."],
                      published="2023-05-10", title="Brask denies")
    brask = b.entity("Anton Brask", "person", ["General Anton Brask"], country="KRS", sector="MIL")
    army = b.entity("Karesian soldiers", "organization", country="KRS", sector="MIL")
    velmar = b.entity("Velmar", "place", country="ARD")
    b.claim("Karesian soldiers were stationed in Velmar", 0, speaker=brask, stance="deny", cue="denied",
            about=[army, velmar])
    return b.build()


def volkov_deployment(doc_id: str, published: str, day: str) -> DocumentRecord:
    b = RecordBuilder(doc_id, ["Volkov Group fighters deployed to Velmar on Tuesday.", f"Report {doc_id}."],
                      published=published)
    volkov = b.entity("Volkov Group", "organization", country="KRS", sector="PMC")
    velmar = b.entity("Velmar", "place", country="ARD")
    b.event("MOBILIZE", "deployed", 0, source=[volkov], target=[velmar], date=("Tuesday", day, day))
    return b.build()


def treasury_funding() -> DocumentRecord:
    b = RecordBuilder("cx-tie", ["The Karesian treasury quietly finances the Volkov Group."], published="2019-03-01")
    treasury = b.entity("Karesian treasury", "organization", country="KRS", sector="GOV")
    volkov = b.entity("Volkov Group", "organization", country="KRS", sector="PMC")
    b.relation("finances", treasury, volkov, 0)
    return b.build()


def orsk_denies_ties() -> DocumentRecord:
    b = RecordBuilder("cx-ties-denied", ["Minister Lena Orsk denied any links between Karesia and the Volkov Group."],
                      published="2023-06-01")
    orsk = b.entity("Lena Orsk", "person", ["Minister Lena Orsk"], country="KRS", sector="GOV")
    karesia = b.entity("Karesia", "country", country="KRS", sector="GOV")
    volkov = b.entity("Volkov Group", "organization", country="KRS", sector="PMC")
    b.claim("any links between Karesia and the Volkov Group", 0, speaker=orsk, stance="deny", cue="denied",
            about=[karesia, volkov])
    return b.build()


def front_attack(doc_id: str, published: str, name: str = "Kesh Liberation Front") -> DocumentRecord:
    """An undated attack: dated by its publication (event_dedup)."""
    b = RecordBuilder(doc_id, [f"The {name} attacked the Karesian army near Velmar.", f"Report {doc_id}."],
                      published=published)
    front = b.entity(name, "organization", country="KRS", sector="REB")
    army = b.entity("Karesian army", "organization", country="KRS", sector="MIL")
    velmar = b.entity("Velmar", "place", country="KRS")
    b.event("ASSAULT", "attacked", 0, source=[front], target=[army], place=velmar)
    return b.build()


def crossdoc_records() -> list[DocumentRecord]:
    return [volkov_deployment("cx-report", "2023-05-20", "2023-05-16"), brask_denial(),
            volkov_deployment("cx-old", "2022-01-10", "2022-01-04"), treasury_funding(), orsk_denies_ties(),
            front_attack("cx-wire", "2023-04-02"), front_attack("cx-paper", "2023-04-03"),
            front_attack("cx-later", "2023-04-20")]


def _pairs(store: Store) -> set[tuple[str, str, str]]:
    return {(r.deny.doc_id, r.asserted.doc_id, r.topic) for r in store.contradictions(limit=1000)}


EXPECTED_PAIRS = {("cx-deny", "cx-report", "MOBILIZE"), ("cx-ties-denied", "cx-tie", "finances")}


class CrossDocSuite:
    """Contradictions, event clusters and actor corrections, the same on every backend."""

    def test_contradictions_across_documents_and_time(self, store: Store) -> None:
        for record in crossdoc_records():
            assert store.add_record(record)
        # the 2022 deployment is months from the denial; the 2019 funding is a stable tie, so it counts
        assert _pairs(store) == EXPECTED_PAIRS
        (tie,) = store.contradictions(actor="Karesian treasury")
        assert tie.deny.speaker is not None and tie.deny.speaker.name == "Lena Orsk"
        assert "same state KRS" in tie.reason
        with pytest.raises(NotFound):
            store.contradictions(actor="Nobody Atall")

    def test_denial_first_finds_later_reports(self, store: Store) -> None:
        for record in reversed(crossdoc_records()):
            store.add_record(record)
        assert _pairs(store) == EXPECTED_PAIRS

    def test_reports_of_one_attack_share_a_cluster(self, store: Store) -> None:
        for record in crossdoc_records():
            store.add_record(record)
        rows = store.events(type="ASSAULT")
        assert [(r.doc_id, r.source_count) for r in rows] == [("cx-wire", 2), ("cx-later", 1)]
        assert [r.doc_id for r in rows[0].reports] == ["cx-wire", "cx-paper"]

    def test_bulk_import_runs_the_crossdoc_pass(self, store: Store, store_factory: StoreFactory) -> None:
        for record in crossdoc_records():
            store.add_record(record)
        exported = list(store.iter_records())
        bulk = store_factory("bulk")
        load = getattr(bulk, "import_records", None)  # what sitroom.batch.load calls when a store has it
        if callable(load):
            assert load(exported) == len(exported)
        else:
            assert all(bulk.import_record(r) for r in exported)
        assert _pairs(bulk) == EXPECTED_PAIRS
        assert [(r.doc_id, r.source_count) for r in bulk.events(type="ASSAULT")] == [("cx-wire", 2), ("cx-later", 1)]

    def test_corrections_merge_split_rename_set_code(self, store: Store) -> None:
        store.add_record(front_attack("cx-a", "2023-04-02"))
        store.add_record(front_attack("cx-b", "2023-04-03", name="Kesh Freedom Front"))
        assert len(store.events(type="ASSAULT")) == 2, "two actors: two events"
        assert store.override_actor("merge", "Kesh Liberation Front", "Kesh Freedom Front") == 1
        assert store.override_actor("merge", "Kesh Liberation Front", "Kesh Freedom Front") == 0
        merged = store.actor("Kesh Freedom Front").actor
        assert merged.name == "Kesh Liberation Front" and merged.doc_count == 2
        assert store.override_actor("rename", "Kesh Liberation Front", "KLF") == 1
        assert store.override_actor("set-code", "KLF", "KRSREB") in (0, 1)
        assert store.actor("KLF").actor.code == "KRSREB"
        assert store.override_actor("split", "KLF", "Kesh Freedom Front") == 2
        assert store.actor("Kesh Freedom Front").actor.doc_count == 1
