"""Issue 3, third pass: the home state of unowned organs, companies named after a place-like word,
employers read through an apposition, past titles, and home countries tied to a role (invented text)."""

from __future__ import annotations

from collections.abc import Callable

from sitroom.records import DocumentRecord, Entity

Extract = Callable[..., DocumentRecord]


def holding(record: DocumentRecord, surface: str) -> Entity:
    found = {e.id: e for e in record.entities for m in e.mentions if m.text == surface}
    assert len(found) == 1, f"{surface!r}: {[e.name for e in found.values()]}"
    return next(iter(found.values()))


def named(record: DocumentRecord, name: str) -> Entity:
    found = [e for e in record.entities if e.name == name]
    assert len(found) == 1, f"{name!r}: {[e.name for e in record.entities]}"
    return found[0]


FOREIGN_PARTNER = (
    "Veskia's junta turns to Russia as old ties fade\n\n"
    "Two years after the coup, Veskia's rulers have one partner. A Russian businessman runs the mines. "
    "Officials signed a pact with Russia in May. Russia delivered six helicopters in June. "
    "The Veskian army and Russian troops held drills last week. Russian contractors are accused of abuses. "
    "The army denied the charge. Diplomats expect a reply. The junta said nothing."
)


def test_unowned_junta_goes_to_the_headline_state_not_the_foreign_partner(extract: Extract) -> None:
    record = extract(FOREIGN_PARTNER)
    junta = holding(record, "The junta")
    assert "Veskia" in junta.name and "Russia" not in junta.name


def test_unowned_army_is_not_the_foreign_troops(extract: Extract) -> None:
    record = extract(FOREIGN_PARTNER)
    army = holding(record, "The army")
    assert "Russian troops" not in {m.text for m in army.mentions}
    assert "Veskia" in army.name


COMPANY = (
    "Talvik Minerals, a London-listed mining company, said on Monday it had won a licence in Veskia, "
    "beating a rival bid from the Canadian firm Borel Mining. Shares in Talvik rose 5 percent. "
    "The company expects to hire 300 workers. Borel declined to comment."
)


def test_company_named_after_a_place_like_word_keeps_its_short_form(extract: Extract) -> None:
    record = extract(COMPANY)
    talvik = holding(record, "Talvik")
    assert (talvik.name, talvik.kind, talvik.sector) == ("Talvik Minerals", "organization", "BUS")
    assert holding(record, "Borel").name == "Borel Mining"


def test_the_company_joins_the_nearest_company_not_the_rival(extract: Extract) -> None:
    record = extract(COMPANY)
    assert holding(record, "The company").name == "Talvik Minerals"


def test_employer_named_beside_a_common_noun(extract: Extract) -> None:
    record = extract("Lena Osk, a mining analyst at the consultancy Norrow Risk, said the bid was weak.")
    firm = named(record, "Norrow Risk")
    assert (firm.kind, firm.sector) == ("organization", "BUS")
    osk = named(record, "Lena Osk")
    assert osk.sector == "BUS" and osk.affiliation == firm.id
    assert any(r.type == "works_for" and r.source == osk.id and r.target == firm.id for r in record.relations)


def test_past_title_yields_to_the_current_one(extract: Extract) -> None:
    record = extract("Borel Mining said its chairman would resign. "
                     "Borel's chairman, the former British trade envoy Sir Paul Renn, denied it.")
    renn = named(record, "Paul Renn")
    assert renn.role == "chairman" and renn.sector != "GOV"
    borel = holding(record, "Borel Mining")
    assert any(r.type == "leads" and r.source == renn.id and r.target == borel.id for r in record.relations)


def test_state_role_inherits_the_home_country_but_a_reporter_does_not(extract: Extract) -> None:
    record = extract(
        "France to shrink its Sahel mission\n\n"
        "France will cut its troops in the Sahel, the French government said. France's partners were told "
        "on Monday. Defence Minister Remy Castel said the soldiers would stay in Niger. "
        "Journalist Oskar Vell, who travelled with him, said the base was quiet.")
    assert named(record, "Remy Castel").country == "FRA"
    assert named(record, "Oskar Vell").country is None


def test_no_home_country_when_another_state_introduces_the_person(extract) -> None:
    text = ("Russian contractors have arrived in the north. Moscow says the Russian firm acts alone, and "
            "Russian officials deny any link.\n\nIn Velmaria the mercenaries guard the mines. President "
            "Oskar Tarn has never acknowledged them. The Republic of Velmaria is poor.")
    record = extract(text, published="2023-03-01")
    tarn = next(e for e in record.entities if "Tarn" in e.name)
    assert tarn.role == "president"
    assert tarn.country is None
