"""Towns inside and beside other names: the body keeps its mention, the town gets its own (own sentences)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mention_helpers import gazetteer_mentions
from sitroom.extract.learned_names import institution_towns
from sitroom.extract.name_cues import ending_cue, town_context
from sitroom.extract.pipeline import Pipeline
from sitroom.records import DocumentRecord, Entity, Mention

Run = Callable[[str], list[Mention]]


@pytest.fixture(scope="module")
def mentions(pipeline: Pipeline) -> Run:
    """Sentences + gazetteer only: what this module's rules produce, before resolution."""

    def run(text: str) -> list[Mention]:
        return gazetteer_mentions(pipeline, text)

    return run


def only(found: list[Mention], text: str) -> Mention:
    hits = [m for m in found if m.text == text]
    assert len(hits) == 1, f"{text!r}: {[(m.text, m.kind) for m in found]}"
    return hits[0]


def entity_named(entities: list[Entity], name: str) -> Entity:
    hits = [e for e in entities if e.name == name]
    assert hits, f"no entity {name!r} in {[e.name for e in entities]}"
    return hits[0]


# -- a town opening a local body's name -----------------------------------------------------------


def test_town_inside_police_department_is_nested(mentions: Run) -> None:
    text = "The theft was first reported to the New Milford Police Department in June."
    found = mentions(text)
    body = only(found, "New Milford Police Department")
    town = only(found, "New Milford")
    assert (body.kind, body.sector) == ("organization", "COP")
    assert town.kind == "place"
    assert body.start <= town.start and town.end <= body.end
    assert text[town.start:town.end] == "New Milford"


def test_town_inside_court_and_council_names(mentions: Run) -> None:
    found = mentions("He will appear in Danbury Superior Court next week, and Enfield Council has "
                     "closed the park.")
    assert only(found, "Danbury Superior Court").kind == "organization"
    assert only(found, "Danbury").kind == "place"
    assert only(found, "Enfield Council").kind == "organization"
    assert only(found, "Enfield").kind == "place"


def test_county_inside_sheriffs_office_even_when_the_model_calls_it_a_facility(mentions: Run) -> None:
    found = mentions("Deputies from the Hardin County Sheriff's Office and the Hardin County Fire "
                     "Department responded.")
    office = only(found, "Hardin County Sheriff's Office")
    assert (office.kind, office.sector) == ("organization", "COP")
    assert only(found, "Hardin County Fire Department").kind == "organization"
    counties = [m for m in found if m.text == "Hardin County"]
    assert len(counties) == 2 and all(m.kind == "place" for m in counties)


def test_unknown_county_is_a_place_without_the_geo_index(mentions: Run) -> None:
    found = mentions("Officers of the Vellmark County Sheriff's Office arrested two men on Friday.")
    assert only(found, "Vellmark County").kind == "place"
    assert only(found, "Vellmark County Sheriff's Office").kind == "organization"


def test_town_used_as_the_police_becomes_the_body_with_the_town_inside(mentions: Run) -> None:
    found = mentions("The driver was stopped by Danbury police on Monday night.")
    body = only(found, "Danbury police")
    assert (body.kind, body.sector) == ("organization", "COP")
    assert only(found, "Danbury").kind == "place"


def test_learned_town_is_read_everywhere_in_the_text(mentions: Run) -> None:
    found = mentions("A Danbury roofer was charged on Tuesday. Danbury Police Department said the "
                     "roofer had no record.")
    towns = [m for m in found if m.text == "Danbury"]
    assert len(towns) == 2 and all(m.kind == "place" for m in towns)


def test_qualifier_words_are_not_towns(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("The Federal Police and the Capitol Police met the Deputy Mayor and the "
                       "Supreme Court.")
    assert institution_towns(doc) == {}


def test_person_before_police_is_not_a_town(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Officer Martin Kessler Police said nothing.")
    assert ("Martin", "Kessler") not in institution_towns(doc)


def test_body_cues_from_the_name_words(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Hardin County Sheriff's Office and Dover Fire Department and Hardin County Fire")
    sheriff, fire, county_fire = doc[0:5], doc[6:9], doc[10:13]
    assert ending_cue(sheriff) is not None and ending_cue(sheriff).sector == "COP"  # type: ignore[union-attr]
    assert ending_cue(fire) is not None and ending_cue(fire).kind == "organization"  # type: ignore[union-attr]
    assert ending_cue(county_fire) is not None
    assert ending_cue(pipeline.nlp("Camp Fire")[0:2]) is None


# -- towns the model calls persons ------------------------------------------------------------------


def test_age_and_hometown_apposition_makes_a_town(mentions: Run) -> None:
    found = mentions("The suspect was named as Paul Denton, 49, of Waterloo. Deputies searched a barn "
                     "outside of Waterloo.")
    towns = [m for m in found if m.text == "Waterloo"]
    assert len(towns) == 2 and all(m.kind == "place" for m in towns)
    person = only(found, "Paul Denton")
    assert person.kind == "person" and person.sector is None  # lives there; does not govern it


def test_the_town_suburbs(mentions: Run) -> None:
    found = mentions("Cases were confirmed in the Cairns suburbs last week.")
    assert only(found, "Cairns").kind == "place"


def test_town_context_needs_its_words(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("A letter of Jackson reached the Jackson family.")
    assert not town_context(doc, 3, 4)
    assert not town_context(doc, 6, 7)
    doc = pipeline.nlp("Jane Roe, 38, of Jackson was hurt in the Jackson area.")
    assert town_context(doc, 6, 7)
    assert town_context(doc, 11, 12)


# -- through the whole pipeline: the body stays the actor --------------------------------------


def test_body_stays_one_entity_and_the_actor(extract: Callable[..., DocumentRecord]) -> None:
    record = extract("Danbury police arrested a man on Monday after a robbery at a bank.")
    entities = record.entities
    body = entity_named(entities, "Danbury police")
    town = entity_named(entities, "Danbury")
    assert body.kind == "organization" and body.sector == "COP"
    assert town.kind == "place" and town.geo is not None and town.geo["country"] == "USA"
    assert body.id != town.id
    arrests = [v for v in record.events if v.type == "COERCE"]
    assert arrests and arrests[0].source == [body.id]


def test_police_department_entity_keeps_its_mention(extract: Callable[..., DocumentRecord]) -> None:
    text = "Officers of the New Milford Police Department seized 40 stolen tools on Tuesday."
    record = extract(text)
    entities = record.entities
    body = entity_named(entities, "New Milford Police Department")
    town = entity_named(entities, "New Milford")
    assert [m.text for m in body.mentions] == ["New Milford Police Department"]
    assert [m.text for m in town.mentions] == ["New Milford"]
    assert town.geo is not None and town.geo["feature"] == "city"


def test_crown_court_opens_after_the_town(mentions: Run) -> None:
    found = mentions("She appeared at Wood Green Crown Court charged with affray.")
    assert only(found, "Wood Green Crown Court").kind == "organization"
    assert only(found, "Wood Green").kind == "place"


def test_town_comma_province_teaches_the_town(mentions: Run) -> None:
    found = mentions("He is survived by his brother, George Cox of Hugo, Oklahoma.")
    hugo = only(found, "Hugo")
    assert (hugo.kind, hugo.country) == ("place", "USA")


def test_town_comma_province_needs_a_known_town(mentions: Run) -> None:
    found = mentions("He is survived by his brother, George Cox of Brelvany, Oklahoma.")
    assert not [m for m in found if m.text == "Brelvany" and m.kind == "place"]
