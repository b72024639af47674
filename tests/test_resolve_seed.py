"""Issue 3 expectations on the seed article (skipped when ../shared is not beside the checkout)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitroom.records import DocumentRecord, Entity

Extract = Callable[..., DocumentRecord]


@pytest.fixture(scope="module")
def seed(extract: Extract, seed_text: str) -> DocumentRecord:
    return extract(seed_text)


def named(record: DocumentRecord, name: str) -> Entity:
    found = [e for e in record.entities if e.name == name]
    assert len(found) == 1, f"{name!r}: {[e.name for e in record.entities]}"
    return found[0]


def holding(record: DocumentRecord, surface: str) -> Entity:
    """The entity one of whose mentions ends with ``surface`` (the mention step may keep "the")."""
    found = {e.id: e for e in record.entities for m in e.mentions if m.text.endswith(surface)}
    assert len(found) == 1, f"{surface!r}: {[e.name for e in found.values()]}"
    return next(iter(found.values()))


def test_one_wagner_entity_with_pmc_aliases(seed: DocumentRecord) -> None:
    wagner = named(seed, "Wagner Group")
    assert {"the Russian PMC", "PMC"} <= set(wagner.aliases)
    assert (wagner.kind, wagner.code) == ("organization", "RUSPMC")
    assert not [e for e in seed.entities if e.id != wagner.id and "wagner" in e.name.lower()]


def test_prigozhin_and_ira(seed: DocumentRecord) -> None:
    assert named(seed, "Yevgeny Prigozhin").kind == "person"
    ira = named(seed, "Internet Research Agency")
    assert "IRA" in ira.aliases


@pytest.mark.parametrize(("name", "role", "code"), [
    ("Vladimir Putin", "president", "RUSGOV"),
    ("Dimitry Peskov", "spokesperson", "RUSGOV"),
    ("Emmanuel Macron", "president", "FRAGOV"),
    ("Ibrahim Boubacar Keïta", "president", None),
    ("Kimberly Joy Marten", "expert", None),
    ("Choguel Maiga", "prime minister", "MLIGOV"),
    ("Umar Mariko", "leader", "MLIOPP"),
])
def test_persons_with_roles(seed: DocumentRecord, name: str, role: str, code: str | None) -> None:
    person = named(seed, name)
    assert (person.kind, person.role) == ("person", role)
    if code is not None:
        assert person.code == code


def test_affiliations(seed: DocumentRecord) -> None:
    assert seed.entity(named(seed, "Dimitry Peskov").affiliation) is named(seed, "Kremlin")
    assert seed.entity(named(seed, "Kimberly Joy Marten").affiliation) is named(seed, "Columbia University")


@pytest.mark.parametrize(("name", "code"), [("Rosatom", "RUSBUS"), ("Areva S. A.", "FRABUS"),
                                            ("Nordgold", "RUSBUS")])
def test_companies(seed: DocumentRecord, name: str, code: str) -> None:
    company = named(seed, name)
    assert (company.kind, company.code) == ("organization", code)


def test_state_organs(seed: DocumentRecord) -> None:
    junta = named(seed, "Mali junta")
    assert junta.code == "MLIGOV"
    assert named(seed, "Mali").kind == "country"
    assert named(seed, "France military").code == "FRAMIL"


def test_former_name_relation(seed: DocumentRecord) -> None:
    current = holding(seed, "Islamic State in Greater Sahara")
    former = holding(seed, "Islamic State in Mali")
    assert current.id != former.id
    assert any(r.type == "formerly" and (r.source, r.target) == (current.id, former.id) for r in seed.relations)


def test_seed_relations(seed: DocumentRecord) -> None:
    ids = {e.name: e.id for e in seed.entities}
    found = {(r.type, r.source, r.target, r.modality) for r in seed.relations}
    assert ("finances", ids["Yevgeny Prigozhin"], ids["Wagner Group"], "alleged") in found
    assert ("ally_of", ids["Yevgeny Prigozhin"], ids["Vladimir Putin"], "asserted") in found
    assert ("spokesperson_of", ids["Dimitry Peskov"], ids["Kremlin"], "asserted") in found
    assert ("competes_with", ids["Rosatom"], ids["Areva S. A."], "asserted") in found
    assert ("leads", ids["Umar Mariko"], ids["Mali opposition"], "asserted") in found
    members = {s for t, s, o, _ in found if t == "member_of" and o == ids["Coalition for the Sahel"]}
    assert {ids["Chad"], ids["Mali"], ids["Burkina Faso"]} <= members
