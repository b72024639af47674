"""Second coreference pass: descriptions that used to split from their actor (hired forces, ministries,
ruling generals, crowds, placed groups) and the merges those rules must not make. Every sentence is
written here, with invented names."""

from __future__ import annotations

from collections.abc import Callable

from resolve_helpers import owner, same
from sitroom.records import DocumentRecord

Extract = Callable[..., DocumentRecord]






def test_group_skips_a_town_written_as_a_place(extract: Extract) -> None:
    record = extract("Fighters of the Volkov Group arrived in Vell on Tuesday. A spokesman denied that the "
                     "group would take part in the offensive.")
    assert same(record, "Volkov Group", "the group")
    vell = owner(record, "Vell")
    assert vell is not None and "the group" not in vell.aliases


def test_mercenaries_join_the_one_untyped_company(extract: Extract) -> None:
    record = extract("The Brask Consortium came to Karesia promising security. Two years later the north is "
                     "more violent than ever, and the mercenaries answer to no one.")
    assert same(record, "Brask Consortium", "mercenaries")


def test_mercenaries_stay_apart_when_two_companies_fit(extract: Extract) -> None:
    record = extract("The Brask Consortium and the Orlan Consortium both signed contracts with Karesia. "
                     "Residents say the mercenaries answer to no one.")
    brask, orlan = owner(record, "Brask Consortium"), owner(record, "Orlan Consortium")
    assert brask is not None and orlan is not None
    assert "mercenaries" not in [m.text for m in brask.mentions + orlan.mentions]


def test_the_contractor_far_back_is_the_one_private_military_company(extract: Extract) -> None:
    record = extract("The Volkov Group, a private military company, guards the mines at Dumeni. "
                     "The junta expelled the French ambassador. It also suspended two radio stations. "
                     "Russia delivered four helicopters in December. Prices rose in Kesh. "
                     "The contractor has not turned the war around.")
    assert same(record, "Volkov Group", "The contractor")


def test_russian_firm_joins_the_private_military_company(extract: Extract) -> None:
    record = extract("The Volkov Group, a private military company, came to Karesia in 2021. The mercenaries "
                     "guard the mines. I spent a month in Vell. Residents were afraid. Nobody spoke. "
                     "A teacher said soldiers from the Russian firm had beaten her brother.")
    assert same(record, "Volkov Group", "the Russian firm")
    vell = owner(record, "Vell")
    assert vell is not None and "the Russian firm" not in vell.aliases


def test_the_ministry_joins_the_ministry_named_before(extract: Extract) -> None:
    record = extract("The Karesian defence ministry announced the deployment on Friday. Troops would stay "
                     "until June, the ministry said.")
    assert same(record, "Karesian defence ministry", "the ministry")


def test_a_named_ministry_does_not_join_another_ministry(extract: Extract) -> None:
    record = extract("Karesia's foreign ministry summoned the ambassador. The justice ministry opened an "
                     "inquiry the same day.")
    foreign = owner(record, "Karesia's foreign ministry")
    assert foreign is not None
    assert not any("justice" in a.lower() for a in [*foreign.aliases, *(m.text for m in foreign.mentions)])


def test_generals_join_the_one_junta(extract: Extract) -> None:
    record = extract("The Karesian junta signed the deal with the Volkov Group on Monday. Analysts say the "
                     "generals want results before the rainy season.")
    assert same(record, "Karesian junta", "the generals")


def test_generals_stay_apart_without_a_junta(extract: Extract) -> None:
    record = extract("The Karesian army lost ground in the north. Analysts say the generals want "
                     "reinforcements before the rainy season.")
    army = owner(record, "Karesian army")
    assert army is not None and "the generals" not in army.aliases


def test_military_government_of_a_state_gets_its_short_form(extract: Extract) -> None:
    record = extract("The military government of the Republic of Karesia signed the contract on Monday.")
    government = owner(record, "military government")
    assert government is not None and government.kind == "organization"


def test_a_province_is_not_the_government(extract: Extract) -> None:
    record = extract("Gunmen attacked a police station in Toruga, in Karesia's southwestern state of Morav, "
                     "on Monday. The Karesian government condemned the attack.")
    government = owner(record, "Karesian government")
    assert government is not None
    assert not any("state" in form.lower() for form in [*government.aliases, *(m.text for m in government.mentions)])


def test_placed_sources_are_a_group_apart_from_the_place(extract: Extract) -> None:
    record = extract("Military sources in Vell said about 30 fighters were killed on Sunday.")
    sources, place = owner(record, "Military sources"), owner(record, "Vell")
    assert sources is not None and place is not None and sources.id != place.id
    assert sources.kind == "group" and "Military sources in Vell" in sources.aliases


def test_young_people_join_the_one_crowd_before(extract: Extract) -> None:
    record = extract("Rioters set fire to a bank in Vell on Saturday. Witnesses said the young people threw "
                     "stones at the police.")
    assert same(record, "Rioters", "the young people")


def test_young_people_stay_apart_with_two_crowds(extract: Extract) -> None:
    record = extract("Rioters set fire to a bank in Vell while farmers blocked the road to Kesh. Witnesses "
                     "said the young people threw stones at the police.")
    rioters = owner(record, "Rioters")
    assert rioters is not None and "the young people" not in rioters.aliases


def test_possessive_movement_joins_the_named_front(extract: Extract) -> None:
    record = extract("The Southern Liberation Front released two hostages on Thursday. \"We want talks,\" "
                     "said Anton Brask, the movement's political chief.")
    assert same(record, "Southern Liberation Front", "the movement")
