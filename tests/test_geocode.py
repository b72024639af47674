"""Offline geocoding: names, document context, qualifiers, directions, water, unknown places.

Most tests build the entities by hand (the geocode step reads only the text and the entities), so
they do not depend on what the mention step recognises; two run the whole pipeline.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from sitroom.extract.context import Context
from sitroom.records import Document, DocumentRecord, Entity, Mention
from sitroom.resolve.geo_index import geo_index, name_key
from sitroom.resolve.geo_text import direction_before, is_water, qualifier_after
from sitroom.resolve.geocode import (
    GeocodeStep,
    directional_region,
    geocode_mention,
    geocode_name,
    haversine_km,
)


def near(geo: dict[str, Any] | None, lat: float, lon: float, km: float = 50) -> bool:
    return geo is not None and haversine_km(float(geo["lat"]), float(geo["lon"]), lat, lon) <= km


def context_for(text: str, entities: list[tuple[str, str, str | None]]) -> Context:
    """A context whose entities are (surface text, kind, alpha3); each mention is the first
    occurrence of its text at or after the previous entity's mention."""
    record = DocumentRecord(document=Document(id="t", text=text, language="en"))
    at = 0
    for n, (surface, kind, country) in enumerate(entities, 1):
        start = text.index(surface, at)
        at = start
        mention = Mention(start, start + len(surface), surface, kind, country=country, entity=f"e{n}")
        record.entities.append(Entity(f"e{n}", surface, kind, country=country, mentions=[mention]))
    return Context(document=record.document, doc=None, record=record)  # type: ignore[arg-type]


def geocoded(text: str, entities: list[tuple[str, str, str | None]]) -> dict[str, Entity]:
    ctx = context_for(text, entities)
    GeocodeStep()(ctx)
    return {e.name: e for e in ctx.record.entities}


# ---- the index ----------------------------------------------------------------------------------

def test_index_is_built_once_per_process() -> None:
    assert geo_index() is geo_index()


def test_name_key_folds_accents_case_article_and_full_stops() -> None:
    assert name_key("Ségou") == name_key("SEGOU") == "segou"
    assert name_key("the Gambia") == "gambia"
    assert name_key("B.C.") == "bc"


# ---- names --------------------------------------------------------------------------------------

def test_city_by_exonym_in_context_country() -> None:
    geo = geocode_name("Timbuktu", {"MLI"})
    assert geo is not None and geo["country"] == "MLI" and geo["feature"] == "city"
    assert near(geo, 16.77, -3.01)


def test_niger_beside_mali_and_chad_is_the_country() -> None:
    geo = geocode_name("Niger", {"MLI", "TCD"})
    assert geo is not None and geo["country"] == "NER" and geo["feature"] == "country"


def test_springfield_without_context_is_the_most_populous() -> None:
    geo = geocode_name("Springfield", set())
    assert geo is not None and geo["country"] == "USA" and geo["feature"] == "city"
    assert near(geo, 37.2, -93.3, km=30)  # Springfield, Missouri: the largest of the namesakes


def test_country_context_picks_the_local_namesake() -> None:
    assert geocode_name("London", set())["country"] == "GBR"  # type: ignore[index]
    local = geocode_name("Hamilton", {"CAN"})
    assert local is not None and local["country"] == "CAN"


def test_invented_place_stays_unresolved() -> None:
    assert geocode_name("Vellmoravia", {"MLI"}) is None
    assert geocode_name("Republic of Karesia", set()) is None


def test_press_abbreviations_and_admin_words() -> None:
    ky = geocode_name("Ky.", {"USA"})
    assert ky is not None and ky["feature"] == "admin1" and ky["country"] == "USA"
    sichuan = geocode_name("Sichuan province", set())
    assert sichuan is not None and sichuan["feature"] == "admin1" and sichuan["country"] == "CHN"


def test_state_beats_the_county_named_after_it() -> None:
    geo = geocode_name("Texas", {"USA"})
    assert geo is not None and geo["feature"] == "admin1"


def test_continent_and_named_region() -> None:
    assert geocode_name("Asia", set())["feature"] == "continent"  # type: ignore[index]
    sahel = geocode_name("Sahel", {"MLI"})
    assert sahel is not None and sahel["feature"] == "region" and sahel["geonameid"] is None


def test_leading_direction_on_a_country_name_makes_a_region() -> None:
    geo = geocode_name("northern Mali", set())
    mali = geocode_name("Mali", set())
    assert geo is not None and mali is not None
    assert geo["feature"] == "region" and geo["country"] == "MLI" and geo["lat"] > mali["lat"]


def test_directional_region_points() -> None:
    mali = geo_index().country("MLI")
    assert mali is not None
    south = directional_region(mali.place, "south")
    east = directional_region(mali.place, "east")
    middle = directional_region(mali.place, "central")
    assert south.lat < mali.place.lat and east.lon > mali.place.lon
    assert (middle.lat, middle.lon) == (mali.place.lat, mali.place.lon)


# ---- the words around a name --------------------------------------------------------------------

def test_text_cues() -> None:
    text = "Fishermen on the Niger river met in northern Mali, near Seme (Toeni, Sourou)."
    niger = text.index("Niger")
    assert is_water(text, niger, niger + 5)
    assert direction_before(text, text.index("Mali")) == "north"
    seme_end = text.index("Seme") + 4
    qualifier = qualifier_after(text, seme_end)
    assert qualifier is not None and qualifier.strict and qualifier.names == ("Toeni", "Sourou")
    assert qualifier_after("Paris, Texas", 5) is not None
    assert not qualifier_after("Paris, Texas", 5).strict  # type: ignore[union-attr]
    assert qualifier_after("Gao is calm.", 3) is None


# ---- the step -----------------------------------------------------------------------------------

def test_paris_texas_follows_its_qualifier() -> None:
    found = geocoded("He grew up in Paris, Texas, before moving to France.",
                     [("Paris", "place", "FRA"), ("Texas", "place", None), ("France", "country", "FRA")])
    paris = found["Paris"]
    assert paris.geo is not None and paris.geo["country"] == "USA" and near(paris.geo, 33.66, -95.56)
    assert paris.country == "USA"  # the mention step's biggest-namesake guess is corrected
    assert found["Texas"].geo["feature"] == "admin1"  # type: ignore[index]


def test_plain_paris_is_the_capital_even_beside_america() -> None:
    found = geocoded("Diplomats from the United States met in Paris.",
                     [("United States", "country", "USA"), ("Paris", "place", "FRA")])
    assert found["Paris"].geo["country"] == "FRA"  # type: ignore[index]


def test_troops_moved_across_northern_mali() -> None:
    found = geocoded("Troops moved from Gao to Timbuktu in northern Mali.",
                     [("Gao", "place", None), ("Timbuktu", "place", None), ("Mali", "country", "MLI")])
    assert found["Timbuktu"].geo["country"] == "MLI"  # type: ignore[index]
    assert near(found["Gao"].geo, 16.27, -0.04, km=120)  # the town or its region: both in Gao
    mali = found["Mali"].geo
    assert mali is not None and mali["feature"] == "region" and mali["country"] == "MLI"
    assert mali["lat"] > 17.0 and mali["geonameid"] is None


def test_river_is_not_the_country() -> None:
    only_river = geocoded("Fishermen on the Niger river caught less this year.", [("Niger", "country", "NER")])
    assert only_river["Niger"].geo is None
    ctx = context_for("The Niger river floods. Niger and Chad closed their border.",
                      [("Niger", "country", "NER"), ("Chad", "country", "TCD")])
    second = ctx.text.index("Niger and")
    ctx.record.entities[0].mentions.append(Mention(second, second + 5, "Niger", "country", country="NER",
                                                   entity="e1"))
    GeocodeStep()(ctx)
    geo = ctx.record.entities[0].geo
    assert geo is not None and geo["country"] == "NER" and geo["feature"] == "country"


def test_town_in_an_unknown_state_stays_unresolved() -> None:
    # "Vell" is invented; even a namesake elsewhere must not be picked
    found = geocoded("Militants attacked the town of Vell in the Republic of Karesia.",
                     [("Vell", "place", None), ("Republic of Karesia", "country", None)])
    assert found["Vell"].geo is None
    assert found["Republic of Karesia"].geo is None
    # Kayes is a real town in Mali, but this one is in Karesia: no guess
    found = geocoded("Militants attacked the town of Kayes in the Republic of Karesia.",
                     [("Kayes", "place", None), ("Republic of Karesia", "country", None)])
    assert found["Kayes"].geo is None
    assert geocode_name("Kayes", set()) is not None


def test_bracket_hierarchy_never_picks_a_namesake_outside_it() -> None:
    # Seme exists in Senegal and Ivory Coast, not in Sourou province of Burkina Faso: the village is
    # put at its province (the commune, Toeni, is not in the index either), never abroad
    found = geocoded("In Burkina Faso, gunmen raided Seme (Toeni, Sourou) at dawn.",
                     [("Burkina Faso", "country", "BFA"), ("Seme", "place", None)])
    geo = found["Seme"].geo
    assert geo is not None and geo["country"] == "BFA" and geo["feature"] == "admin2"


def test_bracket_hierarchy_falls_back_to_the_commune_town_without_any_country_named() -> None:
    # an invented village in a real commune (Gorom-Gorom) and province (Oudalan); no country named
    found = geocoded("Gunmen burned granaries in Tallikoye (Gorom-Gorom, Oudalan) overnight.",
                     [("Tallikoye", "place", None)])
    geo = found["Tallikoye"].geo
    town = geocode_name("Gorom-Gorom", {"BFA"})
    assert geo is not None and town is not None
    assert geo["country"] == "BFA" and geo["geonameid"] == town["geonameid"]


def test_one_bracketed_name_is_still_only_believed_with_its_country() -> None:
    found = geocoded("Paris (AP) -- Officials met in Paris on Monday.", [("Paris", "place", None)])
    geo = found["Paris"].geo
    assert geo is not None and geo["country"] == "FRA"


def test_country_points_use_published_geographic_centres() -> None:
    usa = geo_index().country("USA")
    assert usa is not None and abs(usa.place.lat - 39.83) < 0.1 and abs(usa.place.lon + 98.58) < 0.1
    assert geo_index().lookup("United States")[0].lat == usa.place.lat


def test_comma_hierarchy_places_the_town_in_its_region() -> None:
    found = geocoded("Clashes near Bandiagara, Mopti, killed 12 in Mali.",
                     [("Bandiagara", "place", None), ("Mopti", "place", None), ("Mali", "country", "MLI")])
    geo = found["Bandiagara"].geo
    assert geo is not None and geo["country"] == "MLI" and near(geo, 14.35, -3.61, km=20)


def test_geocode_mention_reads_the_direction_of_that_mention() -> None:
    ctx = context_for("Fighting spread across northern Mali. Mali asked for help.",
                      [("Mali", "country", "MLI")])
    second = ctx.text.index("Mali asked")
    mention = Mention(second, second + 4, "Mali", "country", country="MLI", entity="e1")
    ctx.record.entities[0].mentions.append(mention)
    GeocodeStep()(ctx)
    assert ctx.record.entities[0].geo["feature"] == "country"  # type: ignore[index]
    first = ctx.record.entities[0].mentions[0]
    assert geocode_mention(ctx, first)["feature"] == "region"  # type: ignore[index]
    assert geocode_mention(ctx, mention)["feature"] == "country"  # type: ignore[index]


def test_only_countries_and_places_are_geocoded() -> None:
    found = geocoded("The Volkov Group met officials in Bamako.",
                     [("Volkov Group", "organization", None), ("Bamako", "place", None)])
    assert found["Volkov Group"].geo is None
    assert near(found["Bamako"].geo, 12.65, -8.0)


# ---- the whole pipeline -------------------------------------------------------------------------

@pytest.mark.slow
def test_pipeline_geocodes_places(extract: Callable[..., DocumentRecord]) -> None:
    record = extract("He grew up in Paris, Texas, and later studied in Lyon, France. "
                     "Niger and Chad closed their borders with Mali.")
    by_name = {e.name: e for e in record.entities}
    assert by_name["Paris"].geo is not None and by_name["Paris"].geo["country"] == "USA"
    assert by_name["Niger"].geo is not None and by_name["Niger"].geo["feature"] == "country"
    for entity in record.entities:
        if entity.kind not in ("country", "place"):
            assert entity.geo is None
