"""Document context against a famous namesake: the local cluster, the plurality rule, tie-breaks,
and the country points that follow GeoNames.

The contexts are built by hand (what the geocode step would hand :func:`resolve_place`); the
candidates are the real gazetteer's, so each test also pins the index entries it relies on.
"""

from __future__ import annotations

from sitroom.resolve.geo_index import Place, geo_index
from sitroom.resolve.geo_score import GeoContext, _cluster_adjustments, haversine_km, resolve_place


def place(name: str, country: str, feature: str = "city") -> Place:
    """The gazetteer's ``name`` in ``country`` (first match of that feature)."""
    return next(p for p in geo_index().lookup(name) if p.country == country and p.feature == feature)


def kentucky_story(*, with_places: bool) -> GeoContext:
    """A local Kentucky story ("a crash near Corbin, Ky. ... taken to a hospital in London") whose
    people were wrongly given the UK's code: ``GBR`` sits among the named countries."""
    corbin, kentucky = place("Corbin", "USA"), place("Kentucky", "USA", "admin1")
    places = (corbin, kentucky) if with_places else ()
    return GeoContext(frozenset({"USA", "GBR"}), frozenset({("USA", "KY")}), (corbin,), places=places)


def test_local_cluster_beats_the_famous_namesake_abroad() -> None:
    found = resolve_place("London", kentucky_story(with_places=True))
    assert found is not None and (found.country, found.admin1) == ("USA", "KY")


def test_without_the_document_places_the_capital_still_wins() -> None:
    # the rule needs to know where the story's other places lie: without them nothing changes
    found = resolve_place("London", kentucky_story(with_places=False))
    assert found is not None and found.country == "GBR"


def test_a_foreign_namesake_stays_when_its_country_has_places_of_its_own() -> None:
    """An Ontario story that also names Britain's places (``Manchester``) keeps London English when the
    Ontario London has no local cluster around it."""
    manchester = place("Manchester", "GBR")
    toronto = place("Toronto", "CAN")
    context = GeoContext(frozenset({"CAN", "GBR"}), frozenset(), (toronto, manchester),
                         places=(toronto, manchester))
    found = resolve_place("London", context)
    assert found is not None and found.country == "GBR"


def test_a_stray_place_abroad_does_not_make_a_cluster() -> None:
    """A Prairie story (``Regina``, ``Saskatchewan``, ``Winnipeg``, ``Alta.``) where a first name,
    ``Brent``, was read as the London borough: Edmonton near Brent is not the story's cluster, the
    country most of its places lie in is Canada."""
    brent = place("Brent", "GBR")
    regina, winnipeg = place("Regina", "CAN"), place("Winnipeg", "CAN")
    saskatchewan = place("Saskatchewan", "CAN", "admin1")
    admins = frozenset({("CAN", "11"), ("CAN", "01"), ("GBR", "ENG")})
    context = GeoContext(frozenset({"CAN", "GBR"}), admins,
                         (brent, regina, winnipeg), places=(brent, regina, winnipeg, saskatchewan))
    found = resolve_place("Edmonton", context)
    assert found is not None and found.country == "CAN"


def test_a_name_that_is_also_a_state_gets_no_cluster_adjustment() -> None:
    """``Victoria`` is an Australian state and a town in British Columbia: in a BC story the town is
    in the cluster, but the rule leaves names of states and countries to the ordinary score (a
    summed local bonus would let a village beat the state of its name)."""
    vancouver = place("Vancouver", "CAN")
    bc = place("British Columbia", "CAN", "admin1")
    context = GeoContext(frozenset({"CAN"}), frozenset({("CAN", "02")}), (vancouver,), places=(vancouver, bc))
    candidates = geo_index().lookup("Victoria")
    assert any(c.feature == "admin1" for c in candidates)
    assert _cluster_adjustments(candidates, context) == {}
    towns = [c for c in candidates if c.feature == "city"]
    assert _cluster_adjustments(towns, context)  # the same towns alone do get one


def test_equal_scores_go_to_the_unit_of_the_larger_country() -> None:
    """``Florida`` is a US state and a Puerto Rican municipality; with both countries named (a
    senator wrongly coded as Puerto Rican), the tie goes to the state of the larger country."""
    found = resolve_place("Florida", GeoContext(frozenset({"USA", "PRI"})))
    assert found is not None and (found.feature, found.country, found.admin1) == ("admin1", "USA", "FL")


def test_country_points_follow_geonames_for_canada_and_japan() -> None:
    canada = geo_index().country("CAN")
    japan = geo_index().country("JPN")
    assert canada is not None and japan is not None
    # GeoNames puts Canada in northern Alberta, not at countryinfo's 60N 95W on Hudson Bay
    assert haversine_km(canada.place.lat, canada.place.lon, 60.1087, -113.6426) < 1
    assert haversine_km(canada.place.lat, canada.place.lon, 60.0, -95.0) > 900
    assert haversine_km(japan.place.lat, japan.place.lon, 35.68, 139.76) < 5  # Tokyo
