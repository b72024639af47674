"""Deciding between gazetteer candidates for one name: the score, containment, regions.

See :mod:`sitroom.resolve.geocode` for the weights and why; this module holds the arithmetic so
that the step module only reads the document. Two rules live here alone:

- the document's local cluster (:func:`_cluster_adjustments`): when the caller passes the document's
  other resolved places (``GeoContext.places``), a town in the cluster they form beats a famous
  namesake abroad (``London`` in a story about ``Laurel County, Ky.``), because the countries a
  document "names" also come from people and organisations, whose codes are often inherited from
  the very name being decided;
- equal scores go to the unit of the larger country (``Florida``: the US state, not the Puerto Rican
  municipality).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from sitroom.knowledge import lookup_city
from sitroom.resolve.geo_index import CountryBox, Place, geo_index, name_key
from sitroom.resolve.geo_text import normalise_direction

FEATURE_PRIOR = {"country": 10.0, "continent": 8.5, "region": 7.0, "admin1": 6.5, "admin2": 5.0}
CAPITAL_BONUS = 1.5
COUNTRY_CONTEXT_BONUS = 2.5
ADMIN_CONTEXT_BONUS = 2.0
NEARBY_BONUS = 1.5
ALIAS_PENALTY = 2.0
NEARBY_KM = 150.0
QUALIFIER_BONUS = 8.0
CLUSTER_BONUS = 1.5
"""Added to the local bonus of a town both in a named admin1 unit and near a named place (the
document's local cluster), when no candidate of the name is a state or country."""
FOREIGN_PENALTY = 1.5
"""Taken from a namesake in a country none of the document's other places lies in, when another
namesake sits in the document's local cluster (``London`` beside ``Laurel County, Ky.``)."""
DIRECTION_SHARE = 0.75
"""How far from the box's middle to its edge a directional region's point lies (0.5 = middle)."""
VARIANT_SUFFIXES = frozenset({"province", "state", "region", "city", "county", "district", "governorate",
                              "prefecture", "department", "area", "territory"})
LEADING_DIRECTION = re.compile(
    r"^(?:far\s+)?(?P<dir>north|south|east|west|central|north[- ]?east|north[- ]?west|south[- ]?east|"
    r"south[- ]?west)(?:ern)?\s+", re.IGNORECASE)


@dataclass(frozen=True)
class GeoContext:
    """What the document says around a name: countries, admin1 units, a qualifier."""

    countries: frozenset[str] = frozenset()
    admins: frozenset[tuple[str, str]] = frozenset()
    """``(alpha3, admin1 code)`` of admin1 units the document names."""
    near: tuple[Place, ...] = ()
    """Towns and counties the document names, resolved in a first pass."""
    within: tuple[Place, ...] = ()
    """Places the name is qualified by (``Texas`` for ``Paris, Texas``)."""
    strict: bool = False
    """True when the answer must lie in ``within`` (brackets, ``in``)."""
    trusted: bool = False
    """True for a bracketed hierarchy (``Seme (Toeni, Sourou)``): believed even when the document
    names no country, unlike one bracketed name (``Florida (AP)``)."""
    places: tuple[Place, ...] = ()
    """Every other place of the document as a first pass resolved it (countries, admin units, towns):
    unlike ``countries``, which also holds the countries of people and organisations (often inherited
    from the very name being decided), these say where the story is set."""


def resolve_place(name: str, context: GeoContext) -> Place | None:
    """The best gazetteer entry for ``name`` in ``context``, or None (see the module docstring)."""
    candidates = geo_index().lookup(name)
    if not candidates:
        return _resolve_variant(name, context)
    if context.within and context.strict:
        kept = [c for c in candidates if any(inside(c, w) for w in context.within)]
        if not kept and not (context.trusted or _credible(context)):
            kept = candidates  # "Florida (AP)": an outlet, not a container
        candidates = kept
    if not candidates:
        return None
    key = name_key(name)
    context = _without_own_admins(candidates, context)
    adjust = _cluster_adjustments(candidates, context)
    return max(candidates, key=lambda c: (score(c, context) - _alias_penalty(c, key) + adjust.get(c, 0.0),
                                          _country_size(c)))


def _cluster_adjustments(candidates: list[Place], context: GeoContext) -> dict[Place, float]:
    """Let a coherent local cluster beat a famous namesake abroad (see the module docstring).

    A town in the cluster (in an admin1 unit the document names, near one of its places, and in the
    country most of its places lie in: a stray ``Brent`` in London does not make a Canadian story
    English) gets :data:`CLUSTER_BONUS`; then, if one does, every namesake in a country where none of the document's
    other places lies loses :data:`FOREIGN_PENALTY`. A name that is also a state or country (``Wyoming``,
    ``Georgia``) gets neither: the state is what a local story names far more often."""
    if not context.places or any(c.feature in ("country", "admin1") for c in candidates):
        return {}
    settled = Counter(p.country for p in context.places if p.country)
    main = max(settled.values(), default=0)
    local = [c for c in candidates if settled[c.country or ""] == main and _in_cluster(c, context)]
    if not local:
        return {}
    out = {c: CLUSTER_BONUS for c in local}
    for candidate in candidates:
        if candidate.country not in settled:
            out[candidate] = out.get(candidate, 0.0) - FOREIGN_PENALTY
    return out


def _in_cluster(place: Place, context: GeoContext) -> bool:
    """In an admin1 unit the document names and near one of its towns or counties."""
    if place.feature not in ("city", "admin2") or not place.country or not place.admin1:
        return False
    return (place.country, place.admin1) in context.admins \
        and any(distance_km(place, p) <= NEARBY_KM for p in context.near)


def _country_size(place: Place) -> int:
    """Tie-break between equal scores: the unit of the larger country. Admin units carry no
    population, so ``Florida`` the US state and ``Florida`` the Puerto Rican municipality tie
    whenever both countries are named; the larger state is the one news means far more often."""
    box = geo_index().country(place.country)
    return box.place.population if box else 0


def _without_own_admins(candidates: list[Place], context: GeoContext) -> GeoContext:
    """Drop from the context the admin1 units the name itself may be (``Quebec``): otherwise the
    province, once named, lends its own bonus to the namesake town inside it and beats itself."""
    own = {(c.country, c.admin1) for c in candidates if c.feature == "admin1"}
    if not own & context.admins:
        return context
    return GeoContext(context.countries, context.admins - own, context.near, context.within, context.strict,
                      context.trusted)


def _credible(context: GeoContext) -> bool:
    """A strict qualifier is believed when it lies in a country the document is about."""
    return any(w.country in context.countries for w in context.within)


def _alias_penalty(place: Place, key: str) -> float:
    """Towns and counties matched through another name (``Texas`` -> ``Texas County``, an exonym)
    rank below those that bear the name itself."""
    if place.feature in ("city", "admin2") and name_key(place.name) != key:
        return ALIAS_PENALTY
    return 0.0


def score(place: Place, context: GeoContext) -> float:
    """The log10-population-like score described in the module docstring."""
    value = FEATURE_PRIOR.get(place.feature)
    if value is None:
        value = math.log10(place.population + 1)
        if _is_capital(place):
            value += CAPITAL_BONUS
    if place.country and place.country in context.countries:
        value += COUNTRY_CONTEXT_BONUS
    value += _local_bonus(place, context)
    if any(inside(place, w) for w in context.within):
        value += QUALIFIER_BONUS
    return value


def _local_bonus(place: Place, context: GeoContext) -> float:
    """A town or county in an admin1 unit the document names, or near another place it names.
    The larger of the two, not their sum: both say "this part of the country", and summed they
    would let a village beat the state of the same name (``Wyoming``, Ohio over Wyoming)."""
    if place.feature not in ("city", "admin2"):
        return 0.0
    bonus = 0.0
    if place.country and place.admin1 and (place.country, place.admin1) in context.admins:
        bonus = ADMIN_CONTEXT_BONUS
    if bonus < NEARBY_BONUS and any(distance_km(place, p) <= NEARBY_KM for p in context.near):
        bonus = NEARBY_BONUS
    return bonus


def _resolve_variant(name: str, context: GeoContext) -> Place | None:
    """A name the gazetteer lacks as written: ``Sichuan province``, ``Western Canada``,
    ``City of Montreal``: drop the extra words and resolve what is left."""
    words = name.split()
    found = LEADING_DIRECTION.match(name)
    if found and found.end() < len(name):
        place = resolve_place(name[found.end():], context)
        if place is None:
            return None
        if place.feature == "country":
            return directional_region(place, normalise_direction(found.group("dir")))
        return place
    for prefix in ("City of ", "Greater ", "Metro "):
        if name.startswith(prefix) and len(name) > len(prefix):
            return resolve_place(name[len(prefix):], context)
    if len(words) > 1 and words[-1].lower() in VARIANT_SUFFIXES:
        return resolve_place(" ".join(words[:-1]), context)
    return None


def _is_capital(place: Place) -> bool:
    known = lookup_city(place.name)
    return known is not None and known.capital and known.geonameid == place.geonameid


def inside(place: Place, container: Place) -> bool:
    """True when ``place`` lies in ``container`` (a country, admin unit or region)."""
    if place == container or not place.country:
        return False
    if container.feature == "country":
        return place.country == container.country
    if container.feature == "admin1":
        return place.country == container.country and place.admin1 == container.admin1 \
            and place.feature != "admin1"
    if container.feature == "admin2":
        # cities carry no admin2 code: same country and near the unit's point
        return place.country == container.country and distance_km(place, container) <= 100
    return False


def distance_km(a: Place, b: Place) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def directional_region(country: Place, direction: str) -> Place:
    """``northern Mali``: a coarse point on that side of the country (see the module docstring)."""
    box = geo_index().country(country.country)
    if box is None or direction == "central":
        return Place(f"{direction} {country.name}", "region", country.lat, country.lon, country.country)
    lat, lon = _toward(box, direction)
    return Place(f"{direction} {country.name}", "region", lat, lon, country.country)


def _toward(box: CountryBox, direction: str) -> tuple[float, float]:
    lat_share = DIRECTION_SHARE if "north" in direction else 1 - DIRECTION_SHARE if "south" in direction else 0.5
    lon_share = DIRECTION_SHARE if "east" in direction else 1 - DIRECTION_SHARE if "west" in direction else 0.5
    return (box.south + lat_share * (box.north - box.south), box.west + lon_share * (box.east - box.west))


