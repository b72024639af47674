"""Relation patterns added for recall: titles before names, verbs of leading, rivalries, alliances,
branches, presence and seats. Every sentence is written for these tests, with invented actors."""

from __future__ import annotations

from collections.abc import Callable

from sitroom.records import DocumentRecord

Extract = Callable[..., DocumentRecord]


def ties(record: DocumentRecord) -> set[tuple[str, str, str]]:
    """(type, source name, target name) for every relation."""
    name = {e.id: e.name for e in record.entities}
    return {(r.type, name[r.source], name[r.target]) for r in record.relations}


def test_title_before_name_takes_the_longest_organisation(extract: Extract) -> None:
    record = extract("Karesia Forward leader Marta Kelen said the vote had been rigged.")
    found = ties(record)
    assert ("leads", "Marta Kelen", "Karesia Forward") in found
    assert not any(s == "Marta Kelen" and o == "Karesia" for _, s, o in found), found


def test_possessive_title_and_qualified_title_before_name(extract: Extract) -> None:
    record = extract("The Volkov Group's commander Anton Brask left Vell. "
                     "Northern Liberation Front deputy leader Salif Arou stayed behind.")
    found = ties(record)
    assert ("leads", "Anton Brask", "Volkov Group") in found
    assert ("member_of", "Salif Arou", "Northern Liberation Front") in found
    assert not any(t == "leads" and s == "Salif Arou" for t, s, _ in found)


def test_envoy_works_for_the_organisation_not_the_region(extract: Extract) -> None:
    record = extract("The AU envoy for the Great Lakes, Marta Kell, arrived in Kesh on Monday.")
    found = ties(record)
    assert ("works_for", "Marta Kell", "African Union") in found
    assert not any(o == "Great Lakes" for _, _, o in found), found


def test_former_posts_are_not_standing_ties(extract: Extract) -> None:
    record = extract("Jorge Perez, the former owner of the airline Karesia Air, surrendered on Monday. "
                     "Former Volkov Group commander Anton Brask was seen in Vell.")
    assert record.relations == []


def test_copular_title(extract: Extract) -> None:
    record = extract("Teodora Lind is a researcher at the Sahel Policy Institute in Dakar.")
    found = ties(record)
    assert ("works_for", "Teodora Lind", "Sahel Policy Institute") in found
    assert ("based_in", "Sahel Policy Institute", "Dakar") in found


def test_who_heads_and_led_by(extract: Extract) -> None:
    record = extract("Viktor Salnikov, who heads the Volkov Group, was arrested. "
                     "The Northern Liberation Front, led by Salif Arou, rejected the deal.")
    found = ties(record)
    assert ("leads", "Viktor Salnikov", "Volkov Group") in found
    assert ("leads", "Salif Arou", "Northern Liberation Front") in found


def test_council_of_a_president(extract: Extract) -> None:
    record = extract("The National Recovery Council (NRC) of President Ilya Dorn has rebuilt the army.")
    assert ("leads", "Ilya Dorn", "National Recovery Council") in ties(record)


def test_accused_of_financing_the_group(extract: Extract) -> None:
    record = extract("The Volkov Group arrived in May. Its founder, the businessman Viktor Salnikov, who is "
                     "accused of financing the group through mining firms, denied it.")
    name = {e.id: e.name for e in record.entities}
    found = {(r.type, name[r.source], name[r.target], r.modality) for r in record.relations}
    assert ("finances", "Viktor Salnikov", "Volkov Group", "alleged") in found
    assert ("leads", "Viktor Salnikov", "Volkov Group", "asserted") in found


def test_the_movements_chief_is_the_movements(extract: Extract) -> None:
    record = extract("The Northern Liberation Front rejected the offer. \"We will not disarm,\" said Salif Arou, "
                     "the movement's political chief.")
    assert ("member_of", "Salif Arou", "Northern Liberation Front") in ties(record)


def test_rivals_compete(extract: Extract) -> None:
    record = extract("The rivalry between the Volkov Group and Los Halcones has killed dozens. "
                     "Los Halcones and its rival the Drakon Cartel fought for the port.")
    found = ties(record)
    pairs = {frozenset((s, o)) for t, s, o in found if t == "competes_with"}
    assert frozenset(("Volkov Group", "Los Halcones")) in pairs
    assert frozenset(("Los Halcones", "Drakon Cartel")) in pairs
    assert not any(t == "opposes" for t, _, _ in found)


def test_allied_with(extract: Extract) -> None:
    record = extract("The Volkov Group is allied with the Northern Liberation Front.")
    assert ("ally_of", "Volkov Group", "Northern Liberation Front") in ties(record)


def test_faction_of_is_part_of(extract: Extract) -> None:
    record = extract("The Sahel Brigade is a faction of the Northern Liberation Front.")
    assert ("part_of", "Sahel Brigade", "Northern Liberation Front") in ties(record)


def test_presence_of_non_state_groups(extract: Extract) -> None:
    record = extract("The Volkov Group, which operates gold mines in Karesia, denied it. "
                     "The Northern Liberation Front has a presence in Niger.")
    found = ties(record)
    assert ("operates_in", "Volkov Group", "Karesia") in found
    assert ("operates_in", "Northern Liberation Front", "Niger") in found


def test_a_network_that_included_is_not_the_name_before_it(extract: Extract) -> None:
    record = extract("Tomas Vell, a former Drakon Cartel member and the operator of a criminal network that "
                     "included Los Halcones and Anton Brask, was captured.")
    assert not any(t == "member_of" and o == "Drakon Cartel" for t, _, o in ties(record))


def test_a_newspaper_in_a_city_is_based_there(extract: Extract) -> None:
    record = extract("The report was published by the Karesia Herald, an independent newspaper in Kesh.")
    assert ("based_in", "Karesia Herald", "Kesh") in ties(record)


def test_state_officials_are_not_their_states_employees(extract: Extract) -> None:
    record = extract("Nigerian Foreign Minister Amina Bello met Karesian President Ilya Dorn in Abuja.")
    assert record.relations == []
