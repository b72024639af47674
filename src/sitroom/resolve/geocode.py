"""Offline geocoding: a point, country and feature type for every country and place entity.

``GeocodeStep`` (pipeline position: after resolve) sets ``entity.geo`` =
``{"lat", "lon", "country", "feature", "geonameid"}`` for entities of kind ``country`` and
``place`` from the GeoNames-derived index of :mod:`sitroom.resolve.geo_index`. A name with several
candidates (``Paris``: France, Texas, Ontario...) is decided by a score in log10-population units:

- a prior per candidate: ``log10(population)`` for towns (+1.5 for a capital, so ``Washington`` is
  the city), a fixed weight for countries (10), continents (8.5), named regions (7), admin1 (6.5)
  and admin2 (5) units, which news names far more often than a town of the same name;
- +2.5 when the candidate lies in a country the rest of the document names (``Paris`` beside Texas
  and Dallas): strong enough to beat a town ten times bigger abroad, not a capital abroad;
- for towns and counties, +2 when they lie in an admin1 unit the document names (``Red Deer``
  beside ``Alberta``), else +1.5 when they lie within 150 km of another place it names;
- -2 for a town or county matched through another of its names (``Texas`` -> ``Texas County``);
- a qualifier written beside the name (:mod:`sitroom.resolve.geo_text`): +8 inside a comma
  qualifier (``Paris, Texas``); inside brackets or after ``in`` (``Seme (Toeni, Sourou)``,
  ``Vell in Karesia``) the answer must lie in the qualifier, and when no candidate does, or the
  qualifier is a state the gazetteer does not know, the place stays unresolved. A bracket
  qualifier in a country the document never names (``Florida (AP)``) is not believed.

Directions make regions: a country entity whose every mention reads ``northern Mali`` gets feature
``region``, country ``MLI``, and a point three quarters of the way from the middle of the
country's mainland bounding box towards that side (``central``: the country's point). The
``geonameid`` of such a region is ``None``. :func:`geocode_mention` applies the same reading to one
mention, for callers that geocode an event's place. Water (``the Niger river``) is not geocoded.

Unresolvable names (``Vell``, not in GeoNames) keep ``geo = None`` rather than a guess.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sitroom.extract.context import Context
from sitroom.records import Entity, Mention
from sitroom.resolve.geo_index import NAME_CACHE_SIZE, Place, geo_index
from sitroom.resolve.geo_score import (
    FEATURE_PRIOR,
    GeoContext,
    directional_region,
    haversine_km,
    resolve_place,
)
from sitroom.resolve.geo_text import Qualifier, direction_before, is_water, qualifier_after

__all__ = ["GEO_KINDS", "GeoContext", "GeocodeStep", "directional_region", "document_context",
           "geocode_mention", "geocode_name", "haversine_km", "resolve_place"]

GEO_KINDS = ("country", "place")


@dataclass
class _Qualified:
    context: GeoContext
    unknown: bool = False
    """True when the qualifier is a state the gazetteer does not know (``in Karesia``)."""


def geocode_name(name: str, context_countries: set[str] | frozenset[str],
                 *, context: GeoContext | None = None) -> dict[str, Any] | None:
    """``entity.geo`` for a place name, given the ISO alpha-3 codes of countries in the document."""
    base = context or GeoContext()
    ctx = GeoContext(frozenset(context_countries) | base.countries, base.admins, base.near, base.within,
                     base.strict)
    place = resolve_place(name, ctx)
    return place.to_geo() if place else None


def geocode_mention(ctx: Context, mention: Mention) -> dict[str, Any] | None:
    """``geo`` for one mention read in its sentence: ``northern Mali`` is a region, a river None."""
    text = ctx.text
    if is_water(text, mention.start, mention.end):
        return None
    context = document_context(ctx, exclude=mention.entity)
    entity = ctx.record.entity(mention.entity) if mention.entity else None
    place = _place_for_mention(ctx, mention, entity, context)
    if place is None:
        return None
    direction = direction_before(text, mention.start)
    if direction and place.feature == "country":
        return directional_region(place, direction).to_geo()
    return place.to_geo()


class GeocodeStep:
    """Sets ``entity.geo`` on country and place entities (see the module docstring)."""

    name = "geocode"
    version = "1"

    def __call__(self, ctx: Context) -> None:
        targets = [e for e in ctx.record.entities if e.kind in GEO_KINDS]
        if not targets:
            return
        named = _NamedPlaces(ctx.record.entities)  # once per document: it was rebuilt per entity
        first = {e.id: self.locate(ctx, e, named.context(exclude=e.id)) for e in targets}
        resolved = _ResolvedPlaces(first)
        for entity in targets:
            context = named.context(exclude=entity.id, resolved=resolved.without(entity.id))
            place = self.locate(ctx, entity, context)
            entity.geo = place.to_geo() if place else None
            if place is not None and entity.kind == "place" and place.country:
                entity.country = place.country  # the mention step's guess was the biggest namesake

    def locate(self, ctx: Context, entity: Entity, context: GeoContext) -> Place | None:
        mentions = [m for m in entity.mentions if m.is_name]
        dry = [m for m in mentions if not is_water(ctx.text, m.start, m.end)]
        if mentions and not dry:
            return None  # only ever "the Niger river"
        place = _entity_place(ctx, entity, dry, context)
        if place is None:
            return None
        directions = {direction_before(ctx.text, m.start) for m in dry}
        if place.feature == "country" and len(directions) == 1 and None not in directions:
            return directional_region(place, directions.pop() or "")
        return place


# ---- document context -------------------------------------------------------------------------

def document_context(ctx: Context, exclude: str | None = None,
                     resolved: Iterable[Place] = ()) -> GeoContext:
    """Countries, admin1 units and towns the document names, leaving out entity ``exclude``.

    Countries come from every non-place entity with an ISO code (``Mali``, ``the Malian army``),
    admin1 units also from names that start with one (``Kentucky State Police``); ``resolved`` are
    places a first pass found, whose countries, admin1 units and points count too.
    """
    return _NamedPlaces(ctx.record.entities).context(exclude, _ResolvedPlaces.of(resolved).without(None))


class _Tally:
    """How many contributors name each item, so that "everything but one contributor" is the full
    set less the items only that contributor names: O(its items), not a pass over every entity."""

    def __init__(self) -> None:
        self.counts: dict[Any, int] = {}
        self.own: dict[str, tuple[Any, ...]] = {}

    def add(self, contributor: str, items: Iterable[Any]) -> None:
        mine = tuple(dict.fromkeys(items))
        if not mine:
            return
        # one id may contribute twice (duplicate entity ids): count each contribution
        self.own[contributor] = self.own.get(contributor, ()) + mine
        for item in mine:
            self.counts[item] = self.counts.get(item, 0) + 1

    def without(self, contributor: str | None) -> frozenset[Any]:
        mine = self.own.get(contributor or "", ()) if contributor is not None else ()
        if not mine:
            return frozenset(self.counts)
        dropped = {item: n for item, n in _count(mine).items() if self.counts[item] <= n}
        return frozenset(item for item in self.counts if item not in dropped)


def _count(items: Iterable[Any]) -> dict[Any, int]:
    out: dict[Any, int] = {}
    for item in items:
        out[item] = out.get(item, 0) + 1
    return out


@dataclass
class _Contribution:
    countries: frozenset[str]
    admins: frozenset[tuple[str, str]]
    near: tuple[Place, ...]
    places: tuple[Place, ...] = ()


class _ResolvedPlaces:
    """Places a first pass found, per entity id: their countries, admin1 units and points count as
    context for every other entity."""

    def __init__(self, first: dict[str, Place | None]) -> None:
        self.countries = _Tally()
        self.admins = _Tally()
        self.places = [(k, p) for k, p in first.items() if p is not None]
        for key, place in self.places:
            self.countries.add(key, [place.country] if place.country else [])
            self.admins.add(key, _admin_of(place))

    @classmethod
    def of(cls, resolved: Iterable[Place]) -> _ResolvedPlaces:
        return cls({str(k): p for k, p in enumerate(resolved)})

    def without(self, entity_id: str | None) -> _Contribution:
        others = tuple(p for k, p in self.places if k != entity_id)
        near = tuple(p for p in others if p.feature in ("city", "admin2"))
        return _Contribution(self.countries.without(entity_id), self.admins.without(entity_id), near, others)


def _admin_of(place: Place) -> list[tuple[str, str]]:
    if place.country and place.admin1 and place.feature in ("admin1", "admin2", "city"):
        return [(place.country, place.admin1)]
    return []


class _NamedPlaces:
    """Countries and admin1 units the document's entities name, built once per document.

    Countries come from every non-place entity with an ISO code (a place's country is the mention
    step's guess); admin1 units from every non-country entity's name (:func:`_admins_named`)."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        index = geo_index()
        self.countries = _Tally()
        self.admins = _Tally()
        for entity in entities:
            if entity.kind != "place" and entity.country and index.country(entity.country):
                self.countries.add(entity.id, [entity.country])
            if entity.kind not in ("country",):
                self.admins.add(entity.id, _admins_named(entity.name))

    def context(self, exclude: str | None = None, resolved: _Contribution | None = None) -> GeoContext:
        countries = self.countries.without(exclude)
        admins = self.admins.without(exclude)
        if resolved is None:
            return GeoContext(countries, admins, ())
        return GeoContext(countries | resolved.countries, admins | resolved.admins, resolved.near,
                          places=resolved.places)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _admins_named(name: str) -> frozenset[tuple[str, str]]:
    """Admin1 units a name is or starts with (``Kentucky``, ``Kentucky State Police``); cached by
    name: the same names come back in every document."""
    words = name.split()
    out: set[tuple[str, str]] = set()
    for size in (2, 1):
        if len(words) < size:
            continue
        places = geo_index().lookup(" ".join(words[:size]))
        if any(p.feature == "country" for p in places):
            continue
        out.update((p.country, p.admin1) for p in places if p.feature == "admin1" and p.country and p.admin1)
        if out:
            break
    return frozenset(out)


def _entity_place(ctx: Context, entity: Entity, mentions: list[Mention], context: GeoContext) -> Place | None:
    """The entity's place: a country by its code; else the first mention with a qualifier
    decides, else the entity's name."""
    if entity.kind == "country":
        box = geo_index().country(entity.country)
        return box.place if box else None
    for mention in mentions:
        qualified = _qualify(ctx, mention, context)
        if qualified is None:
            continue
        if qualified.unknown:
            return None
        return (resolve_place(mention.text, qualified.context) or resolve_place(entity.name, qualified.context)
                or _hierarchy_fallback(ctx, mention, qualified.context))
    names = [entity.name, *(m.text for m in mentions)]
    return next((p for p in (resolve_place(n, context) for n in names) if p is not None), None)


def _place_for_mention(ctx: Context, mention: Mention, entity: Entity | None,
                       context: GeoContext) -> Place | None:
    if entity is not None and entity.kind == "country":
        box = geo_index().country(entity.country)
        return box.place if box else None
    qualified = _qualify(ctx, mention, context)
    if qualified is not None:
        if qualified.unknown:
            return None
        context = qualified.context
    names = [mention.text, entity.name] if entity is not None else [mention.text]
    return next((p for p in (resolve_place(n, context) for n in names) if p is not None), None)


def _qualify(ctx: Context, mention: Mention, context: GeoContext) -> _Qualified | None:
    """The context narrowed by a qualifier written after the mention, if any."""
    qualifier = qualifier_after(ctx.text, mention.end)
    if qualifier is None:
        return None
    if _names_unknown_state(ctx, qualifier):
        return _Qualified(context, unknown=True)
    within = _containers(mention.text, qualifier.names, context)
    if not within:
        return None
    trusted = qualifier.strict and len(qualifier.names) == 2
    narrowed = GeoContext(context.countries, context.admins, context.near, within, qualifier.strict, trusted)
    return _Qualified(narrowed)


def _hierarchy_fallback(ctx: Context, mention: Mention, context: GeoContext) -> Place | None:
    """A village the index lacks, written ``Djika (Arbinda, Soum)``: the town ``Arbinda`` inside
    ``Soum``, else ``Soum`` itself. Conflict notes name villages of a few hundred people (below
    GeoNames' cities1000) beside their commune and province, which lie within a few tens of km."""
    qualifier = qualifier_after(ctx.text, mention.end)
    if qualifier is None or not context.trusted:
        return None
    town = resolve_place(qualifier.names[0], context)
    if town is not None:
        return town
    return next(iter(context.within[::-1]), None)


CONTAINER_FEATURES = ("country", "admin1", "admin2")


def _containers(subject: str, names: tuple[str, ...] | list[str], context: GeoContext) -> tuple[Place, ...]:
    """The country or admin unit each qualifier name stands for (towns do not qualify other names).

    A name many countries use for a unit (``Comoe``: a province of Burkina Faso, a district of
    Ivory Coast) is read in the one country where most of the written hierarchy exists: the
    qualified name itself, the other qualifier names, and the document's countries each count one.
    """
    options = [[p for p in geo_index().lookup(n) if p.feature in CONTAINER_FEATURES] for n in names]
    countries = {p.country for found in options for p in found if p.country}
    if not countries:
        return ()
    written = [subject, *names]
    support = {c: sum(any(p.country == c for p in geo_index().lookup(n)) for n in written)
               + int(c in context.countries) for c in countries}
    prior = {c: max(FEATURE_PRIOR[p.feature] for found in options for p in found if p.country == c)
             for c in countries}
    home = max(sorted(countries), key=lambda c: (support[c], prior[c]))
    out = []
    for found in options:
        if found:
            same = [p for p in found if p.country == home]
            out.append(max(same or found, key=lambda p: FEATURE_PRIOR[p.feature]))
    return tuple(out)


def _names_unknown_state(ctx: Context, qualifier: Qualifier) -> bool:
    """True when the qualifier is a country entity without a code (``the Republic of Karesia``)."""
    for entity in ctx.record.entities:
        if entity.kind != "country" or entity.country:
            continue
        if any(m.start <= qualifier.start < m.end or m.start == qualifier.start for m in entity.mentions):
            return True
        if any(entity.name == n or n.endswith(entity.name) for n in qualifier.names):
            return True
    return False


