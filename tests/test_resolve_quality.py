"""Second-pass resolution rules (issue 3 "Measure"): each on sentences written here, with invented names."""

from __future__ import annotations

from collections.abc import Callable

from sitroom.records import DocumentRecord, Entity

Extract = Callable[..., DocumentRecord]


def having(record: DocumentRecord, surface: str) -> Entity:
    """The one entity with a mention (or alias) ``surface``, with or without a leading "the"."""
    bare = surface.removeprefix("the ").removeprefix("The ")
    found = {e.id: e for e in record.entities
             if any(t in (surface, bare, f"the {bare}", f"The {bare}") for t in
                    [*(m.text for m in e.mentions), *e.aliases, e.name])}
    assert len(found) == 1, f"{surface!r}: {[(e.name, e.aliases) for e in record.entities]}"
    return next(iter(found.values()))


def test_unlisted_state_is_a_country_when_its_demonym_appears(extract: Extract) -> None:
    record = extract("Ostrelia closed its border on Monday. The Ostrelian army said smugglers had crossed "
                     "from the south. Traders in Ostrelia complained.")
    ostrelia = having(record, "Ostrelia")
    assert ostrelia.kind == "country"
    assert [e.name for e in record.entities].count("Ostrelia") == 1


def test_unlisted_state_is_a_country_when_it_has_a_foreign_ministry(extract: Extract) -> None:
    record = extract("Valdoria's foreign ministry protested against the sanctions. Valdoria will appeal.")
    assert having(record, "Valdoria").kind == "country"


def test_dateline_and_town_of_teach_places(extract: Extract) -> None:
    record = extract("TARVO, May 2, 2023 - Gunmen attacked a checkpoint near the northern town of Bexa "
                     "on Sunday, officials said. Later in Tarvo, the army deployed more troops.")
    assert having(record, "Bexa").kind == "place"
    tarvo = having(record, "Tarvo")
    assert tarvo.kind == "place"
    assert {m.text for m in tarvo.mentions} == {"TARVO", "Tarvo"}


def test_known_city_dateline_in_capitals(extract: Extract) -> None:
    record = extract("NAIROBI, June 1, 2023 - The Tessaly Front said it would join the talks.")
    nairobi = having(record, "NAIROBI")
    assert (nairobi.kind, nairobi.country) == ("place", "KEN")


def test_name_ending_in_group_is_never_a_person(extract: Extract) -> None:
    record = extract("Protesters demanded the exit of the Drakon Group's fighters. Drakon Group did not "
                     "respond to questions on Tuesday.")
    assert having(record, "Drakon Group").kind == "organization"


def test_officials_are_people_not_the_government(extract: Extract) -> None:
    record = extract("The Republic of Veskia is close to a deal. Two Veskian officials said the Veskian "
                     "government had approved it. The officials spoke on condition of anonymity.")
    officials = having(record, "Veskian officials")
    government = having(record, "Veskian government")
    assert officials.id != government.id
    assert (officials.kind, officials.sector) == ("group", "GOV")
    assert "The officials" in officials.aliases


def test_definite_collectives_join_the_crowd(extract: Extract) -> None:
    record = extract("Hundreds of protesters marched on the palace on Saturday. The demonstrators chanted "
                     "slogans, and witnesses said police fired tear gas into the crowd.")
    crowd = having(record, "protesters")
    assert {"demonstrators", "crowd"} <= {m.text.removeprefix("the ").removeprefix("The ") for m in crowd.mentions}


def test_the_rebels_are_the_named_armed_group(extract: Extract) -> None:
    record = extract("Fighters from the Eastern Salvation Front attacked an army base on Monday. "
                     "The rebels burned the market and abducted two teachers.")
    front = having(record, "Eastern Salvation Front")
    assert front.sector == "REB"
    assert any(m.text.endswith("rebels") for m in front.mentions)


def test_far_description_joins_the_only_compatible_actor(extract: Extract) -> None:
    record = extract(
        "The Borin Group, a private military company with links to Russia, arrived last month. "
        "Officials said the contract was worth $10 million. The talks are secret. "
        "The president denied the report on Tuesday. Diplomats met in the capital. "
        "Ostrava warned that hiring the Russian-linked PMC would be a mistake.")
    borin = having(record, "Borin Group")
    assert "the Russian-linked PMC" in borin.aliases


def test_unowned_junta_is_the_home_states(extract: Extract) -> None:
    record = extract("The Republic of Veskia was suspended on Monday. Veskian traders fear the sanctions. "
                     "France said Veskia must hold elections. Critics in Paris accused the junta of delays.")
    junta = having(record, "the junta")
    assert junta.kind == "organization" and junta.sector == "GOV"
    assert "Veskia" in junta.name and junta.country is None


def test_unowned_guard_stands_alone_without_a_leading_space(extract: Extract) -> None:
    record = extract("Witnesses said the presidential guard fired on the crowd.")
    guard = having(record, "presidential guard")
    assert (guard.kind, guard.sector) == ("organization", "MIL")
    assert all(e.name == e.name.strip() for e in record.entities)


def test_titled_form_is_an_alias_and_person_without_country_has_no_code(extract: Extract) -> None:
    record = extract("General Anton Brask inspected the troops on Friday. Brask said the border was calm.")
    brask = having(record, "Anton Brask")
    assert "General Anton Brask" in brask.aliases
    assert "Brask" in {m.text for m in brask.mentions}
    assert (brask.sector, brask.country, brask.code) == ("MIL", None, None)


def test_byline_author_is_a_person(extract: Extract) -> None:
    record = extract("Sanctions will not work. I think talks are better.\n\nLina Morrow",
                     author="Lina Morrow")
    assert [e.kind for e in record.entities if e.name == "Lina Morrow"] == ["person"]


def test_according_to_the_outlet_is_no_antecedent(extract: Extract) -> None:
    record = extract("The Tessaly Front's political chief, Teo Varn, did not attend. According to the "
                     "Veskia Herald, he rejected claims that the movement had split.")
    front = having(record, "Tessaly Front")
    assert "the movement" in front.aliases
    assert having(record, "Veskia Herald").kind == "organization"


def test_locatives_overrule_a_person_label_only_without_a_matching_person(extract: Extract) -> None:
    record = extract("Drones flew over Tarsk without permission. Envoys will travel to Tarsk next week. "
                     "Minister Hana Lind met reporters, and a journalist spoke to Lind.")
    assert having(record, "Tarsk").kind == "place"
    assert having(record, "Hana Lind").kind == "person"


def test_state_from_envoy_and_newspaper_is_media(extract: Extract) -> None:
    record = extract("The council met on Brevia on Monday. Brevia's envoy, Mira Sand, rejected the text. "
                     "The documents were first published by the Brevia Herald.")
    assert having(record, "Brevia").kind == "country"
    assert having(record, "Brevia Herald").sector == "JRN"


def test_capital_in_apposition_is_a_place(extract: Extract) -> None:
    record = extract("Convoys carry the gold to the capital, Varnholm, every week. The company ships it to "
                     "Varnholm by road.")
    assert having(record, "Varnholm").kind == "place"
