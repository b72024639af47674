"""Entity kind, sector and country on text unlike the development articles (our own sentences).

Each class here was a mistake on independently written articles: Spanish-named gangs read as places
or persons, civil-society names read as persons, a company named after a river, local organisations
with no country in a one-country story, a bare "Congo" in a story about the eastern DRC, provinces
and towns the model calls persons.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest

from mention_helpers import gazetteer_mentions
from sitroom.extract.name_cues import NameCue, _spanish_plural, ending_cue, ngo_name
from sitroom.extract.pipeline import Pipeline
from sitroom.records import DocumentRecord, Entity
from sitroom.resolve.typing_home import is_local_organisation, setting_of

Extract = Callable[..., DocumentRecord]


def entity(record: DocumentRecord, name: str) -> Entity:
    found = [e for e in record.entities if e.name == name or name in e.aliases]
    assert found, f"{name!r} not among {[e.name for e in record.entities]}"
    return found[0]


# ---- pure rules ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "expected"), [
    (["Azuay", "Rights", "Collective"], True),
    (["Fundación", "Tierra", "Viva"], True),
    (["Sahel", "Peace", "Initiative"], True),
    (["Karesia", "Watch"], True),
    (["National", "Human", "Rights", "Commission"], False),
    (["Karesian", "Rights", "Ombudsman"], False),
    (["Volkov", "Group"], False),
])
def test_ngo_names(words: list[str], expected: bool) -> None:
    assert ngo_name(words) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Los Halcones Negros", True),
    ("Las Pelusas", True),
    ("Los Hermanos de la Costa", True),
    ("La Mano Roja", False),   # singular: only context makes it a gang
    ("Los", False),
    ("Los Halcones negro", False),
])
def test_spanish_plural_names(text: str, expected: bool) -> None:
    assert _spanish_plural(text) is expected


@pytest.mark.parametrize(("name", "sector", "expected"), [
    ("Public Prosecutor's Office", None, True),
    ("National Police", "COP", True),
    ("Vinces Shipping", "BUS", True),
    ("Los Halcones Negros", "CRM", True),
    ("Unknown Name", None, False),           # no type, no local word: not guessed
    ("Kivu Times", "JRN", False),           # outlets may report from abroad
    ("International Crisis Group", None, False),
    ("Azuay Rights Collective", None, False),
])
def test_local_organisations(name: str, sector: str | None, expected: bool) -> None:
    assert is_local_organisation(name, sector) is expected


def test_setting_needs_a_clear_majority() -> None:
    assert setting_of(Counter({"ECU": 4, "COL": 1})) == "ECU"
    assert setting_of(Counter({"ECU": 4, "COL": 3})) is None
    assert setting_of(Counter({"ECU": 2})) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Zambezi River Mining", NameCue("organization", "BUS")),
    ("Tarsk Minerals", NameCue("organization", "BUS")),
    ("Office of the Public Prosecutor", NameCue("organization", "JUD")),
])
def test_name_endings(pipeline: Pipeline, text: str, expected: NameCue) -> None:
    doc = pipeline.nlp(text)
    assert ending_cue(doc[:]) == expected


# ---- whole documents ----------------------------------------------------------------------------

CRIME = """QUITO, Ecuador - Two rival gangs, Los Halcones Negros and La Mano Roja, have fought for months over the \
drug routes through the port of Manta. Members of Los Halcones Negros extorted shopkeepers in Portoviejo, police said.
The leader of La Mano Roja, a man known as "El Sastre", was arrested on Tuesday in Manta. The Cuervo gang, a smaller \
rival, is allied with Los Halcones Negros.
The Fundacion Ciudadana Segura said the National Police had beaten detainees. The Manabi Rights Collective also \
criticised the arrests. The Public Prosecutor's Office opened an investigation into the killings.
"""


@pytest.fixture(scope="module")
def crime(extract: Extract) -> DocumentRecord:
    return extract(CRIME)


def test_spanish_gang_names_are_criminal_organisations(crime: DocumentRecord) -> None:
    for name in ("Los Halcones Negros", "La Mano Roja"):
        gang = entity(crime, name)
        assert (gang.kind, gang.sector) == ("organization", "CRM"), name


def test_named_gang_is_an_organisation(crime: DocumentRecord) -> None:
    gang = entity(crime, "Cuervo gang")
    assert (gang.kind, gang.sector) == ("organization", "CRM")


def test_nickname_after_known_as_is_a_person(crime: DocumentRecord) -> None:
    assert entity(crime, "El Sastre").kind == "person"


def test_civil_society_names(crime: DocumentRecord) -> None:
    for name in ("Fundacion Ciudadana Segura", "Manabi Rights Collective"):
        ngo = entity(crime, name)
        assert (ngo.kind, ngo.country) == ("organization", "NGO"), name


def test_local_bodies_inherit_the_setting(crime: DocumentRecord) -> None:
    assert (entity(crime, "National Police").country, entity(crime, "National Police").sector) == ("ECU", "COP")
    office = entity(crime, "Public Prosecutor's Office")
    assert (office.country, office.sector) == ("ECU", "JUD")
    assert entity(crime, "Los Halcones Negros").country == "ECU"


CONGO = """GOMA - Fighting between the army and the Tarsk Front spread across North Kivu on Sunday, residents said. \
Congo's government accused its neighbour of arming the rebels.
Thousands fled towards Goma and Bunia. Congo asked the African Union to send observers, a minister said in Kinshasa.
"""


def test_bare_congo_in_a_kivu_story_is_the_drc(extract: Extract) -> None:
    record = extract(CONGO)
    assert entity(record, "Congo").country == "COD"
    government = next(e for e in record.entities if "Congo's government" in [e.name, *e.aliases])
    assert government.country == "COD"


def test_bare_congo_alone_stays_congo_brazzaville(extract: Extract) -> None:
    record = extract("Congo and Gabon signed a fisheries deal in Brazzaville on Monday.")
    assert entity(record, "Congo").country == "COG"


MEXICO = """CULIACAN, Mexico - Violence spread from Sinaloa to Durango and Zacatecas this year, officials said. \
In Mazatlan the army deployed 500 soldiers.
Tamaulipas recorded the most kidnappings, followed by Guerrero, according to the Karesia Crime Observatory.
"""


def test_provinces_of_the_setting_tagged_person_are_places(extract: Extract) -> None:
    record = extract(MEXICO)
    for name in ("Tamaulipas", "Guerrero"):
        assert entity(record, name).kind == "place", name


def test_a_surname_stays_a_person(pipeline: Pipeline) -> None:
    """A province's name that a person in the text bears (``Ana Guerrero``) is not read as the
    province when the model calls it a person; ``the governor, Ana Guerrero`` is no place either."""
    text = MEXICO + "\nThe governor, Ana Guerrero, said the state needed more police. Guerrero spoke in Culiacan."
    kinds = {(m.text, m.kind) for m in gazetteer_mentions(pipeline, text)}
    assert ("Tamaulipas", "place") in kinds
    assert ("Guerrero", "place") not in kinds
    assert ("Ana Guerrero", "person") in kinds


KIVU = """BUKAVU - Fighting continued on Friday in Walungu territory and around the small town of Kitshanga, where \
the Tarsk Liberation Front holds the hills. Residents of Minova fled to Bukavu and Goma, the two largest cities \
of South Kivu. The hamlet of Nyabibwe was shelled, said Anton Brask, an envoy of the African Union.
"""




def test_small_places_take_the_setting(extract: Extract) -> None:
    record = extract(KIVU)
    for town in ("Kitshanga", "Minova", "Nyabibwe"):
        assert (entity(record, town).kind, entity(record, town).country) == ("place", "COD"), town
    assert entity(record, "Anton Brask").country == "IGO"
    assert not any(e.name.startswith("BUKAVU") for e in record.entities)  # the dateline run into a word


def test_armed_movement_takes_the_setting(pipeline: Pipeline) -> None:
    front = next(m for m in gazetteer_mentions(pipeline, KIVU) if m.text.endswith("Tarsk Liberation Front"))
    assert (front.kind, front.sector, front.country) == ("organization", "REB", "COD")


def test_no_setting_no_guess(pipeline: Pipeline) -> None:
    text = "The Tarsk Liberation Front met envoys in Geneva, Nairobi and Addis Ababa."
    front = next(m for m in gazetteer_mentions(pipeline, text) if m.text.endswith("Tarsk Liberation Front"))
    assert front.country is None


def test_trade_associations_are_business(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Karesian Airlines Association")
    assert ending_cue(doc[:]) == NameCue("organization", "BUS")


NOTES = """Compiled by the Tarsk Conflict Monitor, an independent research group.

4 May 2023 - Kalbani, Niger. Gunmen besieging Kalbani burned a market; the toll is unknown.
6 May 2023 - Orvel, Karesia. The Karesian army deployed troops to Orvel.
"""


def test_town_placed_by_its_country_is_a_place(extract: Extract) -> None:
    record = extract(NOTES)
    kalbani = entity(record, "Kalbani")
    assert (kalbani.kind, kalbani.country) == ("place", "NER")
    assert entity(record, "Orvel").kind == "place"


def test_conflict_monitor_is_an_ngo(extract: Extract) -> None:
    monitor = entity(extract(NOTES), "Tarsk Conflict Monitor")
    assert (monitor.kind, monitor.country) == ("organization", "NGO")


ENVOY = """GOMA - Rebels and the Congolese army clashed near Sake and Walikale on Monday. Anton Brask, the AU \
envoy for the Great Lakes, said in Goma that both sides had agreed to talks in Kinshasa. Brask said the AU would \
send observers to North Kivu.
"""


def test_envoy_of_an_igo_takes_its_code_not_the_setting(extract: Extract) -> None:
    assert entity(extract(ENVOY), "Anton Brask").country == "IGO"


def test_second_of_two_listed_towns_is_a_place(pipeline: Pipeline) -> None:
    kinds = {(m.text, m.kind) for m in gazetteer_mentions(pipeline, ENVOY)}
    assert ("Walikale", "place") in kinds
