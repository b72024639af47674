"""Knowledge tables: countries, demonyms, actors, cities, sector and role cue words."""

from __future__ import annotations

import pytest

from sitroom.knowledge import (
    country_by_code,
    demonym_for,
    lookup_city,
    lookup_country,
    lookup_demonym,
    lookup_igo,
    lookup_known_actor,
    role_for_title,
    sector_for_phrase,
    sector_for_word,
    title_at_end,
)


def code(text: str) -> str | None:
    info = lookup_country(text)
    return info.alpha3 if info else None


def test_niger_and_nigeria_never_confused() -> None:
    assert code("Niger") == "NER"
    assert code("Nigeria") == "NGA"
    demonym_niger = lookup_demonym("Nigerien")
    demonym_nigeria = lookup_demonym("Nigerian")
    assert demonym_niger is not None and demonym_niger.country.alpha3 == "NER"
    assert demonym_nigeria is not None and demonym_nigeria.country.alpha3 == "NGA"


@pytest.mark.parametrize("text", ["US", "U.S.", "USA", "United States", "America", "United States of America"])
def test_united_states_variants(text: str) -> None:
    assert code(text) == "USA"


def test_lower_case_us_is_not_a_country() -> None:
    assert lookup_country("us") is None


@pytest.mark.parametrize(
    ("text", "alpha3", "name"),
    [
        ("Russian Federation", "RUS", "Russia"),
        ("Russia", "RUS", "Russia"),
        ("Iran", "IRN", "Iran"),
        ("Syria", "SYR", "Syria"),
        ("Bolivia", "BOL", "Bolivia"),
        ("DRC", "COD", "Democratic Republic of the Congo"),
        ("Congo", "COG", "Republic of the Congo"),
        ("Côte d'Ivoire", "CIV", "Ivory Coast"),
        ("Côte d\u2019Ivoire", "CIV", "Ivory Coast"),
        ("CAR", "CAF", "Central African Republic"),
        ("Britain", "GBR", "United Kingdom"),
        ("UK", "GBR", "United Kingdom"),
        ("South Korea", "KOR", "South Korea"),
        ("Mali\u2019s", "MLI", "Mali"),
        ("the Netherlands", "NLD", "Netherlands"),
    ],
)
def test_country_short_forms(text: str, alpha3: str, name: str) -> None:
    info = lookup_country(text)
    assert info is not None and (info.alpha3, info.name, info.kind) == (alpha3, name, "country")


def test_countries_carry_capitals_and_codes() -> None:
    mali = country_by_code("MLI")
    assert mali is not None and mali.capital == "Bamako"
    assert lookup_country("Republic of Karesia") is None


@pytest.mark.parametrize(
    ("text", "alpha3"),
    [("Russian", "RUS"), ("Malian", "MLI"), ("French", "FRA"), ("Burkinabe", "BFA"), ("Ivorian", "CIV"),
     ("Franco", "FRA"), ("Russo-", "RUS"), ("Sino", "CHN")],
)
def test_demonyms_and_prefixes(text: str, alpha3: str) -> None:
    info = lookup_demonym(text)
    assert info is not None and info.country.alpha3 == alpha3


def test_prefix_forms_are_marked() -> None:
    franco = lookup_demonym("Franco")
    french = lookup_demonym("French")
    assert franco is not None and franco.prefix
    assert french is not None and not french.prefix
    assert demonym_for("MLI") == "Malian"


@pytest.mark.parametrize(
    ("text", "country"),
    [("UN", "UNO"), ("United Nations", "UNO"), ("MINUSMA", "UNO"), ("AU", "IGO"), ("ECOWAS", "IGO"),
     ("G5 Sahel", "IGO"), ("NATO", "IGO"), ("Arab League", "IGO"), ("EU", "EUR"),
     ("European Union", "EUR"), ("IMF", "IGO"), ("World Bank", "IGO")],
)
def test_igo_codes(text: str, country: str) -> None:
    igo = lookup_igo(text)
    assert igo is not None and igo.country == country and igo.kind == "organization"


def test_igo_lookup_rejects_other_actors() -> None:
    assert lookup_igo("Wagner Group") is None
    assert lookup_igo("Reuters") is None


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("the Wagner Group", "Wagner Group", "RUS", "PMC"),
        ("Wagner", "Wagner Group", "RUS", "PMC"),
        ("ISIS", "Islamic State", "IMG", "REB"),
        ("ISGS", "Islamic State in the Greater Sahara", "IMG", "REB"),
        ("JNIM", "JNIM", "IMG", "REB"),
        ("al-Qaeda", "Al Qaeda", "IMG", "REB"),
        ("Boko Haram", "Boko Haram", "NGA", "REB"),
        ("Al-Jazeera", "Al Jazeera", "QAT", "JRN"),
        ("AFP", "Agence France-Presse", "FRA", "JRN"),
        ("SIPRI", "Stockholm International Peace Research Institute", "SWE", "EDU"),
        ("the Kremlin", "Kremlin", "RUS", "GOV"),
        ("Pentagon", "Pentagon", "USA", "MIL"),
        ("Élysée", "Élysée", "FRA", "GOV"),
    ],
)
def test_known_actors(text: str, name: str, country: str, sector: str) -> None:
    actor = lookup_known_actor(text)
    assert actor is not None and (actor.name, actor.country, actor.sector) == (name, country, sector)


def test_capital_cities_are_places_not_metonyms() -> None:
    assert lookup_known_actor("Beijing") is None
    beijing = lookup_city("Beijing")
    assert beijing is not None and beijing.country == "CHN" and beijing.capital
    washington = lookup_city("Washington")
    assert washington is not None and washington.country == "USA"
    bamako = lookup_city("Bamako")
    assert bamako is not None and bamako.country == "MLI"


def test_small_towns_are_not_in_the_city_table() -> None:
    assert lookup_city("Of") is None  # a Turkish town of 30k people


def test_regions_are_places() -> None:
    sahel = lookup_known_actor("Sahel")
    assert sahel is not None and sahel.kind == "place"


@pytest.mark.parametrize(
    ("word", "sector", "kind"),
    [("junta", "GOV", "organization"), ("troops", "MIL", "organization"), ("police", "COP", "organization"),
     ("rebels", "REB", "group"), ("jihadists", "REB", "group"), ("mercenaries", "PMC", "group"),
     ("protesters", "CVL", "group"), ("parliament", "LEG", "organization"), ("court", "JUD", "organization"),
     ("company", "BUS", "organization"), ("opposition", "OPP", "organization")],
)
def test_sector_words(word: str, sector: str, kind: str) -> None:
    cue = sector_for_word(word)
    assert cue is not None and (cue.sector, cue.kind) == (sector, kind)


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("private military contractor", "PMC"),
        ("private military company", "PMC"),
        ("ruling military junta", "GOV"),
        ("military representatives", "MIL"),
        ("government troops", "MIL"),
        ("rebel forces", "REB"),
        ("Defense Ministry", "MIL"),
        ("gold company", "BUS"),
    ],
)
def test_sector_for_phrase(phrase: str, sector: str) -> None:
    cue = sector_for_phrase(phrase.split())
    assert cue is not None and cue.sector == sector


def test_non_actor_heads_have_no_sector() -> None:
    assert sector_for_phrase(["Russian", "law"]) is None
    assert sector_for_word("flags") is None


@pytest.mark.parametrize(
    ("title", "role", "sector"),
    [
        ("President", "president", "GOV"),
        ("Prime Minister", "prime minister", "GOV"),
        ("minister", "minister", "GOV"),
        ("Armed Forces Minister", "defence minister", "GOV"),
        ("defence minister", "defence minister", "GOV"),
        ("spokesman", "spokesperson", None),
        ("spokeswoman", "spokesperson", None),
        ("General", "general", "MIL"),
        ("Col.", "colonel", "MIL"),
        ("expert", "expert", "EDU"),
        ("CEO", "ceo", "BUS"),
        ("former President", "president", "ELI"),
    ],
)
def test_role_for_title(title: str, role: str, sector: str | None) -> None:
    found = role_for_title(title)
    assert found is not None and (found.role, found.sector) == (role, sector)


def test_longest_title_wins_at_end_of_words() -> None:
    found = title_at_end(["Mali", "Prime", "Minister"])
    assert found is not None and found[0].role == "prime minister" and found[1] == 2
    assert title_at_end(["Russian", "flags"]) is None


def test_admin_units_are_looked_up_as_written() -> None:
    from sitroom.knowledge import lookup_admin

    kentucky = lookup_admin("Kentucky")
    assert kentucky is not None and (kentucky.country, kentucky.level) == ("USA", 1)
    county = lookup_admin("Metcalfe County")
    assert county is not None and county.level == 2
    assert lookup_admin("Centre") is None  # a Burkina Faso region, but mostly an ordinary word
    assert lookup_admin("Metcalfe") is None  # bare admin2 names are not matched


def test_state_abbreviations_ignore_case_and_full_stops() -> None:
    from sitroom.knowledge import lookup_admin_abbreviation

    for form in ("Ky.", "KY", "Ky"):
        found = lookup_admin_abbreviation(form)
        assert found is not None and found.name == "Kentucky"
    assert lookup_admin_abbreviation("Karesia") is None


@pytest.mark.parametrize(
    ("text", "name", "category", "sector"),
    [
        ("El Heraldo", "El Heraldo", "media", "JRN"),
        ("La Prensa Grafica", "La Prensa Gráfica", "media", "JRN"),
        ("Milenio", "Milenio", "media", "JRN"),
        ("Lib Dems", "Liberal Democrats", "party", "PTY"),
        ("Tories", "Conservative Party", "party", "PTY"),
        ("Gulf Cartel", "Gulf Cartel", "crime", "CRM"),
        ("Rastrojos", "Los Rastrojos", "crime", "CRM"),
        ("Bank of England", "Bank of England", "institution", "GOV"),
        ("MI5", "MI5", "institution", "SPY"),
    ],
)
def test_news_actors_of_latin_america_and_britain(text: str, name: str, category: str, sector: str) -> None:
    actor = lookup_known_actor(text)
    assert actor is not None and (actor.name, actor.category, actor.sector) == (name, category, sector)
