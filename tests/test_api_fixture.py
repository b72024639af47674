"""The fixture store of the web, API and export tests: four hand-made records, no spaCy.

Every sentence is invented. One document is hostile: its title, text and an entity name carry
``<script>`` and ``onerror=`` markup that every page must show as text. Other test modules import
:func:`build_store` and the expected counts from here; the tests below check the fixture itself.
"""

from __future__ import annotations

import re
from pathlib import Path

from sitroom.ids import content_hash
from sitroom.records import (
    Casualties,
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
from sitroom.store.sqlite import SQLiteStore

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
EXPECTED_MARKERS = 6
"""Events with a geocoded place (Velmar x2, Vell x2, Kesh) or a country place (Mali: its centre)."""
VOLKOV_NEIGHBOURS = {"Republic of Karesia", "Anton Brask", "Karesian army", "Protesters", "Velmar"}


class Builder:
    """A record from sentences; entities are found by their surface forms (whole words)."""

    def __init__(self, doc_id: str, sentences: list[str], published: str, title: str) -> None:
        self.text = " ".join(sentences)
        self.sentences = []
        pos = 0
        for i, s in enumerate(sentences):
            self.sentences.append(Sentence(i, pos, pos + len(s), s))
            pos += len(s) + 1
        self.record = DocumentRecord(
            document=Document(id=doc_id, text=self.text, title=title, published=published, language="en",
                              source="Fixture Wire", url=f"https://example.org/{doc_id}",
                              content_hash=content_hash(self.text)),
            sentences=self.sentences, model="hand-built")

    def ev(self, i: int) -> Span:
        s = self.sentences[i]
        return Span(s.start, s.end, s.text)

    def span(self, words: str) -> Span:
        start = self.text.index(words)
        return Span(start, start + len(words), words)

    def entity(self, name: str, kind: str, forms: list[str] | None = None, country: str | None = None,
               sector: str | None = None, geo: tuple[float, float] | None = None, role: str | None = None) -> str:
        ent = Entity(id=f"e{len(self.record.entities) + 1}", name=name, kind=kind, country=country, sector=sector,
                     code=f"{country or ''}{sector or ''}" or None, role=role,
                     geo={"lat": geo[0], "lon": geo[1], "country": country, "feature": "city",
                          "geonameid": None} if geo else None)
        for form in forms or [name]:
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", self.text):
                ent.mentions.append(Mention(m.start(), m.end(), form, kind, entity=ent.id))
        self.record.entities.append(ent)
        return ent.id

    def date(self, words: str, iso: str) -> DateRef:
        ref = DateRef(words, iso, iso, "day", self.span(words))
        self.record.dates.append(ref)
        return ref

    def event(self, type_: str, sentence: int, source: list[str], target: list[str], trigger: str,
              **fields: object) -> None:
        eid = f"v{len(self.record.events) + 1}"
        self.record.events.append(Event(id=eid, type=type_, evidence=self.ev(sentence), trigger=self.span(trigger),
                                        source=source, target=target, **fields))  # type: ignore[arg-type]

    def claim(self, sentence: int, speaker: str | None, stance: str, content: str, about: list[str],
              kind: str = "reported", cue: str = "said") -> None:
        cid = f"c{len(self.record.claims) + 1}"
        self.record.claims.append(Claim(id=cid, speaker=speaker, via=speaker, stance=stance, kind=kind, cue=cue,
                                        content=self.span(content), evidence=self.ev(sentence), about=about))


def deal_record() -> DocumentRecord:
    b = Builder("karesia-deal", [
        "The Republic of Karesia signed a security contract with the Volkov Group on Monday.",
        "General Anton Brask met Volkov Group commanders in Velmar to plan the deployment.",
        "About 400 Volkov Group fighters arrived in Velmar last week, according to the Dumeni Monitor.",
        "Karesian officials denied that Volkov Group fighters are deployed in Velmar.",
    ], "2023-03-10", "Karesia signs a deal with the Volkov Group")
    karesia = b.entity("Republic of Karesia", "country", country="KRS")
    volkov = b.entity("Volkov Group", "organization", country="RUS", sector="PMC")
    brask = b.entity("Anton Brask", "person", country="KRS", sector="MIL", role="general")
    velmar = b.entity("Velmar", "place", country="KRS", geo=(12.6, 8.1))
    monitor = b.entity("Dumeni Monitor", "organization", sector="JRN")
    officials = b.entity("Karesian officials", "group", country="KRS", sector="GOV")
    monday = b.date("on Monday", "2023-03-06")
    b.event("AGREE", 0, [karesia], [volkov], "signed", date=monday, confidence=0.8)
    b.event("CONSULT", 1, [brask], [volkov], "met", place=velmar, mode="visit")
    b.event("MOBILIZE", 2, [volkov], [karesia], "arrived", place=velmar, modality="reported", mode="troops")
    b.claim(3, officials, "deny", "Volkov Group fighters are deployed in Velmar", [volkov, velmar], cue="denied")
    b.record.relations.append(Relation("r1", "operates_in", volkov, velmar, b.ev(2)))
    b.record.quantities.append(Quantity("q1", "About 400", 400, b.ev(2), b.span("About 400"), approximate=True,
                                        unit="fighters", about=volkov))
    del monitor
    return b.record


def attack_record() -> DocumentRecord:
    b = Builder("vell-attack", [
        "Volkov Group fighters attacked a convoy of the Karesian army near Vell on Saturday, killing 12 soldiers.",
        "The Dumeni Monitor said Volkov Group fighters are deployed in Velmar and Vell.",
        "France sent medical aid to Mali.",
    ], "2023-04-02", "Convoy attacked near Vell")
    volkov = b.entity("Volkov Group", "organization", country="RUS", sector="PMC")
    army = b.entity("Karesian army", "organization", country="KRS", sector="MIL")
    vell = b.entity("Vell", "place", country="KRS", geo=(13.1, 9.0))
    monitor = b.entity("Dumeni Monitor", "organization", sector="JRN")
    france = b.entity("France", "country", country="FRA")
    mali = b.entity("Mali", "country", country="MLI")
    b.entity("Velmar", "place", country="KRS", geo=(12.6, 8.1))
    saturday = b.date("on Saturday", "2023-04-01")
    b.event("ASSAULT", 0, [volkov], [army], "attacked", place=vell, date=saturday,
            casualties=Casualties(killed=12), mode="firearms")
    b.event("AID", 2, [france], [mali], "sent", place=mali)
    b.claim(1, monitor, "assert", "Volkov Group fighters are deployed in Velmar and Vell", [volkov, vell])
    return b.record


def hostile_record() -> DocumentRecord:
    b = Builder("hostile", [
        f"Protesters in Kesh wrote {SCRIPT} on a banner.",
        f"A second banner read {IMG} near the Volkov Group office.",
    ], "2023-05-01", f"{SCRIPT} Hostile title")
    crowd = b.entity("Protesters", "group", sector="CVL")
    kesh = b.entity("Kesh", "place", country="KRS", geo=(11.0, 7.5))
    volkov = b.entity("Volkov Group", "organization", country="RUS", sector="PMC")
    b.entity(IMG, "organization")
    b.event("PROTEST", 0, [crowd], [volkov], "wrote", place=kesh, mode="demo")
    return b.record


def denial_record() -> DocumentRecord:
    b = Builder("volkov-denial", [
        "The Volkov Group denied that it attacked a convoy near Vell.",
    ], "2023-04-10", "Volkov Group denies the Vell attack")
    volkov = b.entity("Volkov Group", "organization", country="RUS", sector="PMC")
    vell = b.entity("Vell", "place", country="KRS", geo=(13.1, 9.0))
    b.event("ASSAULT", 0, [volkov], [], "attacked", place=vell, modality="denied")
    return b.record


def fixture_records() -> list[DocumentRecord]:
    return [deal_record(), attack_record(), hostile_record(), denial_record()]


def build_store(path: Path) -> Path:
    """Write the fixture records into a new SQLite store at ``path``."""
    with SQLiteStore(path) as store:
        for record in fixture_records():
            assert store.add_record(record)
    return path


# --- the fixture itself --------------------------------------------------------------------------


def test_every_span_is_a_slice_of_its_text() -> None:
    for record in fixture_records():
        text = record.document.text
        spans = [v.evidence for v in record.events] + [v.trigger for v in record.events]
        spans += [c.evidence for c in record.claims] + [c.content for c in record.claims]
        spans += [m.span() for e in record.entities for m in e.mentions]
        spans += [d.evidence for d in record.dates] + [q.span for q in record.quantities]
        for span in spans:
            assert text[span.start:span.end] == span.text


def test_every_entity_is_mentioned_and_every_reference_exists() -> None:
    for record in fixture_records():
        ids = {e.id for e in record.entities}
        assert all(e.mentions for e in record.entities), record.document.id
        refs = [x for v in record.events for x in v.source + v.target + ([v.place] if v.place else [])]
        refs += [x for c in record.claims for x in c.about + [c.speaker]]
        assert set(refs) <= ids


def test_the_store_holds_the_fixture(tmp_path: Path) -> None:
    with SQLiteStore(build_store(tmp_path / "f.db"), readonly=True) as store:
        stats = store.stats()
        assert (stats["documents"], stats["events"], stats["claims"]) == (4, 7, 2)
        assert store.actor("Volkov Group").actor.doc_count == 4
