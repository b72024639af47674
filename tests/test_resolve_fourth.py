"""Fourth-pass resolution rules (issue 3): descriptions without a cue word, group names, ruling bodies,
capitals used as actors, known actors' sectors. Sentences written here, with invented names."""

from __future__ import annotations

from collections.abc import Callable

from sitroom.records import DocumentRecord, Entity
from sitroom.resolve.cluster import description_head_phrase

Extract = Callable[..., DocumentRecord]


def having(record: DocumentRecord, surface: str) -> Entity:
    """The one entity with a mention, alias or name ``surface``, with or without a leading "the"."""
    bare = surface.removeprefix("the ").removeprefix("The ")
    found = {e.id: e for e in record.entities
             if any(t in (surface, bare, f"the {bare}", f"The {bare}") for t in
                    [*(m.text for m in e.mentions), *e.aliases, e.name])}
    assert len(found) == 1, f"{surface!r}: {[(e.name, e.aliases) for e in record.entities]}"
    return next(iter(found.values()))


def nobody(record: DocumentRecord, surface: str) -> bool:
    return not any(surface in [*(m.text for m in e.mentions), *e.aliases, e.name] for e in record.entities)


# ---- 1. descriptions with no cue word ---------------------------------------------------------

def test_cueless_description_does_not_join_an_unrelated_cluster(extract: Extract) -> None:
    record = extract("The Republic of Karesia sent envoys to the Vell-Dumeni road talks in Algiers. "
                     "The Karesian delegation did not confirm the deal.")
    delegation = having(record, "The Karesian delegation")
    assert (delegation.name, delegation.kind, delegation.sector) == ("Karesian delegation", "organization", "GOV")
    assert all("Vell" not in m.text for m in delegation.mentions)


def test_unlinked_collective_with_nationality_leads_relation(extract: Extract) -> None:
    record = extract("The Republic of Karesia sent envoys to Algiers. The Karesian delegation walked out. "
                     "Its head, Interior Minister Rada Kovac, spoke to reporters.")
    delegation = having(record, "The Karesian delegation")
    kovac = having(record, "Rada Kovac")
    assert any(r.type == "leads" and (r.source, r.target) == (kovac.id, delegation.id) for r in record.relations)


def test_unlinked_description_without_nationality_is_dropped(extract: Extract) -> None:
    record = extract("The Tessaly Front signed the accord on Monday. The delegation left for Algiers.")
    assert nobody(record, "The delegation")
    assert having(record, "Tessaly Front").aliases.count("The delegation") == 0


def test_unit_description_does_not_join_the_ministry_before_it(extract: Extract) -> None:
    record = extract("The Republic of Karesia moved troops north. The Karesian defence ministry denied it. "
                     "A senior officer said General Anton Brask, the commander of the presidential guard, "
                     "ordered the move.")
    guard = having(record, "the presidential guard")
    assert not any("ministry" in m.text for m in guard.mentions)
    brask = having(record, "Anton Brask")
    assert any(r.type == "leads" and (r.source, r.target) == (brask.id, guard.id) for r in record.relations)


def test_person_description_with_nationality_stands_alone(extract: Extract) -> None:
    record = extract("The Supreme Restoration Council rules the Republic of Karesia. Last week the council "
                     "expelled the French ambassador.")
    ambassador = having(record, "the French ambassador")
    assert (ambassador.kind, ambassador.country) == ("person", "FRA")
    assert ambassador.id != having(record, "Supreme Restoration Council").id


# ---- 2. group names ---------------------------------------------------------------------------

def test_group_named_by_head_with_full_form_as_alias(extract: Extract) -> None:
    record = extract("Ostrelia moved 900 soldiers to the border, according to officials of the Coastal "
                     "Union of Lagoon States.")
    officials = having(record, "officials")
    assert officials.kind == "group"
    assert "officials of the Coastal Union of Lagoon States" in officials.aliases


def test_description_name_keeps_post_modifier_of_vague_heads() -> None:
    assert description_head_phrase("officials of the Coastal Union") == "officials"
    assert description_head_phrase("diplomats briefed on the talks") == "diplomats"
    assert description_head_phrase("source close to the talks") == "source close to the talks"
    assert description_head_phrase("person familiar with the bid") == "person familiar with the bid"
    assert description_head_phrase("senior Karesian officer") == "senior Karesian officer"


# ---- 3. ruling bodies -------------------------------------------------------------------------

def test_junta_and_council_join_named_ruling_council(extract: Extract) -> None:
    record = extract("KESH, May 3, 2023 - The Supreme Restoration Council (SRC) of General Anton Brask has "
                     "ruled the Republic of Karesia since 2021. Since then the junta has expelled two "
                     "foreign reporters. Diplomats say the Coastal Union could act. Traders are worried. "
                     "Prices rose. If the council postpones the vote, donors will leave.")
    council = having(record, "Supreme Restoration Council")
    assert {"the junta", "the council", "SRC"} <= set(council.aliases)
    assert council.sector == "GOV"


def test_plain_council_is_not_the_junta(extract: Extract) -> None:
    record = extract("The Kesh City Council met traders on Monday. The Karesian junta said the junta "
                     "would tax imports.")
    councils = [e for e in record.entities if e.name.endswith("Council")]
    assert councils and all("the junta" not in e.aliases for e in councils)
    assert "the junta" in having(record, "Karesian junta").aliases


# ---- 4. capitals as actors --------------------------------------------------------------------

def test_capital_as_subject_is_its_state_and_elsewhere_a_place(extract: Extract) -> None:
    record = extract("Nigerien police arrested three Karesian customs officers near Ayorou. Niger said "
                     "they were smugglers. Niamey has since expelled Karesia's envoy. Talks were later "
                     "held in Niamey.")
    niger = having(record, "Niger")
    assert niger.kind == "country"
    assert "Niamey" in niger.aliases
    place = [e for e in record.entities if e.name == "Niamey"]
    assert len(place) == 1 and place[0].kind == "place"


def test_capital_joins_named_government_organ(extract: Extract) -> None:
    record = extract("The Kremlin said the report about the Volkov Group was false. Moscow denied sending "
                     "troops to Karesia.")
    kremlin = having(record, "Kremlin")
    assert "Moscow" in kremlin.aliases
    assert kremlin.sector == "GOV"


def test_brussels_is_the_eu_when_the_eu_is_named(extract: Extract) -> None:
    record = extract("The European Union criticised the Republic of Ostrelia. If the generals refuse, "
                     "Brussels should freeze their assets.")
    assert "Brussels" in having(record, "European Union").aliases


def test_dateline_capital_stays_a_place(extract: Extract) -> None:
    record = extract("MOSCOW, May 2, 2023 - Russia said it would send grain to the Republic of Ostrelia.")
    moscow = having(record, "MOSCOW")
    assert moscow.kind == "place"
    assert "MOSCOW" not in having(record, "Russia").aliases


# ---- 5. known actors --------------------------------------------------------------------------

def test_known_pmc_keeps_its_sector_despite_legal_form(extract: Extract) -> None:
    record = extract("Executive Outcomes Ltd trained the army of the Republic of Karesia in 2020.")
    company = having(record, "Executive Outcomes Ltd")
    assert (company.sector, company.country) == ("PMC", "ZAF")


def test_known_actor_in_capitals_gets_table_type(extract: Extract) -> None:
    record = extract("WAGNER GROUP fighters arrived in the Republic of Karesia on Monday.")
    wagner = having(record, "WAGNER GROUP")
    assert (wagner.sector, wagner.country, wagner.code) == ("PMC", "RUS", "RUSPMC")


def test_title_before_a_name_is_not_a_person_of_its_own(extract: Extract) -> None:
    record = extract("Korvath Minerals named a chairman on Monday. Its chairman, the former French trade "
                     "envoy Sir Martin Crewe, will lead the board. The British ambassador welcomed it.")
    assert not any(e.name.endswith("trade envoy") for e in record.entities)
    assert having(record, "the British ambassador").kind == "person"
