"""Within-document resolution on sentences written for these tests (invented actors)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitroom.records import DocumentRecord, Entity
from sitroom.resolve.aliases import acronym_matches, contained_name, same_person, strip_titles

Extract = Callable[..., DocumentRecord]


def by_name(record: DocumentRecord, name: str) -> Entity:
    found = [e for e in record.entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in record.entities]}"
    assert len(found) == 1, f"{name!r} split into {len(found)} entities"
    return found[0]


def holding(record: DocumentRecord, surface: str) -> Entity:
    """The entity one of whose mentions is ``surface`` (with or without a leading "the")."""
    bare = surface.removeprefix("the ").removeprefix("The ")
    for entity in record.entities:
        if any(m.text in (surface, bare) for m in entity.mentions):
            return entity
    raise AssertionError(f"no entity has a mention {surface!r}")


@pytest.mark.parametrize(("text", "stripped"), [
    ("Russian President Vladimir Putin", "Vladimir Putin"),
    ("General Anton Brask", "Anton Brask"),
    ("Mr. Dorn", "Dorn"),
    ("Prime Minister Lena Varga", "Lena Varga"),
])
def test_strip_titles(text: str, stripped: str) -> None:
    assert strip_titles(text) == stripped


def test_name_comparisons() -> None:
    assert same_person("Yevgeny Prigozhin", "Prigozhin")
    assert same_person("Dimitry Peskov", "Dmitry Peskov")
    assert not same_person("Anton Brask", "Lena Brask")
    assert acronym_matches("IRA", "the Internet Research Agency")
    assert acronym_matches("NLF", "Northern Liberation Front")
    assert not acronym_matches("NLF", "National Salvation Front")
    assert contained_name("Volkov", "the Volkov Group")
    assert not contained_name("Group", "the Volkov Group")


def test_private_military_company_with_later_references(extract: Extract) -> None:
    record = extract(
        "The Volkov Group, a private military company, arrived in the capital last week. "
        "The group has been accused of abuses. Volkov denies the charges."
    )
    volkov = by_name(record, "Volkov Group")
    assert volkov.kind == "organization"
    assert volkov.sector == "PMC"
    texts = {m.text for m in volkov.mentions}
    assert {"The group", "Volkov"} <= texts
    assert "The group" in volkov.aliases


def test_persons_with_titles_and_surnames(extract: Extract) -> None:
    record = extract(
        "General Anton Brask, a close ally of President Ilya Dorn, flew to the border on Monday. "
        "Brask later met Dorn in the palace."
    )
    brask = by_name(record, "Anton Brask")
    dorn = by_name(record, "Ilya Dorn")
    assert (brask.kind, brask.role, brask.sector) == ("person", "general", "MIL")
    assert (dorn.role, dorn.sector) == ("president", "GOV")
    assert "Brask" in brask.aliases and "Dorn" in dorn.aliases


def test_demonym_title_gives_country_code(extract: Extract) -> None:
    record = extract("Russian President Lev Orlov met French President Marc Dubois in Paris. Orlov smiled.")
    orlov = by_name(record, "Lev Orlov")
    assert (orlov.code, orlov.role) == ("RUSGOV", "president")
    assert by_name(record, "Marc Dubois").code == "FRAGOV"


def test_inline_acronym(extract: Extract) -> None:
    record = extract(
        "Fighters of the Northern Liberation Front (NLF) seized two villages. "
        "A week later the NLF withdrew."
    )
    front = holding(record, "the Northern Liberation Front")
    assert [m.text for m in front.mentions].count("NLF") == 2
    assert front.name == "Northern Liberation Front"


def test_invented_state_and_its_junta(extract: Extract) -> None:
    record = extract(
        "Troops loyal to the Republic of Karesia crossed the river. "
        "The Karesian junta said the operation would continue."
    )
    junta = holding(record, "The Karesian junta")
    assert junta.kind == "organization" and junta.sector == "GOV"
    assert "Karesia" in junta.name
    country = holding(record, "the Republic of Karesia")
    assert country.kind == "country" and country.id != junta.id


def test_organs_are_separate_from_their_country(extract: Extract) -> None:
    record = extract(
        "France said on Tuesday that French forces would stay. The Kremlin denied that Russian "
        "military representatives were present, and Mali's ruling military junta declined to comment. "
        "The Malian authorities later confirmed the talks."
    )
    france = holding(record, "France")
    forces = holding(record, "French forces")
    assert (france.kind, france.code) == ("country", "FRA")
    assert (forces.kind, forces.code) == ("organization", "FRAMIL") and forces.id != france.id
    assert holding(record, "Kremlin").code == "RUSGOV"
    assert holding(record, "Russian military representatives").code == "RUSMIL"
    junta = holding(record, "Mali's ruling military junta")
    assert junta.code == "MLIGOV"
    assert holding(record, "The Malian authorities").id == junta.id


def test_spokesperson_affiliation(extract: Extract) -> None:
    record = extract("A spokesman for the Kremlin, Pavel Ostrov, denied the report on Friday.")
    ostrov = by_name(record, "Pavel Ostrov")
    kremlin = holding(record, "Kremlin")
    assert ostrov.role == "spokesperson"
    assert ostrov.affiliation == kremlin.id
    assert ostrov.code == "RUSGOV"


def test_descriptions_type_companies(extract: Extract) -> None:
    record = extract(
        "Russian gold company Zolotek plans to expand. It competes with Marova Mining, a French "
        "multinational group based in Lyon."
    )
    assert holding(record, "Zolotek").code == "RUSBUS"
    marova = holding(record, "Marova Mining")
    assert (marova.kind, marova.code) == ("organization", "FRABUS")


def test_description_without_compatible_antecedent_is_dropped(extract: Extract) -> None:
    record = extract("President Ilya Dorn spoke in the capital. The company was not mentioned.")
    assert all("company" not in m.text for e in record.entities for m in e.mentions)


def test_mentions_point_to_their_entities_and_spans_match(extract: Extract) -> None:
    text = "The Volkov Group, a private military company, arrived. The group left. Volkov denies it."
    record = extract(text)
    for entity in record.entities:
        for m in entity.mentions:
            assert m.entity == entity.id
            assert text[m.start:m.end] == m.text
        assert entity.name not in entity.aliases
