"""Descriptions and name variants joined to the named actor (sitroom.resolve.coref_descriptions), and
the merges they must not make. Every sentence is written here, with invented names."""

from __future__ import annotations

from collections.abc import Callable

from resolve_helpers import owner, same
from sitroom.records import DocumentRecord

Extract = Callable[..., DocumentRecord]






def test_head_noun_joins_the_name_it_ends(extract: Extract) -> None:
    record = extract("Members of the Vell Workers' Union walked out on Monday. The union said the strike "
                     "would last a week.")
    assert same(record, "Vell Workers' Union", "The union")


def test_bare_gang_joins_the_named_gang(extract: Extract) -> None:
    record = extract("The Red Scorpion gang has taken over the port of Varn. The gang extorts fishermen there.")
    assert same(record, "Red Scorpion gang", "gang")


def test_force_joins_the_one_named_police_force(extract: Extract) -> None:
    record = extract("The Karesian National Police arrested twelve men. The force said the men belonged to "
                     "a smuggling ring.")
    assert same(record, "Karesian National Police", "The force")


def test_mission_with_modifiers_joins_the_named_mission(extract: Extract) -> None:
    record = extract("The United Nations Stabilisation Mission reported clashes near Vell. The mission said "
                     "two peacekeepers were hurt. The UN peacekeeping mission has 9,000 troops.")
    assert same(record, "United Nations Stabilisation Mission", "The mission")
    assert same(record, "United Nations Stabilisation Mission", "The UN peacekeeping mission")


def test_type_head_stays_alone_when_two_candidates_fit(extract: Extract) -> None:
    record = extract("The Kesh Dockers Guild and the Vell Textile Guild met on Monday. Later the Karesian "
                     "National Police and the Ostrelian Border Police met too. The force said nothing.")
    assert owner(record, "The force") is None  # two named police forces: no guess


def test_capital_description_joins_the_capital(extract: Extract) -> None:
    record = extract("Officials met in Addis Ababa on Monday. Talks in the Ethiopian capital lasted two days.")
    assert same(record, "Addis Ababa", "the Ethiopian capital")


def test_capital_of_another_country_is_not_the_city_named(extract: Extract) -> None:
    record = extract("Officials met in Addis Ababa on Monday. Talks in the Kenyan capital lasted two days.")
    addis = owner(record, "Addis Ababa")
    assert addis is not None and "the Kenyan capital" not in addis.aliases


def test_largest_city_joins_a_leading_city_of_that_country(extract: Extract) -> None:
    record = extract("Gunmen killed a trader in Guayaquil. Violence in Ecuador's largest city has tripled.")
    assert same(record, "Guayaquil", "Ecuador's largest city")


def test_capital_of_an_unlisted_state_is_the_town_named_in_its_paragraph(extract: Extract) -> None:
    record = extract("KESH, May 16, 2022 - Police in the Karesian capital arrested 43 people on Saturday. "
                     "The Republic of Karesia denied it.")
    assert same(record, "KESH", "the Karesian capital")


def test_title_joins_the_one_person_with_that_role(extract: Extract) -> None:
    record = extract("Mayor Jane Dorsk opened the market. Jane Dorsk said trade would recover. The mayor left "
                     "early.")
    assert same(record, "Jane Dorsk", "The mayor")
    assert "Mayor Jane Dorsk" in owner(record, "Jane Dorsk").aliases  # type: ignore[union-attr]


def test_title_held_by_two_people_is_not_guessed(extract: Extract) -> None:
    record = extract("Mayor Jane Dorsk met Mayor Piet Alvar in Vell. The mayor said the talks went well.")
    assert owner(record, "The mayor") is None


def test_quoted_nickname_joins_the_person(extract: Extract) -> None:
    record = extract('Police arrested Tomas Velko, known as "El Contador", in March. El Contador ran the '
                     "smugglers' books for a decade.")
    velko = owner(record, "Tomas Velko")
    assert velko is not None and velko.kind == "person"
    assert [m.text for m in velko.mentions].count("El Contador") == 2


def test_members_of_a_named_group_are_the_group(extract: Extract) -> None:
    record = extract("Islamic State Sahel fighters attacked a convoy near Menaka. Islamic State Sahel has "
                     "expanded in the region.")
    group = owner(record, "Islamic State Sahel")
    assert group is not None and group.name == "Islamic State Sahel"
    assert same(record, "Islamic State Sahel", "Islamic State Sahel fighters")
    assert owner(record, "Islamic State") is None  # no stray shorter entity


def test_possessive_member_form_is_an_alias(extract: Extract) -> None:
    record = extract("The Volkov Group arrived in May. The rebels ambushed a convoy escorted by Volkov's men.")
    group = owner(record, "The Volkov Group")
    assert group is not None and "Volkov's men" in group.aliases


def test_title_and_type_written_before_a_name_are_forms_of_it(extract: Extract) -> None:
    record = extract("Mines Minister Otto Varga signed a memorandum. Nigerian foreign minister Amina Yusufu "
                     "said the bloc would act. The opposition party Karesia Forward rejected it.")
    assert "Mines Minister Otto Varga" in owner(record, "Otto Varga").aliases  # type: ignore[union-attr]
    assert "Nigerian foreign minister Amina Yusufu" in owner(record, "Amina Yusufu").aliases  # type: ignore[union-attr]
    assert "opposition party Karesia Forward" in owner(record, "Karesia Forward").aliases  # type: ignore[union-attr]


def test_honorific_form_is_an_alias(extract: Extract) -> None:
    record = extract("The company's chairman, the British envoy Sir Martin Crewe, said the deal was fair.")
    assert "Sir Martin Crewe" in owner(record, "Martin Crewe").aliases  # type: ignore[union-attr]


def test_air_force_and_army_of_one_state_stay_apart(extract: Extract) -> None:
    record = extract("The Karesian air force bombed a depot on Monday. The Karesian army said it had retaken "
                     "the town. The army lost two soldiers.")
    assert not same(record, "The Karesian air force", "The Karesian army")
    air = owner(record, "The Karesian air force")
    assert air is not None and "The army" not in air.aliases


def test_head_with_its_own_owner_is_not_the_named_body(extract: Extract) -> None:
    record = extract("The Public Defender's Office filed an appeal in Vell. Lawyers said the attorney general's "
                     "office had ignored the evidence.")
    defender = owner(record, "Public Defender's Office")
    assert defender is not None and "the attorney general's office" not in defender.aliases
