"""Relation patterns on sentences written for these tests (invented actors)."""

from __future__ import annotations

from collections.abc import Callable

from sitroom.records import DocumentRecord

Extract = Callable[..., DocumentRecord]


def relations(record: DocumentRecord) -> set[tuple[str, str, str, str]]:
    """(type, source name, target name, modality) for every relation."""
    name = {e.id: e.name for e in record.entities}
    return {(r.type, name[r.source], name[r.target], r.modality) for r in record.relations}


def test_ally_and_roles(extract: Extract) -> None:
    record = extract("General Anton Brask, a close ally of President Ilya Dorn, visited the front.")
    assert ("ally_of", "Anton Brask", "Ilya Dorn", "asserted") in relations(record)


def test_spokesperson_and_leader(extract: Extract) -> None:
    record = extract(
        "A spokesman for the Kremlin, Pavel Ostrov, said nothing. "
        "Marta Kell, the leader of the Northern Liberation Front, rejected the offer."
    )
    found = relations(record)
    assert ("spokesperson_of", "Pavel Ostrov", "Kremlin", "asserted") in found
    assert ("leads", "Marta Kell", "Northern Liberation Front", "asserted") in found


def test_expert_works_for(extract: Extract) -> None:
    record = extract("Hanna Lind, an expert at Karesia University, said the talks had failed.")
    assert ("works_for", "Hanna Lind", "Karesia University", "asserted") in relations(record)


def test_alleged_financing(extract: Extract) -> None:
    record = extract(
        "The Volkov Group, a private military company, arrived in May. "
        "The group is allegedly financed by Oleg Marchenko, a businessman."
    )
    assert ("finances", "Oleg Marchenko", "Volkov Group", "alleged") in relations(record)


def test_former_name_and_membership(extract: Extract) -> None:
    record = extract(
        "The Islamic State in Karesia, formerly the Islamic State in Dornland, attacked a convoy. "
        "Talks were hosted by the Alliance for the Lakes which includes Burundi, Rwanda and Uganda."
    )
    found = relations(record)
    assert ("formerly", "Islamic State in Karesia", "Islamic State in Dornland", "asserted") in found
    members = {s for t, s, o, _ in found if t == "member_of" and o == "Alliance for the Lakes"}
    assert members == {"Burundi", "Rwanda", "Uganda"}


def test_competition(extract: Extract) -> None:
    record = extract("Zolotek Mining competes directly with Marova Resources for licences in the north.")
    assert ("competes_with", "Zolotek Mining", "Marova Resources", "asserted") in relations(record)


def test_no_relation_without_pattern(extract: Extract) -> None:
    record = extract("Anton Brask met Ilya Dorn in the capital on Monday.")
    assert record.relations == []


def test_evidence_is_the_sentence(extract: Extract) -> None:
    text = "It rained. General Anton Brask, a close ally of President Ilya Dorn, visited the front."
    record = extract(text)
    (relation,) = record.relations
    assert relation.evidence.text == text[11:]
    assert text[relation.evidence.start:relation.evidence.end] == relation.evidence.text
