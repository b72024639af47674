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


def test_possessive_titles(extract: Extract) -> None:
    record = extract(
        "Veskia Rising, the main opposition party, called a strike. Its leader, Mara Holm, spoke in the square. "
        "The Tessaly Front's political chief, Teo Varn, did not attend."
    )
    found = relations(record)
    assert ("leads", "Mara Holm", "Veskia Rising", "asserted") in found
    # a qualified chief leads a wing, not the whole: a member
    assert ("member_of", "Teo Varn", "Tessaly Front", "asserted") in found
    assert not any(t == "leads" and s == "Teo Varn" for t, s, _, _ in found)


def test_conjoined_appositive_and_modifier_owner(extract: Extract) -> None:
    record = extract(
        "General Oskar Brandt, a close ally of the president and the commander of the presidential guard, "
        "said the palace was safe. A UN envoy, Lise Amundsen, urged calm."
    )
    found = relations(record)
    assert ("leads", "Oskar Brandt", "presidential guard", "asserted") in found
    assert ("works_for", "Lise Amundsen", "United Nations", "asserted") in found


def test_army_spokesman_with_a_rank(extract: Extract) -> None:
    record = extract(
        "The Ostrelian army denied that the base had fallen. \"We hold every position,\" army spokesman "
        "Colonel Petr Kallas said. Ostrelia has fought the rebels since 2015."
    )
    found = relations(record)
    assert any(t == "spokesperson_of" and s == "Petr Kallas" and ("military" in o or "army" in o) for t, s, o, _ in found), found


def test_state_parts_only_when_switched_on() -> None:
    from sitroom.extract.pipeline import Pipeline, default_steps
    from sitroom.extract.relations import RelationStep
    from sitroom.records import Document

    text = "Mali's ruling military junta hired instructors. French forces left Mali in 2022."
    off = Pipeline().process_one(Document(id="t", text=text, language="en"))
    assert not [r for r in off.relations if r.type == "part_of"]
    steps = [RelationStep(state_parts=True) if s.name == "relations" else s for s in default_steps()]
    on = Pipeline(steps=steps).process_one(Document(id="t", text=text, language="en"))
    found = relations(on)
    assert ("part_of", "Mali junta", "Mali", "asserted") in found
    assert ("part_of", "France military", "France", "asserted") not in found  # France is not an entity


def test_based_in_operates_in_and_owns(extract: Extract) -> None:
    record = extract(
        "The Volkov Group, based in Russia, denied the report. The Drakon Group operates in Mali and Niger. "
        "Viktor Salnikov owns the Volkov Group. Nordhavn Mining, owned by Arkon Holdings, closed a mine."
    )
    found = relations(record)
    assert ("based_in", "Volkov Group", "Russia", "asserted") in found
    assert ("operates_in", "Drakon Group", "Mali", "asserted") in found
    assert ("operates_in", "Drakon Group", "Niger", "asserted") in found
    assert ("owns", "Viktor Salnikov", "Volkov Group", "asserted") in found
    assert ("owns", "Arkon Holdings", "Nordhavn Mining", "asserted") in found


def test_founder_of_a_company_in_apposition_leads_it(extract: Extract) -> None:
    record = extract("The Drakon Group, a private military company founded by the Ostrelian businessman "
                     "Ilya Marek, guards the mines. The clinic was founded in 1990.")
    names = {e.id: e.name for e in record.entities}
    ties = {(r.type, names[r.source], names[r.target]) for r in record.relations}
    assert ("leads", "Ilya Marek", "Drakon Group") in ties
    assert all(t[0] == "leads" for t in ties) and len(ties) == 1
